"""E-tickets, the check-in desk, and who may use the registrar's screens.

The desk records attendance only through colloquia's `record_attendance`, which decides when
attendance for a session opens and refuses before that. What the desk adds is what a ticket
must prove first: that it exists, that it is for this event, and that its registration holds
an approved place now. Each refusal is a `Refused` whose text the desk shows as it is.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.roles import Role
from accounts.services import learner_records_changed
from colloquia.models import Attendance, Category, ColloquiumPage, Registration, RegistrationStatus
from colloquia.services import (
    AttendanceNotOpen,
    Refused,
    attendance_open,
    clock,
    events_for_registrar,
    is_registrar_for,
    record_attendance,
    require_attendance_open,
    sessions_in_order,
)

from .models import ALPHABET, CODE_LENGTH, Ticket, format_ticket_code

S = RegistrationStatus
# The registrar's permission on registrations: the colloquia screens ask for it too.
PERMISSION = "colloquia.change_registration"


# --- Who may use the desk, the badges and the attendance grid ---


def may_run_desk(user, page):
    """Whether `user` is a registrar of the event's academy (platform administrators: every event)."""
    return user.is_authenticated and user.has_perm(PERMISSION) and is_registrar_for(user, page)


def desk_events(user):
    """The events whose desk, badges and grid `user` may open, newest first."""
    return (
        events_for_registrar(ColloquiumPage.originals.all(), user)
        .select_related("academy")
        .order_by("-start_date", "title")
    )


# --- Tickets ---


def normalise_ticket_number(text):
    """A typed or scanned ticket number as stored: “k7qm 3xz9-hp2d” → “K7QM3XZ9HP2D”.

    Spaces and hyphens go; letters are read as capitals, and the letters Crockford's alphabet
    leaves out are read as the digits they look like (O as 0, I and L as 1).
    """
    text = "".join((text or "").split()).replace("-", "").upper()
    return text.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))


def printed_name(registration):
    """The name a ticket and a badge print: the profile's name, or the one registered with."""
    user = registration.user
    return (user.full_name if user else "") or registration.name


def devanagari_name(registration):
    return registration.user.name_devanagari if registration.user else ""


def category_label(registration):
    """The person's category in the singular (“District/Sessions judge”), as a badge prints it."""
    try:
        return str(Role(registration.category).label)
    except ValueError:
        return registration.get_category_display()


def ticket_for(registration):
    """The registration's ticket, made now if it has none yet (an approval before this app was installed)."""
    ticket, _created = Ticket.objects.get_or_create(registration=registration)
    return ticket


def ensure_tickets(registrations):
    """{registration pk: ticket} for `registrations`, making the missing ones.

    One query whatever the number; three more when some have none yet (made in bulk, then read back).
    """
    by_pk = {registration.pk: registration for registration in registrations}
    tickets = {ticket.registration_id: ticket for ticket in Ticket.objects.filter(registration_id__in=list(by_pk))}
    missing = [pk for pk in by_pk if pk not in tickets]
    if missing:
        # ignore_conflicts: a ticket made meanwhile by an approval keeps its number; all are read back.
        Ticket.objects.bulk_create([Ticket(registration_id=pk) for pk in missing], ignore_conflicts=True)
        tickets.update(
            {ticket.registration_id: ticket for ticket in Ticket.objects.filter(registration_id__in=missing)}
        )
        for pk in missing:
            if pk not in tickets:  # its random number was taken (about never): draw another
                tickets[pk] = ticket_for(by_pk[pk])
        learner_records_changed([by_pk[pk].user_id for pk in missing if by_pk[pk].user_id])
    return tickets


