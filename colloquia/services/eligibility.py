"""Certificate eligibility and the end of an event: the contract the certificates app relies on."""

from collections import defaultdict
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.audit import record

from ..choices import CertificateRule, Kind, RegistrationStatus
from ..records import Attendance, Registration
from . import clock
from .errors import Refused

S = RegistrationStatus


def counted_sessions(page):
    return [s for s in page.sessions.all() if s.counts_for_attendance]


def event_ends_at(colloquium):
    """When the event's last counted session ends (the end of its last day if it counts none), in its zone."""
    zone = colloquium.zone
    ends = [session.ends_at(zone) for session in counted_sessions(colloquium)]
    if ends:
        return max(ends)
    return datetime.combine(colloquium.end_date + timedelta(days=1), time.min, tzinfo=zone)


def event_has_ended(colloquium, now=None):
    """Whether the event's last counted session has ended, so that its attendance is complete."""
    return (now or clock.now()) >= event_ends_at(colloquium)


def _summarise(page, registration, counted, present_ids):
    attended = [s for s in counted if s.pk in present_ids]
    hours = sum((s.hours for s in attended), Decimal("0"))
    rule = page.certificate_rule
    if registration.status != S.APPROVED or not counted:
        eligible = False
    elif rule == CertificateRule.MIN_SESSIONS:
        eligible = len(attended) >= (page.certificate_min_sessions or len(counted))
    elif rule == CertificateRule.MIN_HOURS:
        eligible = hours >= (page.certificate_min_hours or sum((s.hours for s in counted), Decimal("0")))
    else:
        eligible = len(attended) == len(counted)
    override_reason = ""
    if registration.override_eligible is not None:
        eligible = registration.override_eligible
        override_reason = registration.override_reason
    return {
        "sessions_attended": len(attended),
        "sessions_counted": len(counted),
        "hours": hours,
        "eligible": eligible,
        "override_reason": override_reason,
    }


def attendance_summary(registration):
    """{sessions_attended, sessions_counted, hours, eligible, override_reason} for one registration."""
    page = registration.page
    counted = counted_sessions(page)
    present = set(
        Attendance.objects.filter(registration=registration, status=Attendance.Status.PRESENT).values_list(
            "session_id", flat=True
        )
    )
    return _summarise(page, registration, counted, present)


def summaries(page, registrations):
    """attendance_summary for many registrations of one event, in three queries."""
    counted = counted_sessions(page)
    present = defaultdict(set)
    rows = Attendance.objects.filter(
        registration__in=[r.pk for r in registrations], status=Attendance.Status.PRESENT
    ).values_list("registration_id", "session_id")
    for registration_id, session_id in rows:
        present[registration_id].add(session_id)
    return {r.pk: _summarise(page, r, counted, present[r.pk]) for r in registrations}


def approved_participants(page):
    """The event's approved registrations, each with its person and their State/UT, and its page set."""
    registrations = list(
        Registration.objects.filter(page=page, status=RegistrationStatus.APPROVED).select_related("user__state", "user")
    )
    for registration in registrations:
        registration.page = page
    return registrations


def held_session_ids(page):
    """The ids of the event's sessions at which anyone was marked present: the sessions held."""
    return set(
        Attendance.objects.filter(session__page=page, status=Attendance.Status.PRESENT)
        .values_list("session_id", flat=True)
        .distinct()
    )


def eligible_participants(colloquium_page):
    """Approved participants who meet the certificate rule (or were overridden to eligible), by name.

    Each item: user, registration, sessions_attended (int), hours (Decimal), override_reason (str or "").
    """
    page = colloquium_page
    registrations = list(
        Registration.objects.filter(page=page, status=S.APPROVED, user__isnull=False).select_related("user")
    )
    result = []
    for registration in registrations:
        registration.page = page
    for registration_pk, summary in summaries(page, registrations).items():
        if summary["eligible"]:
            registration = next(r for r in registrations if r.pk == registration_pk)
            result.append(
                {
                    "user": registration.user,
                    "registration": registration,
                    "sessions_attended": summary["sessions_attended"],
                    "hours": summary["hours"],
                    "override_reason": summary["override_reason"],
                }
            )
    result.sort(key=lambda item: ((item["user"].full_name or item["registration"].name).lower(), item["user"].pk))
    return result


def event_details(colloquium_page):
    page = colloquium_page
    return {
        "title": page.title,
        "academy": page.academy,
        "start_date": page.start_date,
        "end_date": page.end_date,
        "venue": page.venue,
        "state": page.state,
        "total_hours": sum((s.hours for s in counted_sessions(page)), Decimal("0")),
        "kind_label": str(Kind(page.kind).label),
    }


def set_override(registration, *, eligible, reason, by):
    """Override computed eligibility (True/False) with a written reason, or clear it (eligible=None)."""
    reason = (reason or "").strip()
    if eligible is not None and not reason:
        raise Refused(_("Write why you are overriding the computed eligibility; it is recorded."))
    with transaction.atomic():
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        registration.override_eligible = eligible
        registration.override_reason = reason if eligible is not None else ""
        registration.override_by = by if eligible is not None else None
        registration.override_at = timezone.now() if eligible is not None else None
        registration.save(update_fields=["override_eligible", "override_reason", "override_by", "override_at"])
        record(registration, "colloquium.eligibility_override", by, eligible=eligible, reason=reason)
    return registration
