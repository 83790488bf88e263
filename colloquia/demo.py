"""Demo colloquia: the two agendas of the facts brief (§7, role titles only) and two more events.

Dates are relative to today, so the upcoming event stays upcoming. Idempotent: objects are
found by slug or email and created only when missing.
"""

import datetime
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.utils import timezone
from wagtail.models import Page

from academies.models import Academy
from accounts.models import User
from accounts.roles import Role, RoleStatus
from home.models import HomePage
from regions.models import State

from .models import AgendaDay, AgendaSession, Attendance, CategoryPlaces, ColloquiumIndexPage, ColloquiumPage
from .models import Registration as R
from .services import attendance_open

DEMO_PASSWORD = "Colloquium-Demo-2026"  # noqa: S105 - the published demo password (accounts.demo)

EXTRA_USERS = [
    # email, name, role, designation, court or office, State
    (
        "judge2@demo.test",
        "Shri Debasish Mondal",
        Role.DISTRICT_JUDGE,
        "District and Sessions Judge",
        "Jalpaiguri",
        "WB",
    ),
    ("judge3@demo.test", "Smt. Sunita Kumari", Role.DISTRICT_JUDGE, "Additional Sessions Judge", "Purnia", "BR"),
    ("prosecutor2@demo.test", "Shri Pemba Sherpa", Role.PROSECUTOR, "Public Prosecutor", "Darjeeling", "WB"),
]


def people(text):
    """'Chair: X. Resource persons: A; B' -> person blocks (role titles, not names)."""
    roles = {
        "chair": "chair",
        "resource persons": "resource_person",
        "resource person": "resource_person",
        "moderator": "moderator",
        "panel": "panellist",
        "facilitator": "facilitator",
        "presiding": "presiding",
        "observers": "observer",
    }
    blocks = []
    for part in text.split(". "):
        if ":" in part:
            label, names = part.split(":", 1)
            role = roles.get(label.strip().lower(), "speaker")
        else:
            role, names = "speaker", part
        for name in names.rstrip(".").split(";"):
            if name.strip():
                blocks.append(("person", {"role": role, "name": name.strip(), "designation": "", "organisation": ""}))
    return blocks


# day offset, start, end, kind, title, roles, counts for attendance
AGENDA_A = [
    (0, "09:00", "09:30", "registration", "Registration", "Academy staff", False),
    (
        0,
        "09:30",
        "10:45",
        "inaugural",
        "Inaugural session: welcome, inaugural address, special address, vote of thanks",
        "Director of the Academy; Chief Justice (Patron); Judge-in-charge of the Academy; ADGP of the AHTB; "
        "Additional Director",
        True,
    ),
    (
        0,
        "10:45",
        "12:00",
        "technical",
        "TS-I: The law after BNS/BNSS",
        "Chair: High Court Judge. Resource persons: NLU professor; Senior Public Prosecutor",
        True,
    ),
    (
        0,
        "12:00",
        "13:15",
        "technical",
        "TS-II: Investigation, evidence and inter-state links",
        "Chair: High Court Judge. Resource persons: State Nodal Officer (SP); NIA officer",
        True,
    ),
    (0, "13:15", "14:00", "break", "Lunch", "", False),
    (
        0,
        "14:00",
        "15:15",
        "technical",
        "TS-III: Victims in court: age, video-conference, in camera, compensation",
        "Chair: High Court Judge (SLSA Executive Chairman). Resource persons: SLSA Member Secretary; "
        "clinical psychologist",
        True,
    ),
    (
        0,
        "15:15",
        "16:30",
        "panel",
        "TS-IV: Panel on rescue, rehabilitation and repatriation",
        "Moderator: Academy Director. Panel: CSO head; CSO head; CWC Chairperson; WCD Deputy Director",
        True,
    ),
    (
        0,
        "16:30",
        "17:15",
        "valedictory",
        "Valedictory session; certificates",
        "High Court Judge; Registrar (Academy)",
        True,
    ),
]

