"""Demo accounts: one verified account per role, all with DEMO_PASSWORD."""

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP

from regions.models import HighCourt, State

from .models import User
from .roles import Role, RoleStatus

DEMO_PASSWORD = "Colloquium-Demo-2026"  # noqa: S105 - published demo password
# Staff must use TOTP for the admin. Demo staff share this published secret so anyone
# trying the demo can add it to an authenticator app or run `manage.py demo_totp`.
DEMO_TOTP_SECRET = "COLLOQUIUMDEMOTOTPSECRET"  # noqa: S105 - published demo secret

DEMO_USERS = [
    # email, full name, Devanagari, role, designation, court or office, district, State, High Court
    (
        "judge@demo.test",
        "Smt. Anjali Verma",
        "अंजलि वर्मा",
        Role.DISTRICT_JUDGE,
        "Additional Sessions Judge",
        "Civil Court, Ranchi",
        "Ranchi",
        "JH",
        "JHHC",
    ),
    (
        "prosecutor@demo.test",
        "Shri Vikram Sahu",
        "",
        Role.PROSECUTOR,
        "Additional Public Prosecutor",
        "Office of the Public Prosecutor, Dhanbad",
        "Dhanbad",
        "JH",
        "JHHC",
    ),
    (
        "police@demo.test",
        "Shri Arvind Tirkey",
        "",
        Role.POLICE,
        "Deputy Superintendent of Police, AHTU",
        "Anti-Human Trafficking Unit, Gumla",
        "Gumla",
        "JH",
        "JHHC",
    ),
    (
        "cso@demo.test",
        "Ms. Farida Ansari",
        "",
        Role.CSO,
        "Programme Coordinator",
        "Sahyog Anti-Trafficking Network (demo)",
        "Ranchi",
        "JH",
        "",
    ),
    (
        "hcjudge@demo.test",
        "Justice R. N. Prasad (demo)",
        "",
        Role.HIGH_COURT_JUDGE,
        "Judge",
        "High Court of Punjab & Haryana",
        "Chandigarh",
        "CH",
        "PH",
    ),
    (
        "editor@demo.test",
        "Ms. Kavita Mahto",
        "",
        Role.ACADEMY_STAFF,
        "Deputy Director (Training)",
        "Jharkhand State Judicial Academy",
        "Ranchi",
        "JH",
        "JHHC",
    ),
    (
        "cja-staff@demo.test",
        "Shri Harpreet Gill",
        "",
        Role.ACADEMY_STAFF,
        "Additional Director",
        "Chandigarh Judicial Academy",
        "Chandigarh",
        "CH",
        "PH",
    ),
    (
        "nja-staff@demo.test",
        "Dr. Sunita Rao",
        "",
        Role.ACADEMY_STAFF,
        "Programme Officer",
        "National Judicial Academy",
        "Bhopal",
        "MP",
        "MPHC",
    ),
    (
        "admin@demo.test",
        "Platform Administrator",
        "",
        Role.ACADEMY_STAFF,
        "Platform administrator",
        "Colloquium",
        "",
        "DL",
        "",
    ),
]
# Shows the role-verification queue at work.
PENDING_USER = (
    "pending@demo.test",
    "Shri Manoj Kujur",
    "",
    Role.JUDICIAL_OFFICER,
    "Judicial Magistrate First Class",
    "Civil Court, Khunti",
    "Khunti",
    "JH",
    "JHHC",
)
STAFF_EMAILS = {"editor@demo.test", "cja-staff@demo.test", "nja-staff@demo.test", "admin@demo.test"}


def _make(row, status):
    email, name, name_hi, role, designation, office, district, state, court = row
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "full_name": name,
            "name_devanagari": name_hi,
            "role": role,
            "role_status": status,
            "designation": designation,
            "court_or_office": office,
            "district": district,
            "state": State.objects.get(code=state) if state else None,
            "high_court": HighCourt.objects.get(code=court) if court else None,
            "is_superuser": email == "admin@demo.test",
            "is_staff": email == "admin@demo.test",
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if email in STAFF_EMAILS:
            TOTP.activate(user, DEMO_TOTP_SECRET)
    return created


def load(stdout):
    created = sum(_make(row, RoleStatus.VERIFIED) for row in DEMO_USERS)
    created += _make(PENDING_USER, RoleStatus.PENDING)
    return created


def current_demo_totp():
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counters[len(counters) // 2]))
