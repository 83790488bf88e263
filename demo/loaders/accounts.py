"""Demo accounts (content/accounts.yaml): one verified account per role, one pending."""

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP

from accounts.models import User
from accounts.roles import Role, RoleStatus
from regions.models import HighCourt, State

from ..content import CONTENT_DIR, TEXT, check_choice, check_fields, check_list, read_yaml

FILE = "accounts.yaml"
SPEC = {
    "password": (TEXT, True),
    "totp_secret": (TEXT, True),
    "staff": (list, True),
    "administrator": (TEXT, True),
    "verified": (list, True),
    "pending": (list, True),
    "participants": (list, True),
}
USER = {
    "email": (TEXT, True),
    "full_name": (TEXT, True),
    "name_devanagari": (TEXT, False),
    "role": (TEXT, True),
    "designation": (TEXT, True),
    "court_or_office": (TEXT, True),
    "district": (TEXT, False),
    "state": (TEXT, True),
    "high_court": (TEXT, False),
}


def _user(row, where):
    check_fields(row, USER, where)
    check_choice(row["role"], Role.values, f"{where}.role")
    return row


def read(root=CONTENT_DIR):
    data = check_fields(read_yaml(root / FILE, root), SPEC, FILE)
    for group in ("verified", "pending", "participants"):
        check_list(data[group], f"{FILE}: {group}", _user)
    return data


def _make(row, status, data):
    email = row["email"]
    admin = email == data["administrator"]
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "full_name": row["full_name"],
            "name_devanagari": row.get("name_devanagari", ""),
            "role": row["role"],
            "role_status": status,
            "designation": row["designation"],
            "court_or_office": row["court_or_office"],
            "district": row.get("district", ""),
            "state": State.objects.get(code=row["state"]) if row["state"] else None,
            "high_court": HighCourt.objects.get(code=row["high_court"]) if row.get("high_court") else None,
            "is_superuser": admin,
            "is_staff": admin,
        },
    )
    if created:
        user.set_password(data["password"])
        user.save(update_fields=["password"])
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if email in data["staff"]:
            TOTP.activate(user, data["totp_secret"])
    return created


def load(stdout, data=None):
    data = data or read()
    created = sum(_make(row, RoleStatus.VERIFIED, data) for row in data["verified"])
    created += sum(_make(row, RoleStatus.PENDING, data) for row in data["pending"])
    return created


def demo_totp_secret():
    return read()["totp_secret"]


def demo_password():
    return read()["password"]


def current_demo_totp():
    """The current code for the demo staff's published TOTP secret."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(demo_totp_secret(), counters[len(counters) // 2]))