AGENDA_B = [
    (
        0,
        "09:30",
        "10:30",
        "inaugural",
        "Inaugural session",
        "Director; Judge-in-charge; IG of SSB/BSF (frontier)",
        True,
    ),
    (
        0,
        "10:30",
        "12:00",
        "technical",
        "TS-I: Cross-border trafficking, MoUs and repatriation SOPs",
        "Chair: High Court Judge. Resource persons: MEA/MHA official; CSO working at the Nepal/Bangladesh border",
        True,
    ),
    (
        0,
        "12:00",
        "13:15",
        "technical",
        "TS-II: Labour trafficking and bonded labour",
        "Chair: Principal District Judge. Resource persons: Labour Commissioner's nominee; DLSA Secretary",
        True,
    ),
    (0, "13:15", "14:00", "break", "Lunch", "", False),
    (
        0,
        "14:00",
        "16:00",
        "technical",
        "TS-III: Mock trial preparation (BNS 143, POCSO, BLSA)",
        "Facilitator: Academy faculty; Senior Prosecutor",
        True,
    ),
    (
        1,
        "09:30",
        "12:00",
        "mock_trial",
        "Mock trial: a repatriated victim testifies by video-conference",
        "Presiding: Sessions Judge (participant). Observers: High Court Judge; UN agency expert",
        True,
    ),
    (
        1,
        "12:00",
        "13:15",
        "technical",
        "TS-IV: Debrief: non-criminalisation and compensation orders",
        "Chair: High Court Judge. Resource person: SLSA Member Secretary",
        True,
    ),
    (1, "13:15", "14:00", "break", "Lunch", "", False),
    (1, "14:00", "15:30", "panel", "TS-V: Open house with CSOs", "Moderator: Director", True),
    (
        1,
        "15:30",
        "16:30",
        "valedictory",
        "Valedictory; certificates; vote of thanks",
        "High Court Judge; Additional Director",
        True,
    ),
]

AGENDA_C = [
    (0, "10:00", "11:00", "inaugural", "Inaugural session", "Director (Academics); Judge-in-charge", True),
    (
        0,
        "11:15",
        "13:00",
        "technical",
        "Bonded labour and forced labour: identification and release",
        "Chair: High Court Judge. Resource persons: Labour department officer; CSO representative",
        True,
    ),
    (0, "13:00", "14:00", "break", "Lunch", "", False),
    (
        0,
        "14:00",
        "15:30",
        "technical",
        "Victim compensation and rehabilitation",
        "Chair: High Court Judge. Resource person: SLSA Member Secretary",
        True,
    ),
]

AGENDA_D = [
    (
        0,
        "10:00",
        "11:30",
        "technical",
        "Victim-centred investigation and the first information report",
        "Facilitator: Academy faculty; AHTU officer",
        True,
    ),
    (
        0,
        "11:45",
        "13:15",
        "technical",
        "Charge-sheets and prosecution under the new codes",
        "Facilitator: Senior Public Prosecutor",
        True,
    ),
]

AUDIENCE = {"hc_judge": 10, "district_judge": 60, "prosecutor": 25, "police": 25, "cso": 10}


def _time(value):
    return datetime.time.fromisoformat(value)


