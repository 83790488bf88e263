"""Demo colloquia (content/colloquia/): one file per event with its agenda, people by role,
registrations and attendance, plus the extra participants of content/accounts.yaml.

Dates count from the day the demo is loaded, so the upcoming events stay upcoming. Idempotent:
objects are found by slug or email and created only when missing.
"""

import datetime
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.utils import timezone
from wagtail.models import Page

from academies.models import Academy
from accounts.models import User
from accounts.roles import RoleStatus
from colloquia.models import (
    AgendaDay,
    AgendaSession,
    Attendance,
    CategoryPlaces,
    ColloquiumIndexPage,
    ColloquiumPage,
    SessionMode,
)
from colloquia.models import Registration as R
from colloquia.services import attendance_open
from home.models import HomePage
from regions.models import State

from ..content import (
    CONTENT_DIR,
    TEXT,
    ContentError,
    check_choice,
    check_fields,
    check_list,
    display_name,
    read_yaml,
    yaml_files,
)
from ..locales import source
from . import accounts

FOLDER = "colloquia"
CATALOGUE = {"national_index": (dict, True), "academy_index": (dict, True), "default_audience": (dict, True)}
INDEX = {"slug": (TEXT, True), "title": (TEXT, True), "show_in_menus": (bool, False), "introduction": (TEXT, True)}
EVENT = {
    "slug": (TEXT, True),
    "title": (TEXT, True),
    "academy": (TEXT, True),
    "starts_in_days": (int, True),
    "days": (int, True),
    "day_titles": (list, False),
    "audience": (dict, False),
    "kind": (TEXT, True),
    "state": (TEXT, True),
    "venue": (TEXT, True),
    "address": (TEXT, True),
    "introduction": (TEXT, False),
    "mha_supported": (bool, False),
    "amount_sanctioned": (TEXT, False),
    "registration_mode": (TEXT, True),
    "registration_open": (bool, True),
    "registration_deadline_days": (int, False),
    "certificate_rule": (TEXT, False),
    "certificate_min_sessions": (int, False),
    "certificate_min_hours": (TEXT, False),
    "sessions": (list, True),
    "registrations": (list, True),
}
SESSION = {
    "day": (int, True),
    "start": (TEXT, True),
    "end": (TEXT, True),
    "kind": (TEXT, True),
    "title": (TEXT, True),
    "people": (list, False),
    "counts_for_attendance": (bool, True),
    "mode": (TEXT, False),  # in_person (the default), online or hybrid
    "meeting_link": (TEXT, False),  # https only; shown to approved participants only
}
ROLES = ("chair", "resource_person", "moderator", "panellist", "facilitator", "presiding", "observer", "speaker")
REGISTRATION = {"email": (TEXT, True), "status": (TEXT, False), "attended": (bool, False), "missed": (list, False)}


def _time(value, where):
    try:
        return datetime.time.fromisoformat(value)
    except ValueError as error:
        raise ContentError(f"{where}: {value!r} is not a time like '09:30'") from error


def _person(person, where):
    if not isinstance(person, dict) or len(person) != 1:
        raise ContentError(f"{where}: a person is one line `role: name`, found {person!r}")
    ((role, name),) = person.items()
    check_choice(role, ROLES, f"{where} role")
    if not isinstance(name, str):
        raise ContentError(f"{where}.{role}: expected text, found {name!r}")
    return ("person", {"role": role, "name": name, "designation": "", "organisation": ""})


def _session(session, where):
    check_fields(session, SESSION, where)
    _time(session["start"], f"{where}.start")
    _time(session["end"], f"{where}.end")
    check_choice(session.get("mode", "in_person"), SessionMode.values, f"{where}.mode")
    link = session.get("meeting_link", "")
    if link and (not link.startswith("https://") or session.get("mode", "in_person") == "in_person"):
        raise ContentError(f"{where}.meeting_link: an https:// link, for an online or hybrid session only")
    return {**session, "people": check_list(session.get("people", []), f"{where}.people", _person)}


def check_event(event, where):
    check_fields(event, EVENT, where)
    for name in ("amount_sanctioned", "certificate_min_hours"):
        if name in event:
            try:
                Decimal(event[name])
            except ArithmeticError as error:
                raise ContentError(f"{where}.{name}: {event[name]!r} is not a number") from error
    sessions = check_list(event["sessions"], f"{where}: sessions", _session)
    check_list(event["registrations"], f"{where}: registrations", lambda r, at: check_fields(r, REGISTRATION, at))
    titles = {session["title"] for session in sessions}
    for registration in event["registrations"]:
        for missed in registration.get("missed", []):
            if missed not in titles:
                raise ContentError(f"{where}: registrations: {missed!r} is not the title of a session")
    return {**event, "sessions": sessions}


