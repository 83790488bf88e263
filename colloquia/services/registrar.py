"""What the registrar does to an event's registrations beyond approving and rejecting.

Moving someone to the waiting list, reordering it, promoting from it by hand (beyond the quota
only with a written reason, which is audited), registering or inviting a person on their behalf,
and the table of places each registrar screen shows. Each takes the event row's lock, as the
registration services do, so quotas stay exact when registrars and participants act at once.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from academies.services import REGISTRAR, academies_for, acts_for_all, is_staff_of
from accounts.audit import record
from accounts.services import learner_records_changed

from ..choices import ACTIVE_STATUSES, Category, RegistrationStatus
from ..records import Registration
from ..signals import registration_status_changed
from .emails import notify
from .errors import Refused
from .invitations import import_nominations
from .registration import (
    STATUS_SUBJECTS,
    has_place,
    lock_event,
    next_waitlist_rank,
    places_taken,
    promote_waitlist,
    set_status,
    waiting_list,
    waitlist_position,
)

S = RegistrationStatus
STATUS_EMAIL = "colloquia/email/status.txt"


def is_registrar_for(user, page):
    """Whether `user` manages the participants of the event `page`: a registrar of its academy, or a
    platform administrator (who alone acts for national events, which belong to no academy).

    Every registrar screen, here and in the apps that extend them, asks this (beside its own
    model permission), so the academy scoping is decided in one place."""
    if not user.is_authenticated:
        return False
    if page.academy_id is None:
        return acts_for_all(user)
    return is_staff_of(user, page.academy, REGISTRAR)


def events_for_registrar(events, user):
    """The events of `events` (a queryset of event pages) whose participants `user` manages."""
    if acts_for_all(user):
        return events
    return events.filter(academy__in=academies_for(user, REGISTRAR))


def _status(registration):
    return registration.get_status_display().lower()


def _category_label(category):
    return str(Category(category).label) if category in Category.values else category


@dataclass(frozen=True)
class Places:
    """One category of an event: its quota (None: no limit) and how its places stand."""

    category: str
    label: str
    places: int | None
    approved: int
    held: int
    waiting: int
    pending: int

    @property
    def free(self):
        return None if self.places is None else max(0, self.places - self.approved - self.held)


def places_by_category(page):
    """The event's audience categories with their places, in two queries."""
    counts = {
        row["category"]: row
        for row in Registration.objects.filter(page=page)
        .values("category")
        .annotate(
            approved=Count("pk", filter=Q(status=S.APPROVED)),
            held=Count("pk", filter=Q(status=S.INVITED, holds_place=True)),
            waiting=Count("pk", filter=Q(status=S.WAITLISTED)),
            pending=Count("pk", filter=Q(status=S.PENDING)),
        )
        .order_by()
    }
    result = []
    for row in page.audience.all():
        found = counts.get(row.category, {})
        result.append(
            Places(
                category=row.category,
                label=_category_label(row.category),
                places=row.places,
                **{key: found.get(key, 0) for key in ("approved", "held", "waiting", "pending")},
            )
        )
    return result


def move_to_waitlist(registration, *, by, note=""):
    """Put a pending, approved or rejected registration last on its category's waiting list.

    A place it held goes to whoever is first on that list (not back to this person).
    """
    note = (note or "").strip()
    with transaction.atomic():
        page = lock_event(registration.page)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        registration.page = page
        if registration.status not in (S.PENDING, S.APPROVED, S.REJECTED):
            raise Refused(
                _("%(name)s is %(status)s; they cannot be moved to the waiting list.")
                % {"name": registration.name, "status": _status(registration)}
            )
        freed = registration.status == S.APPROVED
        set_status(registration, S.WAITLISTED, by=by, note=note)
        record(registration, "colloquium.registration_waitlisted", by, note=note)
        notify(
            registration,
            STATUS_SUBJECTS[S.WAITLISTED],
            STATUS_EMAIL,
            note=note,
            position=waitlist_position(registration),
        )
        if freed:
            promote_waitlist(page, registration.category, skip=[registration])
    return registration


def move_on_waitlist(registration, position, *, by):
    """Give a waiting registration number `position` on its list (1 = next in line); the others keep their order."""
    with transaction.atomic():
        page = lock_event(registration.page)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != S.WAITLISTED:
            raise Refused(
                _("%(name)s is %(status)s, not on the waiting list.")
                % {"name": registration.name, "status": _status(registration)}
            )
        waiting = list(waiting_list(page.pk, registration.category).select_for_update())
        before = next(number for number, row in enumerate(waiting, start=1) if row.pk == registration.pk)
        position = min(max(1, position), len(waiting))
        if position == before:
            return registration
        waiting.insert(position - 1, waiting.pop(before - 1))
        changed = []
        for rank, row in enumerate(waiting, start=1):
            if row.waitlist_rank != rank:
                row.waitlist_rank = rank
                changed.append(row)
        Registration.objects.bulk_update(changed, ["waitlist_rank"])
        record(registration, "colloquium.waitlist_reordered", by, position_from=before, position_to=position)
        learner_records_changed([row.user_id for row in changed if row.user_id])
        registration.refresh_from_db()
    return registration


