"""The registrar's attendance screen for one session, for events of any size.

The screen shows one page of the event's approved participants at a time, narrowed by a name,
email or designation, a category and the person's mark for the session; `roster` is that
queryset and `session_tally` the counts above it. Both cost a fixed number of queries whatever
the number of registrations, so a 500-person event answers as fast as a 50-person one.
"""

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from ..records import Attendance, Registration, RegistrationStatus

# The screen's "mark" filter: a status, or NOT_MARKED for people with no record for the session yet.
NOT_MARKED = "none"
MARK_FILTERS = [("", _("Any")), *Attendance.Status.choices, (NOT_MARKED, _("Not recorded yet"))]


def roster(page, session, *, search="", category="", mark=""):
    """The approved registrations of `page` by name (the sign-in sheet's order), narrowed by the filters."""
    registrations = Registration.objects.filter(page=page, status=RegistrationStatus.APPROVED)
    search = (search or "").strip()
    if search:
        registrations = registrations.filter(
            Q(name__icontains=search)
            | Q(user__full_name__icontains=search)
            | Q(email__icontains=search)
            | Q(designation__icontains=search)
        )
    if category:
        registrations = registrations.filter(category=category)
    if mark == NOT_MARKED:
        registrations = registrations.exclude(
            Exists(Attendance.objects.filter(registration=OuterRef("pk"), session=session))
        )
    elif mark in Attendance.Status.values:
        registrations = registrations.filter(
            Exists(Attendance.objects.filter(registration=OuterRef("pk"), session=session, status=mark))
        )
    return registrations.select_related("user").order_by("name", "pk")


def session_tally(page, session):
    """{"approved": n, "present": n, "absent": n, "excused": n, "none": n} for the session: two queries."""
    approved = Registration.objects.filter(page=page, status=RegistrationStatus.APPROVED).count()
    counts = dict(
        Attendance.objects.filter(session=session, registration__status=RegistrationStatus.APPROVED)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    tally = {"approved": approved, **{status: counts.get(status, 0) for status in Attendance.Status.values}}
    tally[NOT_MARKED] = approved - sum(counts.values())
    return tally