def ticket_holders(page, category=""):
    """The approved registrations of `page` (of one category, if given) by name, each with `.ticket`
    and `.page` set, in two queries (three when some had no ticket yet)."""
    registrations = Registration.objects.filter(page=page, status=S.APPROVED)
    if category:
        registrations = registrations.filter(category=category)
    registrations = list(registrations.select_related("user").order_by("name", "pk"))
    tickets = ensure_tickets(registrations)
    for registration in registrations:
        registration.page = page
        registration.ticket = tickets[registration.pk]
    return registrations


def holders_by_category(page):
    """[(category value, label, approved participants)] of the categories with any, in the choices' order: one query."""
    counts = dict(
        Registration.objects.filter(page=page, status=S.APPROVED)
        .values_list("category")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [(value, label, counts[value]) for value, label in Category.choices if counts.get(value)]


def participant_ticket(user, registration_id):
    """The approved registration `registration_id` of `user`, with its ticket; None for anyone else's."""
    registration = (
        Registration.objects.select_related("page", "page__academy", "user")
        .filter(pk=registration_id, user=user, status=S.APPROVED)
        .first()
    )
    if registration is None:
        return None
    registration.ticket = ticket_for(registration)
    return registration


def my_tickets(user):
    """The user's approved places at events not yet over, soonest first, each with its ticket: one query
    ("My learning" has a budget), and one more only for places approved before tickets existed."""
    registrations = list(
        Registration.objects.filter(user=user, status=S.APPROVED, page__end_date__gte=timezone.localdate())
        .select_related("page", "ticket")
        .order_by("page__start_date", "pk")
    )
    without = [registration for registration in registrations if not hasattr(registration, "ticket")]
    if without:
        tickets = ensure_tickets(without)
        for registration in without:
            registration.ticket = tickets[registration.pk]
    return registrations


# --- The desk ---


def desk_sessions(page):
    """The event's sessions that take attendance, in time order, each knowing its page."""
    sessions = [session for session in sessions_in_order(page) if session.counts_for_attendance]
    for session in sessions:
        session.page = page
    return sessions


def current_session(sessions, now=None):
    """The session the desk records for unless the registrar chooses another.

    The session whose attendance is open and which has not ended (the latest to start, when one
    runs into the next); between sessions, the next one to open; after the last, the last.
    """
    if not sessions:
        return None
    now = now or clock.now()
    running = [s for s in sessions if attendance_open(s, now) and now < s.ends_at(s.page.zone)]
    if running:
        return max(running, key=lambda s: s.starts_at(s.page.zone))
    coming = [s for s in sessions if not attendance_open(s, now)]
    if coming:
        return min(coming, key=lambda s: s.starts_at(s.page.zone))
    return sessions[-1]


@dataclass(frozen=True)
class CheckIn:
    """A ticket accepted at the desk: who, for which session, and whether they were already in."""

    registration: Registration
    session: object
    number: str
    already: bool
    recorded_at: object

    @property
    def name(self):
        return printed_name(self.registration)

    @property
    def category(self):
        return category_label(self.registration)


REFUSED_STATUSES = {
    S.WITHDRAWN: gettext_lazy("%(name)s has withdrawn from this event: ticket %(number)s is no longer valid."),
    S.REJECTED: gettext_lazy("%(name)s's registration was not approved: ticket %(number)s is not valid."),
    S.WAITLISTED: gettext_lazy(
        "%(name)s is on the waiting list and holds no place yet: ticket %(number)s is not valid."
    ),
    S.PENDING: gettext_lazy("%(name)s's registration is still awaiting approval: ticket %(number)s is not valid yet."),
    S.DECLINED: gettext_lazy("%(name)s declined the invitation: ticket %(number)s is not valid."),
    S.INVITED: gettext_lazy("%(name)s has not accepted the invitation: ticket %(number)s is not valid yet."),
}
NOT_APPROVED = gettext_lazy("%(name)s does not hold an approved place at this event: ticket %(number)s is not valid.")


def find_ticket(page, typed, *, by):
    """The ticket `typed` names, if it admits its holder to `page` now; otherwise Refused, saying why."""
    code = normalise_ticket_number(typed)
    if not code:
        raise Refused(_("Type the ticket number, or scan the QR code on the ticket."))
    if len(code) != CODE_LENGTH or any(char not in ALPHABET for char in code):
        raise Refused(
            _(
                "“%(typed)s” is not a ticket number. A ticket number has %(length)s letters and digits, "
                "such as K7QM-3XZ9-HP2D."
            )
            % {"typed": typed.strip()[:40], "length": CODE_LENGTH}
        )
    ticket = Ticket.objects.select_related("registration__page", "registration__user").filter(code=code).first()
    number = format_ticket_code(code)
    if ticket is None:
        raise Refused(
            _("No ticket has the number %(number)s. Check the number and type it again.") % {"number": number}
        )
    registration = ticket.registration
    if registration.page_id != page.pk:
        other = registration.page
        if may_run_desk(by, other):
            raise Refused(
                _("Ticket %(number)s is for another event: “%(event)s” (%(dates)s).")
                % {"number": number, "event": other.title, "dates": other.dates_label}
            )
        raise Refused(
            _("Ticket %(number)s is for another event, not for “%(event)s”.") % {"number": number, "event": page.title}
        )
    if registration.status != S.APPROVED:
        template = REFUSED_STATUSES.get(registration.status, NOT_APPROVED)
        raise Refused(str(template) % {"name": printed_name(registration), "number": number})
    registration.page = page
    return ticket


def check_in(page, session, typed, *, by, now=None):
    """Record `typed`'s holder present at `session` (a session of `page` that takes attendance).

    Returns a CheckIn; a second check-in for the same session changes nothing and says when the
    first was. Raises Refused for a ticket that does not admit its holder and, through
    colloquia's rule, for a session whose attendance has not opened.
    """
    ticket = find_ticket(page, typed, by=by)
    registration = ticket.registration
    present = Attendance.Status.PRESENT
    existing = Attendance.objects.filter(registration=registration, session=session).first()
    if existing is not None and existing.status == present:
        return CheckIn(registration, session, ticket.number, already=True, recorded_at=existing.recorded_at)
    already = False
    try:
        with transaction.atomic():
            record_attendance(session, {registration: present}, method=Attendance.Method.REGISTRAR, by=by, now=now)
    except IntegrityError:
        already = True  # another desk recorded the same person a moment ago
    recorded = Attendance.objects.get(registration=registration, session=session)
    return CheckIn(registration, session, ticket.number, already=already, recorded_at=recorded.recorded_at)


def session_label(session):
    """“12 Dec, 09:30–10:30 · Inaugural session”: how the desk names a session (the month in the active language)."""
    return f"{date_format(session.date, 'j M')}, {session.start_time:%H:%M}–{session.end_time:%H:%M} · {session.title}"


def not_open_notice(session, now=None):
    """colloquia's words for a session whose attendance has not opened ("" once it has)."""
    try:
        require_attendance_open(session, now)
    except AttendanceNotOpen as refusal:
        return str(refusal)
    return ""


def desk_tally(page, session):
    """(checked in, approved places) for the desk's counter: two queries."""
    checked_in = Attendance.objects.filter(
        session=session, status=Attendance.Status.PRESENT, registration__status=S.APPROVED
    ).count()
    return checked_in, Registration.objects.filter(page=page, status=S.APPROVED).count()


def recent_check_ins(session, limit=5):
    """The last people recorded present for `session`, newest first: [{name, category, time}]."""
    rows = (
        Attendance.objects.filter(session=session, status=Attendance.Status.PRESENT)
        .select_related("registration__user")
        .order_by("-recorded_at", "-pk")[:limit]
    )
    zone = session.page.zone
    return [
        {
            "name": printed_name(row.registration),
            "category": category_label(row.registration),
            "time": f"{timezone.localtime(row.recorded_at, zone):%H:%M}",
        }
        for row in rows
    ]
