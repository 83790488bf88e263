"""Demo academies: one serving a single State, one serving two States and a UT, and the national one."""

from accounts.models import User
from regions.models import HighCourt, State

from .models import Academy, AcademyIndexPage, Signatory
from .services import EDITOR, MODERATOR, REGISTRAR, add_staff

ACADEMIES = [
    {
        "short_code": "JSJA",
        "name": "Jharkhand State Judicial Academy",
        "states": ["JH"],
        "high_court": "JHHC",
        "address": "Dhurwa, Ranchi, Jharkhand",
        "about": "<p>Trains the district judiciary of Jharkhand under the guidance of the High Court.</p>",
        "signatories": [("Dr. Meera Iyer", "Director, Jharkhand State Judicial Academy")],
        "staff": "editor@demo.test",
    },
    {
        "short_code": "CJA",
        "name": "Chandigarh Judicial Academy",
        "states": ["PB", "HR", "CH"],
        "high_court": "PH",
        "address": "Sector 43-D, Chandigarh",
        "about": "<p>Serves the judicial officers of Punjab, Haryana and Chandigarh under the High Court of "
        "Punjab &amp; Haryana.</p>",
        "signatories": [("Shri Amandeep Sandhu", "Director (Academics), Chandigarh Judicial Academy")],
        "staff": "cja-staff@demo.test",
    },
    {
        "short_code": "NJA",
        "name": "National Judicial Academy",
        "states": [],
        "high_court": "",
        "is_national": True,
        "address": "Bhadbhada Road, Bhopal, Madhya Pradesh",
        "about": "<p>Trains High Court judges and the district judiciary from every State (opened in 2002).</p>",
        "signatories": [("Prof. S. Krishnan", "Director, National Judicial Academy")],
        "staff": "nja-staff@demo.test",
    },
]


def load(stdout):
    created = 0
    for data in ACADEMIES:
        academy = Academy.objects.filter(short_code=data["short_code"]).first()
        if academy is None:
            academy = Academy(
                short_code=data["short_code"],
                name=data["name"],
                high_court=HighCourt.objects.filter(code=data["high_court"]).first(),
                is_national=data.get("is_national", False),
                address=data["address"],
                about=data["about"],
                contact_email=f"{data['short_code'].lower()}@academy.example",
            )
            academy.save()
            academy.states.set(State.objects.filter(code__in=data["states"]))
            for order, (name, designation) in enumerate(data["signatories"]):
                Signatory.objects.create(academy=academy, name=name, designation=designation, sort_order=order)
            academy.refresh_from_db()
            staff = User.objects.get(email=data["staff"])
            for role in (EDITOR, MODERATOR, REGISTRAR):
                add_staff(academy, staff, role)
            created += 1
    admin = User.objects.get(email="admin@demo.test")
    from django.contrib.auth.models import Group

    if not admin.groups.filter(name="Platform administrators").exists():
        admin.groups.add(Group.objects.get(name="Platform administrators"))
        created += 1
    index = AcademyIndexPage.objects.first()
    if index and not index.show_in_menus:
        index.show_in_menus = True
        index.introduction = "The judicial academies on Colloquium. Each runs its own colloquia and modules."
        index.save_revision().publish()
        created += 1
    return created
