"""Demo inter-State channel (content/interstate.yaml): each academy's contacts and nodal officers
(fictional people), and an event co-organised by two academies.

Runs after the colloquia loader (the events exist). Each contact is checked as the admin form
checks it (a nodal officer's State is one the academy serves); co-organisers are published with
the event's page, as an editor adds them. Idempotent: a contact that exists by academy and name,
and an event that has co-organisers, are left as they are.
"""

from academies.models import Academy
from colloquia.models import ColloquiumPage
from interstate.models import Contact, ContactKind, CoOrganiser
from regions.models import State

from ..content import CONTENT_DIR, TEXT, ContentError, check_choice, check_fields, check_list, read_yaml
from ..locales import source
from . import academies, colloquia

FILE = "interstate.yaml"
SPEC = {"contacts": (list, True), "co_organised": (list, False)}
CONTACT = {
    "academy": (TEXT, True),
    "kind": (TEXT, True),
    "state": (TEXT, False),
    "name": (TEXT, True),
    "designation": (TEXT, True),
    "office": (TEXT, False),
    "phone": (TEXT, False),
    "email": (TEXT, False),
}
CO_ORGANISED = {"event": (TEXT, True), "academies": (list, True)}


def read(root=CONTENT_DIR):
    data = check_fields(read_yaml(root / FILE, root), SPEC, FILE)
    known = {academy["short_code"]: academy for academy in academies.read(root)["academies"]}
    events = {event["slug"]: event for event in colloquia.read(root)["events"]}

    def contact(item, where):
        check_fields(item, CONTACT, where)
        check_choice(item["academy"], known, f"{where}.academy")
        kind = check_choice(item["kind"], ContactKind.values, f"{where}.kind")
        if "(fictional)" not in item["name"]:
            raise ContentError(f"{where}.name: demo people are fictional; say so in the name, e.g. '(fictional)'")
        if kind == ContactKind.NODAL_OFFICER:
            served = known[item["academy"]]["states"]
            if not item.get("state") or (served and item["state"] not in served):
                raise ContentError(f"{where}.state: give a State/UT code that {item['academy']} serves")
        return item

    def co_organised(item, where):
        check_fields(item, CO_ORGANISED, where)
        if item["event"] not in events:
            raise ContentError(f"{where}.event: {item['event']!r} is not the slug of a demo colloquium")
        for code in item["academies"]:
            check_choice(code, known, f"{where}.academies")
            if code == events[item["event"]]["academy"]:
                raise ContentError(
                    f"{where}.academies: {code} already organises the event (its page is in its section)"
                )
        return item

    check_list(data["contacts"], f"{FILE}: contacts", contact)
    check_list(data.get("co_organised") or [], f"{FILE}: co_organised", co_organised)
    return data


def load(stdout, data=None):
    data = data or read()
    created = 0
    by_code = {academy.short_code: academy for academy in Academy.objects.all()}
    for n, item in enumerate(data["contacts"]):
        academy = by_code[item["academy"]]
        if Contact.objects.filter(academy=academy, name=item["name"]).exists():
            continue
        contact = Contact(
            academy=academy,
            kind=item["kind"],
            state=State.objects.get(code=item["state"]) if item.get("state") else None,
            name=item["name"],
            designation=item["designation"],
            office=item.get("office", ""),
            phone=item.get("phone", ""),
            email=item.get("email", ""),
            sort_order=n,
        )
        contact.full_clean()
        contact.save()
        created += 1
    for item in data.get("co_organised") or []:
        page = source(ColloquiumPage).get(slug=item["event"])
        if page.co_organisers.exists():
            continue
        draft = page.get_latest_revision_as_object()
        draft.co_organisers = [CoOrganiser(academy=by_code[code]) for code in item["academies"]]
        draft.save_revision().publish()
        created += len(item["academies"])
    stdout.write(f"inter-State channel: {created} objects created\n")
    return created
