"""Registration: the gate, places per category, the waiting list, decisions and withdrawal."""

from django.db import IntegrityError, transaction
from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, When
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.audit import record
from accounts.services import Gate, learner_records_changed, role_gate

from ..choices import ACTIVE_STATUSES, RegistrationMode, RegistrationStatus
from ..records import Registration
from ..signals import registration_status_changed
from .emails import notify
from .errors import Refused

S = RegistrationStatus


def registration_gate(user, page):
    """Whether `user` may register now (a Gate-like object with allowed/reason)."""
    if page.registration_mode == RegistrationMode.NOMINATION:
        return Gate(False, _("This event is by nomination only: the academy invites participants."), "nomination")
    if not page.registration_open:
        return Gate(False, _("Registration is not open."), "closed")
    if page.registration_deadline and timezone.now() > page.registration_deadline:
        return Gate(False, _("The registration deadline has passed."), "deadline")
    if page.end_date < timezone.localdate():
        return Gate(False, _("This event is over."), "past")
    roles = page.audience_roles()
    if not roles:
        return Gate(False, _("The academy has not yet said who may attend."), "no_audience")
    return role_gate(user, roles)


def places_taken(page, category):
    """Places of `category` taken: approved participants, and invitations that hold a place until answered."""
    return Registration.objects.filter(
        Q(status=S.APPROVED) | Q(status=S.INVITED, holds_place=True), page=page, category=category
    ).count()


def has_place(page, category):
    quota = page.audience.filter(category=category).values_list("places", flat=True).first()
    return quota is None or places_taken(page, category) < quota


def lock_event(page):
    """Lock the event row so that quota checks and promotions are exact under concurrency."""
    return type(page).objects.select_for_update().get(pk=page.pk)


def set_status(registration, status, by=None, note=None):
    """Give `registration` a new status (call with the event row locked); joining the waiting list puts it last."""
    previous = registration.status
    registration.status = status
    registration.status_changed_at = timezone.now()
    fields = ["status", "status_changed_at", "waitlist_rank", "holds_place"]
    if status != S.WAITLISTED:
        registration.waitlist_rank = None
    elif previous != S.WAITLISTED:
        registration.waitlist_rank = next_waitlist_rank(registration.page_id, registration.category)
    if status != S.INVITED:
        registration.holds_place = False  # an answered or lapsed invitation holds no place
    if by is not None:
        registration.decided_by = by
        fields.append("decided_by")
    if note is not None:
        registration.decision_note = note
        fields.append("decision_note")
    if previous != status:
        # The person's calendar entries change (confirmed, cancelled...): their SEQUENCE must rise.
        registration.calendar_sequence += 1
        fields.append("calendar_sequence")
    registration.save(update_fields=fields)
    if previous != status:
        registration_status_changed.send(Registration, registration=registration, previous=previous, status=status)
    if previous == S.WAITLISTED and status != S.WAITLISTED:
        _waiting_list_moved(registration.page_id, registration.category)


# --- Waiting list: one list per category, in `waitlist_rank` order (then `pk`) ---
# Joining puts a person last (first come, first served); the registrar may reorder it.


def _waiting(page_id, category):
    return Registration.objects.filter(page_id=page_id, category=category, status=S.WAITLISTED)


def waiting_list(page_id, category):
    """The waiting list of one category of an event, next in line first."""
    return _waiting(page_id, category).order_by("waitlist_rank", "pk")


def next_waitlist_rank(page_id, category):
    """The rank that puts someone last on the waiting list of `category`."""
    last = _waiting(page_id, category).order_by("-waitlist_rank").values_list("waitlist_rank", flat=True).first()
    return (last or 0) + 1


def _waiting_list_moved(page_id, category):
    """Someone left a waiting list: everyone still on it has a new number on "My learning"."""
    learner_records_changed(_waiting(page_id, category).values("user_id"))


def waitlist_position(registration):
    """The person's number on the waiting list of their category (1 = next to get a place), in one query.

    None when they are not on the waiting list. The order is the one `promote_waitlist` follows.
    """
    if registration.status != S.WAITLISTED:
        return None
    return (
        _waiting(registration.page_id, registration.category)
        .filter(
            Q(waitlist_rank__lt=registration.waitlist_rank)
            | Q(waitlist_rank=registration.waitlist_rank, pk__lte=registration.pk)
        )
        .count()
    )


