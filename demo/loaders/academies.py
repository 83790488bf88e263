"""Demo academies (content/academies.yaml): one serving a single State, one serving two States
and a UT, and the national one."""

from django.contrib.auth.models import Group

from academies.models import Academy, AcademyIndexPage, Signatory
from academies.services import EDITOR, MODERATOR, REGISTRAR, add_staff
from accounts.models import User
from regions.models import HighCourt, State

from ..content import CONTENT_DIR, TEXT, check_fields, check_list, read_yaml
from ..locales import source

FILE = "academies.yaml"
SPEC = {"index_page": (dict, True), "platform_administrators": (list, True), "academies": (list, True)}
ACADEMY = {
    "short_code": (TEXT, True),
    "name": (TEXT, True),
    "is_national": (bool, False),
    "states": (list, True),
    "high_court": (TEXT, False),
    "address": (TEXT, True),
    "about": (TEXT, True),
    "contact_email": (TEXT, True),
    "signatories": (list, True),
    "staff": (TEXT, True),
}
SIGNATORY = {"name": (TEXT, True), "designation": (TEXT, True)}


def _academy(data, where):
    check_fields(data, ACADEMY, where)
    check_list(data["signatories"], f"{where}.signatories", lambda s, at: check_fields(s, SIGNATORY, at))
    return data


def read(root=CONTENT_DIR):
    data = check_fields(read_yaml(root / FILE, root), SPEC, FILE)
    check_fields(data["index_page"], {"introduction": (TEXT, True)}, f"{FILE}: index_page")
    check_list(data["academies"], f"{FILE}: academies", _academy)
    return data


def load(stdout, data=None):
    data = data or read()
    created = 0
    for item in data["academies"]:
        academy = Academy.objects.filter(short_code=item["short_code"]).first()
        if academy is None:
            academy = Academy(
                short_code=item["short_code"],
                name=item["name"],
                high_court=HighCourt.objects.filter(code=item.get("high_court") or "").first(),
                is_national=item.get("is_national", False),
                address=item["address"],
                about=item["about"],
                contact_email=item["contact_email"],
            )
            academy.save()
            academy.states.set(State.objects.filter(code__in=item["states"]))
            for order, signatory in enumerate(item["signatories"]):
                Signatory.objects.create(academy=academy, sort_order=order, **signatory)
            academy.refresh_from_db()
            staff = User.objects.get(email=item["staff"])
            for role in (EDITOR, MODERATOR, REGISTRAR):
                add_staff(academy, staff, role)
            created += 1
    for email in data["platform_administrators"]:
        admin = User.objects.get(email=email)
        if not admin.groups.filter(name="Platform administrators").exists():
            admin.groups.add(Group.objects.get(name="Platform administrators"))
            created += 1
    index = source(AcademyIndexPage).first()
    if index and not index.show_in_menus:
        index.show_in_menus = True
        index.introduction = data["index_page"]["introduction"]
        index.save_revision().publish()
        created += 1
    return created
