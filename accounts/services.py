"""Public functions of the accounts app: role checks, verification, personal data."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from core.i18n import language_of
from core.learner_pages import new_learner_versions

from .audit import record
from .models import User
from .roles import Role, RoleStatus


@dataclass(frozen=True)
class Gate:
    """Whether a user may do something, and if not, the reason in plain words."""

    allowed: bool
    reason: str = ""
    code: str = ""

    def __bool__(self):
        return self.allowed


def role_gate(user, allowed_roles):
    """Check that `user` is signed in with a verified role among `allowed_roles`."""
    if user is None or not user.is_authenticated:
        return Gate(False, _("Sign in to continue."), "anonymous")
    if not user.role:
        return Gate(False, _("Choose your role on your profile first."), "no_role")
    if user.role_status == RoleStatus.PENDING:
        return Gate(
            False,
            _("Your role (%(role)s) is awaiting verification by academy staff.") % {"role": user.get_role_display()},
            "unverified",
        )
    if user.role_status == RoleStatus.REJECTED:
        return Gate(
            False,
            _("Your role could not be verified. Update your profile or contact the academy."),
            "rejected",
        )
    if allowed_roles and user.role not in allowed_roles:
        labels = ", ".join(str(Role(r).label) for r in allowed_roles)
        return Gate(
            False,
            _("This is open to: %(roles)s. Your role is %(role)s.")
            % {"roles": labels, "role": user.get_role_display()},
            "audience",
        )
    return Gate(True)


def _email_user(user, subject, template, context):
    """Email `user` in their language: `subject` is a lazy string, translated here."""
    with translation.override(language_of(user)):
        body = render_to_string(template, {"user": user, "site_url": settings.SITE_URL, **context})
        subject = str(subject)
    send_mail(subject, body, None, [user.email])


def may_decide_role(reviewer, user_id):
    """Whether `reviewer` may decide the role of the user `user_id`: never their own."""
    return reviewer is None or reviewer.pk != int(user_id)


@transaction.atomic
def decide_role(user, *, verified, reviewer, note=""):
    """Verify or reject the role a user declared; record it and tell the user.

    `reviewer` is the staff member deciding; no one may decide their own role.
    """
    if not may_decide_role(reviewer, user.pk):
        raise PermissionDenied("No one may verify or reject their own role.")
    user = User.objects.select_for_update().get(pk=user.pk)
    user.role_status = RoleStatus.VERIFIED if verified else RoleStatus.REJECTED
    user.role_note = note
    user.role_reviewed_at = timezone.now()
    user.role_reviewed_by = reviewer
    user.save(update_fields=["role_status", "role_note", "role_reviewed_at", "role_reviewed_by"])
    record(
        user,
        "colloquium.role_verified" if verified else "colloquium.role_rejected",
        reviewer,
        role=user.role,
        note=note,
    )
    transaction.on_commit(
        lambda: _email_user(
            user,
            gettext_lazy("Your role has been verified")
            if verified
            else gettext_lazy("Your role could not be verified"),
            "accounts/email/role_decision.txt",
            {"verified": verified, "note": note},
        )
    )
    return user


def profile_changed_role(user, previous_role):
    """A changed role must be verified again."""
    if user.role != previous_role:
        user.role_status = RoleStatus.PENDING
        user.role_reviewed_at = None
        user.role_reviewed_by = None


# --- The "Admin" link: is_staff mirrors "may open the Wagtail admin" (kept in step by accounts.receivers) ---


def refresh_admin_flag(user_ids):
    """Set is_staff to "may open the Wagtail admin" for these users; returns the ids that may."""
    user_ids = list(user_ids)
    if not user_ids:
        return set()
    permission = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    users = User.objects.filter(pk__in=user_ids)
    allowed = users.filter(
        Q(is_superuser=True) | Q(user_permissions__in=permission) | Q(groups__permissions__in=permission)
    ).values_list("pk", flat=True)
    allowed = set(allowed)
    users.filter(is_staff=True).exclude(pk__in=allowed).update(is_staff=False)
    users.filter(is_staff=False, pk__in=allowed).update(is_staff=True)
    return allowed


# --- Personal data (DPDP Act 2023) ---
# Feature apps register a function with the "colloquium_personal_data" hook that takes a
# user and returns {"section name": data}; accounts knows no feature itself.


def export_personal_data(user):
    data = {
        "profile": {
            "email": user.email,
            "full_name": user.full_name,
            "name_devanagari": user.name_devanagari,
            "role": user.role,
            "role_status": user.role_status,
            "designation": user.designation,
            "court_or_office": user.court_or_office,
            "district": user.district,
            "state": str(user.state or ""),
            "high_court": str(user.high_court or ""),
            "date_joined": user.date_joined.isoformat(),
            "preferred_language": user.preferred_language,
            "devanagari_digits": user.devanagari_digits,
        }
    }
    for exporter in hooks.get_hooks("colloquium_personal_data"):
        data.update(exporter(user))
    return data


@transaction.atomic
def anonymise_user(user):
    """Erase what identifies the person and end their sign-in.

    Records the law requires us to keep (issued certificates, attendance that
    supports them) stay, holding only what they printed at the time.
    """
    from allauth.account.models import EmailAddress

    user = User.objects.select_for_update().get(pk=user.pk)
    user.email = f"deleted-{user.pk}@invalid.local"
    user.full_name = "Deleted user"
    user.name_devanagari = ""
    user.designation = ""
    user.court_or_office = ""
    user.district = ""
    user.is_active = False
    user.anonymised_at = timezone.now()
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.filter(user=user).delete()
    record(user, "colloquium.account_anonymised", None)
    return user


def learner_records_changed(user_ids):
    """Call when records shown on these people's "My learning" change; their cached sections are rebuilt.

    `user_ids` is a list of ids or a queryset of `values("user_id")` (one SELECT for a caller that
    knows only a related row). Each person's version in the cache moves on
    (core.learner_pages.new_learner_versions). Inside a transaction that waits for the commit: a
    page built before it, from the data before the change, must not be kept under the new version.
    """

    def bump():
        ids = (
            user_ids
            if isinstance(user_ids, list | tuple | set)
            else User.objects.filter(pk__in=user_ids).values_list("pk", flat=True)
        )
        new_learner_versions(list(ids))

    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(bump, robust=True)
    else:
        bump()
