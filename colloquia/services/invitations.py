"""Court nominations: the registrar imports nominees, each accepts or declines by a signed link.

An invitation sent with an accept-by date holds a place of its category while one is free (the
places are held in the order the invitations are sent); it lapses when that date passes without
an answer, and the place it held goes to the waiting list. Invitations lapse when a management
command or the worker runs `lapse_overdue_invitations`, and lazily whenever one is read, so a
stale invitation is never accepted.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from accounts.audit import record
from accounts.roles import RoleStatus
from core.site import absolute_url

from ..choices import RegistrationStatus
from ..records import Registration
from ..signals import registration_status_changed
from .emails import notify, password_setup_url, recipient_language
from .errors import Refused
from .registration import STATUS_SUBJECTS, has_place, lock_event, places_taken, promote_waitlist, set_status

S = RegistrationStatus
INVITATION_SALT = "colloquia.invitation"
INVITATION_MAX_AGE = 60 * 60 * 24 * 45  # 45 days
LAPSED_MESSAGE = gettext_lazy(
    "This invitation has lapsed: it was not accepted by the date it gave, and its place has been "
    "offered to others. Contact the academy if you still wish to attend."
)


def invitation_token(registration):
    return signing.dumps({"r": registration.pk, "e": registration.email}, salt=INVITATION_SALT)


def registration_for_token(token):
    """The invited Registration a signed link points to, or raise Refused."""
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise Refused(_("This invitation link has expired. Ask the academy to invite you again.")) from error
    except signing.BadSignature as error:
        raise Refused(_("This invitation link is not valid. Copy the whole link from the email.")) from error
    registration = Registration.objects.select_related("page").filter(pk=data.get("r"), email=data.get("e")).first()
    if registration is None:
        raise Refused(_("This invitation no longer exists."))
    if invitation_overdue(registration):
        registration = lapse_invitation(registration)
    if registration.status == S.LAPSED:
        raise Refused(str(LAPSED_MESSAGE))
    return registration


def _event_class():
    # The page class, reached through the model that refers to it (services import no page class).
    return Registration._meta.get_field("page").related_model


def import_nominations(page, rows, *, by, accept_by=None):
    """Create an invitation per row (rows already checked by NominationUploadForm), all or nothing.

    With `accept_by` (an aware datetime), each invitation lapses when it passes unanswered, and
    holds a place of its category while places are free, in the order of the rows.
    """
    User = get_user_model()
    created = []
    with transaction.atomic():
        page = lock_event(page)
        users = {u.email.lower(): u for u in User.objects.filter(email__in=[row["email"] for row in rows])}
        quotas = dict(page.audience.values_list("category", "places"))
        taken = {}
        for row in rows:
            category = row["category"]
            if category not in taken:
                taken[category] = places_taken(page, category)
            quota = quotas.get(category)
            holds_place = accept_by is not None and (quota is None or taken[category] < quota)
            taken[category] += int(holds_place)
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
                accept_by=accept_by,
                holds_place=holds_place,
            )
            registration_status_changed.send(Registration, registration=registration, previous="", status=S.INVITED)
            created.append(registration)
        record(page, "colloquium.nominations_imported", by, count=len(created))
        for registration in created:
            _send_invitation(registration)
    return created


def _send_invitation(registration):
    # The link opens the invitation in the language the email is written in (/hi/… for Hindi).
    with translation.override(recipient_language(registration)):
        accept_url = absolute_url(reverse("colloquia:invitation", args=[invitation_token(registration)]))
    notify(registration, gettext_noop("Invitation"), "colloquia/email/invitation.txt", accept_url=accept_url)


def resend_invitation(registration, *, by, accept_by):
    """Email the invitation again with a new link and accept-by date; a lapsed one is opened again.

    It holds a place if it held one, or if a place of its category is free now.
    """
    if accept_by <= timezone.now():
        raise Refused(_("The new accept-by date must be in the future."))
    with transaction.atomic():
        page = lock_event(registration.page)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in (S.INVITED, S.LAPSED):
            raise Refused(
                _("%(name)s has answered (%(status)s): there is no invitation to send again.")
                % {"name": registration.name, "status": registration.get_status_display().lower()}
            )
        holds_place = registration.holds_place or has_place(page, registration.category)
        previous = registration.status
        if previous == S.LAPSED:
            set_status(registration, S.INVITED)
        registration.accept_by = accept_by
        registration.invited_at = timezone.now()
        registration.holds_place = holds_place
        registration.save(update_fields=["accept_by", "invited_at", "holds_place"])
        registration.page = page
        record(registration, "colloquium.invitation_resent", by, accept_by=accept_by.isoformat(), previous=previous)
        _send_invitation(registration)
    return registration


def invitation_overdue(registration, now=None):
    """Whether `registration` is an invitation whose accept-by date has passed unanswered."""
    return (
        registration.status == S.INVITED
        and registration.accept_by is not None
        and registration.accept_by <= (now or timezone.now())
    )


def _lapse(page, registrations):
    """Lapse these (locked, overdue) invitations of `page`; the places they held go to the waiting lists."""
    freed = set()
    for registration in registrations:
        registration.page = page
        if registration.holds_place:
            freed.add(registration.category)
        set_status(registration, S.LAPSED)
        record(registration, "colloquium.invitation_lapsed", None, accept_by=registration.accept_by.isoformat())
        notify(registration, STATUS_SUBJECTS[S.LAPSED], "colloquia/email/lapsed.txt")
    for category in sorted(freed):
        promote_waitlist(page, category)


def lapse_invitation(registration, now=None):
    """Lapse one overdue invitation now (when it is read); returns it as it is afterwards."""
    with transaction.atomic():
        page = lock_event(registration.page)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if invitation_overdue(registration, now):
            _lapse(page, [registration])
    registration.page = page
    return registration


def lapse_overdue_invitations(*, page=None, now=None):
    """Lapse every invitation whose accept-by date has passed (of `page`, or of every event).

    Idempotent: a lapsed invitation is no longer "invited", so running it again, or in two
    processes at once (each event is locked in turn), lapses nothing twice. Returns how many lapsed.
    """
    now = now or timezone.now()
    due = Registration.objects.filter(status=S.INVITED, accept_by__lte=now)
    if page is not None:
        due = due.filter(page_id=page.pk)
    count = 0
    for page_id in sorted(set(due.values_list("page_id", flat=True))):
        with transaction.atomic():
            event = _event_class().objects.select_for_update().get(pk=page_id)
            overdue = list(due.filter(page_id=page_id).select_for_update().order_by("accept_by", "pk"))
            _lapse(event, overdue)
            count += len(overdue)
    return count


def accept_invitation(registration, answers=()):
    """Accept an invitation: create the account if needed, then take a place or join the waiting list.

    Returns (registration, set_password_url or ""). A new account is verified in the nominated
    category (the academy nominated the person) and has no password until they set one.
    `answers`: valid forms from `colloquia.extensions.registration_forms`, saved in the same
    transaction (as in `register`).
    """
    if invitation_overdue(registration):
        lapse_invitation(registration)
    try:
        return _accept_invitation(registration, answers)
    except BaseException:
        for form in answers:
            form.discard()
        raise


def _accept_invitation(registration, answers):
    User = get_user_model()
    set_password_url = ""
    with transaction.atomic():
        page = lock_event(registration.page)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        _require_open(registration)
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
            set_password_url = password_setup_url(user)
        registration.user = user
        registration.save(update_fields=["user"])
        for form in answers:
            form.save(registration)
        # A place held for this invitation is theirs; otherwise a free one, or the waiting list.
        status = S.APPROVED if registration.holds_place or has_place(page, registration.category) else S.WAITLISTED
        set_status(registration, status)
        record(registration, "colloquium.invitation_accepted", user, status=status)
        notify(
            registration,
            STATUS_SUBJECTS[status],
            "colloquia/email/status.txt",
            new_account=bool(set_password_url),
        )
    return registration, set_password_url


def _require_open(registration):
    """Refuse an answer to an invitation that is answered, or past its accept-by date."""
    if registration.status == S.LAPSED or invitation_overdue(registration):
        raise Refused(str(LAPSED_MESSAGE))
    if registration.status != S.INVITED:
        raise Refused(
            _("This invitation was already answered (%(status)s).")
            % {"status": registration.get_status_display().lower()}
        )


def decline_invitation(registration):
    """Decline an invitation; a place it held goes to the waiting list."""
    with transaction.atomic():
        page = lock_event(registration.page)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        _require_open(registration)
        freed = registration.holds_place
        set_status(registration, S.DECLINED)
        record(registration, "colloquium.invitation_declined", registration.user)
        if freed:
            promote_waitlist(page, registration.category)
    return registration