def read(root=CONTENT_DIR):
    folder = root / FOLDER
    catalogue = check_fields(read_yaml(folder / "catalogue.yaml", root), CATALOGUE, f"{FOLDER}/catalogue.yaml")
    for name in ("national_index", "academy_index"):
        check_fields(catalogue[name], INDEX, f"{FOLDER}/catalogue.yaml: {name}")
    events = [
        check_event(read_yaml(path, root), display_name(path, root))
        for path in yaml_files(folder)
        if path.name != "catalogue.yaml"
    ]
    return {**catalogue, "events": events, "participants": accounts.read(root)["participants"]}


def _extra_users(rows):
    created = 0
    password = accounts.demo_password()
    for row in rows:
        if User.objects.filter(email=row["email"]).exists():
            continue
        user = User.objects.create_user(
            email=row["email"],
            password=password,
            full_name=row["full_name"],
            role=row["role"],
            role_status=RoleStatus.VERIFIED,
            designation=row["designation"],
            court_or_office=row["court_or_office"],
            state=State.objects.get(code=row["state"]),
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        created += 1
    return created


def _index(parent, fields, **names):
    index = ColloquiumIndexPage.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if index:
        return index, 0
    index = ColloquiumIndexPage(
        title=fields["title"],
        slug=fields["slug"],
        introduction=fields["introduction"].format(**names),
        show_in_menus=fields.get("show_in_menus", False),
    )
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index, 1


PAGE_FIELDS = (
    "kind",
    "venue",
    "address",
    "introduction",
    "mha_supported",
    "registration_mode",
    "registration_open",
    "certificate_rule",
    "certificate_min_sessions",
)


def _event(index, event, today, default_audience):
    existing = source(ColloquiumPage).filter(slug=event["slug"]).first()
    if existing:
        return existing, 0
    start = today + datetime.timedelta(days=event["starts_in_days"])
    fields = {name: event[name] for name in PAGE_FIELDS if name in event}
    for name in ("amount_sanctioned", "certificate_min_hours"):
        if name in event:
            fields[name] = Decimal(event[name])
    if "registration_deadline_days" in event:
        fields["registration_deadline"] = timezone.now() + datetime.timedelta(days=event["registration_deadline_days"])
    page = ColloquiumPage(
        title=event["title"],
        slug=event["slug"],
        start_date=start,
        end_date=start + datetime.timedelta(days=event["days"] - 1),
        state=State.objects.get(code=event["state"]),
        **fields,
    )
    audience = event.get("audience", default_audience)
    page.audience = [CategoryPlaces(category=c, places=p) for c, p in audience.items()]
    page.agenda_days = [
        AgendaDay(date=start + datetime.timedelta(days=n), title=label)
        for n, label in enumerate(event.get("day_titles", []))
    ]
    page.sessions = [
        AgendaSession(
            date=start + datetime.timedelta(days=session["day"] - 1),
            start_time=_time(session["start"], ""),
            end_time=_time(session["end"], ""),
            kind=session["kind"],
            title=session["title"],
            people=session["people"],
            counts_for_attendance=session["counts_for_attendance"],
            room="Main hall" if session["kind"] != "break" else "",
            mode=session.get("mode", "in_person"),
            meeting_link=session.get("meeting_link", ""),
        )
        for session in event["sessions"]
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    return ColloquiumPage.objects.get(pk=page.pk), 1


def _register(page, email, status="approved"):
    user = User.objects.get(email=email)
    registration, created = R.objects.get_or_create(
        page=page,
        user=user,
        defaults={
            "email": user.email,
            "name": user.full_name,
            "designation": user.designation,
            "category": user.role,
            "status": status,
        },
    )
    return registration, int(created)


def _attend(page, registration, missed=()):
    created = 0
    for session in page.sessions.filter(counts_for_attendance=True):
        session.page = page
        if not attendance_open(session):  # the rule holds in the demo too: no attendance before a session
            continue
        status = "absent" if session.title in missed else "present"
        _, made = Attendance.objects.get_or_create(
            registration=registration, session=session, defaults={"status": status, "method": "registrar"}
        )
        created += int(made)
    return created


def load(stdout, data=None):
    data = data or read()
    created = _extra_users(data["participants"])
    today = timezone.localdate()
    home = source(HomePage).get()
    national, n = _index(home, data["national_index"])
    created += n
    indexes = {}
    for academy in Academy.objects.exclude(page=None).select_related("page"):
        indexes[academy.short_code], n = _index(
            Page.objects.get(pk=academy.page_id), data["academy_index"], academy_name=academy.name
        )
        created += n
    pages = [
        _event(indexes.get(event["academy"], national), event, today, data["default_audience"])
        for event in data["events"]
    ]
    created += sum(n for _, n in pages)
    for (page, _), event in zip(pages, data["events"], strict=True):
        for item in event["registrations"]:
            registration, n = _register(page, item["email"], item.get("status", "approved"))
            created += n
            if item.get("attended"):
                created += _attend(page, registration, item.get("missed", ()))
    stdout.write(f"colloquia: {created} objects created\n")
    return created
