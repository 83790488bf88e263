"""The attendance grid of an event: its approved participants × the sessions that take attendance.

Ticks come from the attendance records, totals per person and the certificate result from
colloquia's eligibility service (`summaries`), totals per session from one aggregate. Every
function costs a fixed number of queries whatever the number of participants: a page of the
grid is one page of registrations, and the export reads them in chunks.
"""

from django.db.models import Count, Q
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from colloquia.models import Attendance, Category, Registration, RegistrationStatus
from colloquia.services import summaries

from .models import Ticket
from .services import category_label, printed_name

PER_PAGE = 100
EXPORT_CHUNK = 1000
PRESENT = Attendance.Status.PRESENT
GRID_FIELDS = (
    "page",
    "user",
    "name",
    "email",
    "designation",
    "category",
    "status",
    "override_eligible",
    "override_reason",
    "user__full_name",
    "ticket__code",
)
MARKS = {
    PRESENT: gettext_lazy("Present"),
    Attendance.Status.ABSENT: gettext_lazy("Absent"),
    Attendance.Status.EXCUSED: gettext_lazy("Excused"),
}


def participants(page, *, search="", category=""):
    """The event's approved registrations by name, narrowed by a name or email and a category."""
    registrations = Registration.objects.filter(page=page, status=RegistrationStatus.APPROVED)
    search = search.strip()
    if search:
        registrations = registrations.filter(
            Q(name__icontains=search) | Q(email__icontains=search) | Q(user__full_name__icontains=search)
        )
    if category in Category.values:
        registrations = registrations.filter(category=category)
    # Only what the grid, its export and the eligibility rule read: a page is a hundred rows of three models.
    return registrations.select_related("user", "ticket").only(*GRID_FIELDS).order_by("name", "pk")


def rows(page, registrations, sessions):
    """One row per registration: its mark per session ("" when none), its total present and its summary.

    Three queries: the marks, and the two of `summaries` (the event's sessions, the present marks).
    """
    registrations = list(registrations)
    for registration in registrations:
        registration.page = page
    marks = {
        (registration_id, session_id): status
        for registration_id, session_id, status in Attendance.objects.filter(
            registration__in=[r.pk for r in registrations], session__in=[s.pk for s in sessions]
        ).values_list("registration_id", "session_id", "status")
    }
    summary = summaries(page, registrations)
    result = []
    for registration in registrations:
        statuses = [marks.get((registration.pk, session.pk), "") for session in sessions]
        result.append(
            {
                "registration": registration,
                "name": printed_name(registration),
                "category": category_label(registration),
                "ticket": ticket_number(registration),
                "marks": statuses,
                "present": statuses.count(PRESENT),
                "summary": summary[registration.pk],
            }
        )
    return result


def ticket_number(registration):
    """The registration's ticket number ("" if it has no ticket yet); `ticket` is select_related."""
    try:
        return registration.ticket.number
    except Ticket.DoesNotExist:
        return ""


def session_totals(page, sessions):
    """How many approved participants were present at each session, in the sessions' order: one query."""
    counts = dict(
        Attendance.objects.filter(
            session__in=[s.pk for s in sessions], status=PRESENT, registration__status=RegistrationStatus.APPROVED
        )
        .values_list("session_id")
        .annotate(n=Count("pk"))
    )
    return [counts.get(session.pk, 0) for session in sessions]


def export_header(sessions):
    """The export's column headings, in the active language (sessions by ISO date and time, then title)."""
    return [
        _("Name"),
        _("Email"),
        _("Category"),
        _("Designation"),
        _("Ticket number"),
        *[f"{s.date:%Y-%m-%d} {s.start_time:%H:%M} {s.title}" for s in sessions],
        _("Sessions present"),
        _("Sessions counted"),
        _("Hours"),
        _("Eligible for a certificate"),
        _("Eligibility override reason"),
    ]


def export_rows(page, sessions, *, search="", category=""):
    """The grid's rows for the CSV export, read `EXPORT_CHUNK` registrations at a time.

    The rows stream after the view has returned: the words they print are taken now, in the
    request's language.
    """
    marks = {mark: str(label) for mark, label in MARKS.items()}
    yes, no = _("Yes"), _("No")
    return _export_rows(page, sessions, search, category, marks, yes, no, translation.get_language())


def _export_rows(page, sessions, search, category, marks, yes, no, language):
    registrations = participants(page, search=search, category=category)
    last = None  # keyset paging on (name, pk): the order of the grid, without OFFSET
    while True:
        chunk = registrations
        if last is not None:
            chunk = chunk.filter(Q(name__gt=last[0]) | Q(name=last[0], pk__gt=last[1]))
        chunk = list(chunk[:EXPORT_CHUNK])
        if not chunk:
            return
        with translation.override(language):  # category labels
            chunk_rows = rows(page, chunk, sessions)
        for row in chunk_rows:
            registration, summary = row["registration"], row["summary"]
            yield [
                row["name"],
                registration.email,
                row["category"],
                registration.designation,
                row["ticket"],
                *[marks.get(mark, "") for mark in row["marks"]],
                summary["sessions_attended"],
                summary["sessions_counted"],
                summary["hours"],
                yes if summary["eligible"] else no,
                summary["override_reason"],
            ]
        if len(chunk) < EXPORT_CHUNK:
            return
        last = (chunk[-1].name, chunk[-1].pk)