def with_waitlist_position(registrations):
    """`registrations` annotated with `waitlist_position` (as `waitlist_position()`), in the same query."""
    ahead = (
        Registration.objects.filter(page=OuterRef("page"), category=OuterRef("category"), status=S.WAITLISTED)
        .filter(
            Q(waitlist_rank__lt=OuterRef("waitlist_rank"))
            | Q(waitlist_rank=OuterRef("waitlist_rank"), pk__lte=OuterRef("pk"))
        )
        .order_by()
        .values("page")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return registrations.annotate(
        waitlist_position=Case(When(status=S.WAITLISTED, then=Subquery(ahead)), output_field=IntegerField())
    )


# Email subjects as msgids: `notify` translates them into the recipient's language when it sends.
STATUS_SUBJECTS = {
    S.APPROVED: gettext_noop("Your place is confirmed"),
    S.PENDING: gettext_noop("Your registration request was received"),
    S.WAITLISTED: gettext_noop("You are on the waiting list"),
    S.REJECTED: gettext_noop("Your registration was not approved"),
    S.WITHDRAWN: gettext_noop("You have withdrawn"),
    S.LAPSED: gettext_noop("Your invitation has lapsed"),
}


def register(user, page, answers=()):
    """Register `user` for `page` under its mode. Returns the Registration or raises Refused.

    `answers`: valid forms from `colloquia.extensions.registration_forms` (the event's own
    questions), saved in the registration's transaction; a person already registered keeps
    the answers they gave.
    """
    gate = registration_gate(user, page)
    if not gate:
        raise Refused(gate.reason)
    try:
        return _register(user, page, answers)
    except BaseException:
        for form in answers:
            form.discard()  # what they stored outside the database (files) goes with the rollback
        raise


def _register(user, page, answers):
    category = user.role
    with transaction.atomic():
        page = lock_event(page)
        registration = Registration.objects.select_for_update().filter(page=page, user=user).first()
        if registration is None:
            # Someone nominated by email before they had an account.
            registration = Registration.objects.select_for_update().filter(page=page, email=user.email).first()
        if registration is not None:
            if registration.status in ACTIVE_STATUSES:
                return registration
            if registration.status == S.REJECTED:
                raise Refused(
                    _("The registrar did not approve your request. Contact the academy if this is a mistake.")
                )
            if registration.status == S.INVITED:
                raise Refused(_("You have been invited: use the link in your invitation email to accept or decline."))
        if page.registration_mode == RegistrationMode.APPROVAL:
            status = S.PENDING
        else:
            status = S.APPROVED if has_place(page, category) else S.WAITLISTED
        previous = ""
        if registration is None:
            registration = Registration(page=page, user=user, email=user.email.lower())
        else:
            # Registering again after withdrawing (or declining): the same row, as a new request.
            # One row per person and event keeps the constraints and the attendance already
            # recorded; the earlier request, decision and withdrawal stay in the audit log.
            previous = registration.status
            registration.calendar_sequence += 1
            registration.decided_by = None
            registration.decision_note = ""
        registration.user = user
        registration.name = user.full_name or user.email
        registration.designation = user.designation
        registration.category = category
        registration.status = status
        registration.waitlist_rank = next_waitlist_rank(page.pk, category) if status == S.WAITLISTED else None
        registration.created_at = registration.status_changed_at = timezone.now()
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            return Registration.objects.get(page=page, user=user)
        for form in answers:
            form.save(registration)
        registration_status_changed.send(Registration, registration=registration, previous=previous, status=status)
        record(registration, "colloquium.registered", user, status=status, category=category, previous=previous)
        notify(
            registration,
            STATUS_SUBJECTS[status],
            "colloquia/email/status.txt",
            position=waitlist_position(registration),
        )
    return registration


def decide(registration, *, approve, by, note=""):
    """The registrar approves (subject to places) or rejects a request; the note goes into the email."""
    note = (note or "").strip()
    with transaction.atomic():
        page = lock_event(registration.page)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if approve:
            if registration.status not in (S.PENDING, S.WAITLISTED, S.REJECTED):
                raise Refused(
                    _("%(name)s is %(status)s; nothing to approve.")
                    % {"name": registration.name, "status": registration.get_status_display().lower()}
                )
            status = S.APPROVED if has_place(page, registration.category) else S.WAITLISTED
        else:
            if registration.status not in (S.PENDING, S.WAITLISTED, S.APPROVED):
                raise Refused(
                    _("%(name)s is %(status)s; nothing to reject.")
                    % {"name": registration.name, "status": registration.get_status_display().lower()}
                )
            status = S.REJECTED
        freed = registration.status == S.APPROVED and status != S.APPROVED
        set_status(registration, status, by=by, note=note)
        action = "colloquium.registration_approved" if approve else "colloquium.registration_rejected"
        record(registration, action, by, status=status, note=note)
        notify(
            registration,
            STATUS_SUBJECTS[status],
            "colloquia/email/status.txt",
            note=note,
            position=waitlist_position(registration),
        )
        if freed:
            promote_waitlist(page, registration.category)
    return registration


def withdrawal_problem(registration, page):
    """Why `registration` cannot be withdrawn now ("" when it can)."""
    if registration.status not in (*ACTIVE_STATUSES, S.INVITED):
        return _("Your registration is %(status)s; there is nothing to withdraw.") % {
            "status": registration.get_status_display().lower()
        }
    if page.end_date < timezone.localdate():
        return _("This event is over.")
    return ""


def withdraw(registration, *, by):
    """The participant withdraws (or declines an invitation); a freed place goes to the waiting list.

    While registration is open they may register again (`register`), as a new request.
    """
    with transaction.atomic():
        page = lock_event(registration.page)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        problem = withdrawal_problem(registration, page)
        if problem:
            raise Refused(problem)
        freed = registration.status == S.APPROVED or registration.holds_place
        status = S.DECLINED if registration.status == S.INVITED else S.WITHDRAWN
        set_status(registration, status)
        record(registration, "colloquium.registration_withdrawn", by, status=status)
        if freed:
            promote_waitlist(page, registration.category)
    return registration


def promote_waitlist(page, category, *, skip=()):
    """Give free places to the waiting list, in its order. Call with the event row locked.

    `skip`: registrations that stay where they are (someone the registrar has just moved to the list).
    """
    promoted = []
    quota = page.audience.filter(category=category).values_list("places", flat=True).first()
    waiting = waiting_list(page.pk, category).exclude(pk__in=[r.pk for r in skip]).select_for_update()
    for registration in waiting:
        if quota is not None and places_taken(page, category) >= quota:
            break
        set_status(registration, S.APPROVED)
        record(registration, "colloquium.registration_promoted", None, category=category)
        notify(registration, STATUS_SUBJECTS[S.APPROVED], "colloquia/email/status.txt", promoted=True)
        promoted.append(registration)
    return promoted