def promote_from_waitlist(registration, *, by, reason=""):
    """Give a waiting person a place now, ahead of the list's order.

    Only while a place of their category is free, unless `reason` says why they must have one
    beyond the quota: that reason is recorded in the audit log.
    """
    reason = (reason or "").strip()
    with transaction.atomic():
        page = lock_event(registration.page)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        registration.page = page
        if registration.status != S.WAITLISTED:
            raise Refused(
                _("%(name)s is %(status)s, not on the waiting list.")
                % {"name": registration.name, "status": _status(registration)}
            )
        quota = page.audience.filter(category=registration.category).values_list("places", flat=True).first()
        taken = places_taken(page, registration.category)
        over_quota = quota is not None and taken >= quota
        if over_quota and not reason:
            raise Refused(
                _(
                    "No place is free for %(category)s: %(taken)s of %(quota)s are taken or held for invitations. "
                    "To give a place beyond the quota, write why; it is recorded."
                )
                % {"category": _category_label(registration.category), "taken": taken, "quota": quota}
            )
        set_status(registration, S.APPROVED, by=by)
        if over_quota:
            record(registration, "colloquium.quota_overridden", by, reason=reason, places=quota, taken=taken)
        else:
            record(registration, "colloquium.registration_promoted", by, category=registration.category, by_hand=True)
        notify(registration, STATUS_SUBJECTS[S.APPROVED], STATUS_EMAIL, promoted=True)
    return registration


def register_on_behalf(page, user, *, category, by):
    """Register an existing account in `category`: a place if one is free, else the waiting list.

    Neither the registration mode nor the deadline applies (the registrar decides), but the
    category must be in the event's audience and the person must not already be registered or invited.
    """
    if category not in page.audience_roles():
        raise Refused(_("%(category)s are not in this event's audience.") % {"category": _category_label(category)})
    if not user.is_active:
        raise Refused(_("The account of %(email)s is closed.") % {"email": user.email})
    with transaction.atomic():
        page = lock_event(page)
        registration = (
            Registration.objects.select_for_update().filter(page=page, user=user).first()
            or Registration.objects.select_for_update().filter(page=page, email=user.email.lower()).first()
        )
        if registration is not None and registration.status in (*ACTIVE_STATUSES, S.INVITED):
            raise Refused(
                _("%(name)s is already registered for this event (%(status)s).")
                % {"name": registration.name, "status": _status(registration)}
            )
        status = S.APPROVED if has_place(page, category) else S.WAITLISTED
        previous = ""
        if registration is None:
            registration = Registration(page=page, email=user.email.lower())
        else:
            # As when someone registers again: the same row, so attendance already recorded stays.
            previous = registration.status
            registration.calendar_sequence += 1
            registration.decision_note = ""
        registration.user = user
        registration.name = user.full_name or user.email
        registration.designation = user.designation
        registration.category = category
        registration.status = status
        registration.holds_place = False
        registration.waitlist_rank = next_waitlist_rank(page.pk, category) if status == S.WAITLISTED else None
        registration.decided_by = by
        registration.created_at = registration.status_changed_at = timezone.now()
        registration.save()
        registration_status_changed.send(Registration, registration=registration, previous=previous, status=status)
        record(registration, "colloquium.registered_on_behalf", by, status=status, category=category, previous=previous)
        notify(
            registration,
            STATUS_SUBJECTS[status],
            STATUS_EMAIL,
            on_behalf=True,  # the email says the academy registered them, in their own language
            position=waitlist_position(registration),
        )
    return registration


def invite_on_behalf(page, *, email, name, designation, category, nominating_office, accept_by, by):
    """Invite one person by email, as a nomination: they accept (creating their account) or decline by the link."""
    email = email.strip().lower()
    if category not in page.audience_roles():
        raise Refused(_("%(category)s are not in this event's audience.") % {"category": _category_label(category)})
    if Registration.objects.filter(page=page, email=email).exists():
        raise Refused(_("%(email)s is already registered or invited for this event.") % {"email": email})
    row = {
        "email": email,
        "name": name.strip(),
        "designation": designation.strip(),
        "category": category,
        "nominating_office": nominating_office.strip(),
    }
    try:
        return import_nominations(page, [row], by=by, accept_by=accept_by)[0]
    except IntegrityError as error:  # invited by someone else meanwhile
        raise Refused(_("%(email)s is already registered or invited for this event.") % {"email": email}) from error
