"""Court nominations: the registrar imports nominees, each accepts or declines by a signed link."""

from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.audit import record
from accounts.roles import RoleStatus
from core.site import absolute_url

from ..choices import RegistrationStatus
from ..records import Registration
from .emails import notify
from .errors import Refused
from .registration import STATUS_SUBJECTS, has_place, lock_event, set_status

S = RegistrationStatus
INVITATION_SALT = "colloquia.invitation"
INVITATION_MAX_AGE = 60 * 60 * 24 * 45  # 45 days


def invitation_token(registration):
    return signing.dumps({"r": registration.pk, "e": registration.email}, salt=INVITATION_SALT)


def registration_for_token(token):
    """The invited Registration a signed link points to, or raise Refused."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise Refused("This invitation link has expired. Ask the academy to invite you again.") from error
    except signing.BadSignature as error:
        raise Refused("This invitation link is not valid. Copy the whole link from the email.") from error
    registration = Registration.objects.select_related("page").filter(pk=data.get("r"), email=data.get("e")).first()
    if registration is None:
        raise Refused("This invitation no longer exists.")
    return registration


def import_nominations(page, rows, *, by):
    """Create an invitation per row (rows already checked by NominationUploadForm), all or nothing."""
    User = get_user_model()
    created = []
    with transaction.atomic():
        page = lock_event(page)
        users = {u.email.lower(): u for u in User.objects.filter(email__in=[row["email"] for row in rows])}
        for row in rows:
            registration = Registration.objects.create(
                page=page,
                user=users.get(row["email"]),
                email=row["email"],
                name=row["name"],
                designation=row["designation"],
                category=row["category"],
                status=S.INVITED,
                nominated_by=by,
                nominating_office=row["nominating_office"],
                invited_at=timezone.now(),
            )
            created.append(registration)
        record(page, "colloquium.nominations_imported", by, count=len(created))
        for registration in created:
            token = invitation_token(registration)
            notify(
                registration,
                "Invitation",
                "colloquia/email/invitation.txt",
                accept_url=absolute_url(reverse("colloquia:invitation", args=[token])),
            )
    return created


def accept_invitation(registration):
    """Accept an invitation: create the account if needed, then take a place or join the waiting list.

    Returns (registration, set_password_url or ""). A new account is verified in the nominated
    category (the academy nominated the person) and has no password until they set one.
    """
    User = get_user_model()
    set_password_url = ""
    with transaction.atomic():
        page = lock_event(registration.page)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != S.INVITED:
            raise Refused(f"This invitation was already answered ({registration.get_status_display().lower()}).")
        user = registration.user or User.objects.filter(email__iexact=registration.email).first()
        if user is None:
            user = User.objects.create_user(
                email=registration.email,
                password=None,
                full_name=registration.name,
                role=registration.category,
                role_status=RoleStatus.VERIFIED,
                designation=registration.designation,
                court_or_office=registration.nominating_office,
            )
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
            record(user, "colloquium.account_from_invitation", None, page=page.pk)
            set_password_url = absolute_url(
                reverse(
                    "account_reset_password_from_key",
                    kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
                )
            )
        registration.user = user
        registration.save(update_fields=["user"])
        status = S.APPROVED if has_place(page, registration.category) else S.WAITLISTED
        set_status(registration, status)
        record(registration, "colloquium.invitation_accepted", user, status=status)
        notify(
            registration,
            STATUS_SUBJECTS[status],
            "colloquia/email/status.txt",
            set_password_url=set_password_url,
        )
    return registration, set_password_url


def decline_invitation(registration):
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != S.INVITED:
            raise Refused(f"This invitation was already answered ({registration.get_status_display().lower()}).")
        set_status(registration, S.DECLINED)
        record(registration, "colloquium.invitation_declined", registration.user)
    return registration