def _extra_users():
    created = 0
    for email, name, role, designation, office, state in EXTRA_USERS:
        if User.objects.filter(email=email).exists():
            continue
        user = User.objects.create_user(
            email=email,
            password=DEMO_PASSWORD,
            full_name=name,
            role=role,
            role_status=RoleStatus.VERIFIED,
            designation=designation,
            court_or_office=office,
            state=State.objects.get(code=state),
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        created += 1
    return created


def _index(parent, title, slug, intro, menu=False):
    index = ColloquiumIndexPage.objects.child_of(parent).filter(slug=slug).first()
    if index:
        return index, 0
    index = ColloquiumIndexPage(title=title, slug=slug, introduction=intro, show_in_menus=menu)
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index, 1


def _event(index, *, slug, title, start, days, agenda, day_titles=(), audience=AUDIENCE, **fields):
    existing = ColloquiumPage.objects.filter(slug=slug).first()
    if existing:
        return existing, 0
    page = ColloquiumPage(
        title=title, slug=slug, start_date=start, end_date=start + datetime.timedelta(days=days - 1), **fields
    )
    page.audience = [CategoryPlaces(category=c, places=p) for c, p in audience.items()]
    page.agenda_days = [
        AgendaDay(date=start + datetime.timedelta(days=n), title=label) for n, label in enumerate(day_titles)
    ]
    page.sessions = [
        AgendaSession(
            date=start + datetime.timedelta(days=offset),
            start_time=_time(begin),
            end_time=_time(end),
            kind=kind,
            title=session_title,
            people=people(roles) if roles else [],
            counts_for_attendance=counts,
            room="Main hall" if kind != "break" else "",
        )
        for offset, begin, end, kind, session_title, roles, counts in agenda
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


def load(stdout):
    created = _extra_users()
    today = timezone.localdate()
    home = HomePage.objects.get()
    national, n = _index(
        home,
        "Colloquia and conferences",
        "colloquia",
        "Judicial colloquia and State-level conferences on human trafficking, from every academy: "
        "agendas, registration and materials.",
        menu=True,
    )
    created += n
    indexes = {}
    for academy in Academy.objects.exclude(page=None).select_related("page"):
        indexes[academy.short_code], n = _index(
            Page.objects.get(pk=academy.page_id),
            "Colloquia",
            "colloquia",
            f"Colloquia and conferences organised by the {academy.name}.",
        )
        created += n

    jh, wb, pb = (State.objects.get(code=c) for c in ("JH", "WB", "PB"))
    a, n = _event(
        indexes.get("JSJA", national),
        slug="state-judicial-colloquium-aht",
        title="State Judicial Colloquium on Anti-Human Trafficking",
        start=today + datetime.timedelta(days=21),
        days=1,
        agenda=AGENDA_A,
        kind="judicial_colloquium",
        state=jh,
        venue="Judicial Academy auditorium",
        address="Dhurwa, Ranchi, Jharkhand",
        introduction="<p>A one-day colloquium for judges, prosecutors and police nodal officers on the law "
        "after the BNS and BNSS, investigation, and the victim in court. Supported under the MHA scheme "
        "for judicial colloquia on human trafficking.</p>",
        mha_supported=True,
        amount_sanctioned=Decimal("195000"),
        registration_mode="open",
        registration_open=True,
        registration_deadline=timezone.now() + datetime.timedelta(days=14),
        certificate_rule="all",
    )
    created += n
    b, n = _event(
        indexes.get("NJA", national),
        slug="border-region-colloquium-mock-trial",
        title="Border-Region Colloquium on Cross-Border Trafficking, with a Mock Trial",
        start=today - datetime.timedelta(days=45),
        days=2,
        agenda=AGENDA_B,
        day_titles=("Law, labour and preparing the mock trial", "The mock trial and debrief"),
        kind="judicial_colloquium",
        state=wb,
        venue="Regional programme venue (demo)",
        address="Siliguri, West Bengal",
        introduction="<p>A two-day regional colloquium for judges and prosecutors from districts on the Nepal "
        "and Bangladesh borders, ending in a mock trial in which a repatriated victim testifies by "
        "video-conference.</p>",
        mha_supported=True,
        amount_sanctioned=Decimal("200000"),
        registration_mode="approval",
        registration_open=False,
        certificate_rule="min_sessions",
        certificate_min_sessions=7,
        audience={"hc_judge": 5, "district_judge": 40, "prosecutor": 20, "police": 20, "cso": 8},
    )
    created += n
    c, n = _event(
        indexes.get("CJA", national),
        slug="state-conference-labour-trafficking",
        title="State-level Conference on Labour Trafficking and Bonded Labour",
        start=today + datetime.timedelta(days=55),
        days=1,
        agenda=AGENDA_C,
        kind="state_conference",
        state=pb,
        venue="Chandigarh Judicial Academy",
        address="Sector 43-D, Chandigarh",
        introduction="<p>A State-level conference for the judiciary, prosecution and police of Punjab and "
        "Haryana, with civil society organisations invited.</p>",
        registration_mode="approval",
        registration_open=True,
        certificate_rule="min_hours",
        certificate_min_hours=Decimal("3"),
    )
    created += n
    d, n = _event(
        indexes.get("JSJA", national),
        slug="workshop-victim-centred-investigation",
        title="Workshop for Prosecutors and AHTU Officers: Victim-Centred Investigation",
        start=today - datetime.timedelta(days=120),
        days=1,
        agenda=AGENDA_D,
        kind="workshop",
        state=jh,
        venue="Judicial Academy seminar room",
        address="Dhurwa, Ranchi, Jharkhand",
        registration_mode="nomination",
        registration_open=False,
        audience={"prosecutor": 30, "police": 30},
    )
    created += n

    # Upcoming: the demo judge and others registered.
    for email in ("judge@demo.test", "prosecutor@demo.test", "police@demo.test", "cso@demo.test"):
        created += _register(a, email)[1]
    # Past: attendance recorded; the demo judge attended every counted session.
    judge, n = _register(b, "judge@demo.test")
    created += n + _attend(b, judge)
    for email, missed in (
        ("judge2@demo.test", ("TS-V: Open house with CSOs",)),
        ("prosecutor2@demo.test", ()),
        (
            "judge3@demo.test",
            ("TS-IV: Debrief: non-criminalisation and compensation orders", "TS-V: Open house with CSOs"),
        ),
    ):
        registration, n = _register(b, email)
        created += n + _attend(b, registration, missed)
    registration, n = _register(c, "hcjudge@demo.test", status="pending")
    created += n
    registration, n = _register(d, "prosecutor@demo.test")
    created += n + _attend(d, registration)
    stdout.write(f"colloquia: {created} objects created\n")
    return created
