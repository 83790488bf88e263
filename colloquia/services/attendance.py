"""Attendance: the rule for when it opens, the registrar's marks, room-screen codes and QR check-in."""

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.audit import record
from core.site import absolute_url

from ..choices import RegistrationStatus
from ..records import AgendaSession, Attendance, Registration
from . import clock
from .clock import format_moment
from .errors import Refused

S = RegistrationStatus


class AttendanceNotOpen(Refused):
    """Attendance for a session that has not started yet (less the event's grace period)."""


def attendance_opens_at(session):
    """When attendance for `session` opens: its start, less the event's `attendance_opens_minutes_before`."""
    page = session.page
    return session.starts_at(page.zone) - timedelta(minutes=page.attendance_opens_minutes_before)


def attendance_open(session, now=None):
    """Whether attendance for `session` may be recorded at `now` (by anyone, by any method)."""
    return (now or clock.now()) >= attendance_opens_at(session)


def require_attendance_open(session, now=None):
    """Raise AttendanceNotOpen, saying when it opens, if attendance for `session` may not be recorded yet.

    The one rule every way of recording attendance calls: the registrar's marks, paper entry
    and QR self check-in.
    """
    if not attendance_open(session, now):
        opens = attendance_opens_at(session)
        raise AttendanceNotOpen(
            _("Attendance for “%(session)s” opens at %(moment)s.")
            % {"session": session.title, "moment": format_moment(opens)}
        )


def record_attendance(session, marks, *, method, by, now=None):
    """Record {registration: status} for one session. Only approved registrations of the event count.

    Refused as a whole (nothing written) for a session whose attendance is not open yet.
    Returns the number of records created or changed; each change is audited.
    """
    if not session.counts_for_attendance:
        raise Refused(_("Attendance is not taken for “%(session)s”.") % {"session": session.title})
    require_attendance_open(session, now)
    changed = 0
    with transaction.atomic():
        approved = {
            r.pk: r
            for r in Registration.objects.filter(
                page_id=session.page_id, status=S.APPROVED, pk__in=[r.pk for r in marks]
            )
        }
        existing = {
            a.registration_id: a
            for a in Attendance.objects.select_for_update().filter(session=session, registration_id__in=approved)
        }
        for registration, status in marks.items():
            if registration.pk not in approved:
                raise Refused(
                    _("%(name)s does not hold an approved place at this event.") % {"name": registration.name}
                )
            if status not in Attendance.Status.values:
                raise Refused(_("“%(status)s” is not an attendance status.") % {"status": status})
            current = existing.get(registration.pk)
            if current is not None and current.status == status:
                continue
            previous = current.status if current else ""
            if current is None:
                current = Attendance(registration=registration, session=session)
            current.status, current.method, current.recorded_by = status, method, by
            current.recorded_at = timezone.now()
            current.save()
            record(
                current.registration,
                "colloquium.attendance_recorded",
                by,
                session=str(session.uid),
                session_title=session.title,
                status=status,
                previous=previous,
                method=method,
            )
            changed += 1
    return changed


def check_in_seconds():
    """How long each room-screen code lasts: setting COLLOQUIA_CHECK_IN_SECONDS, 60 by default."""
    return max(1, int(getattr(settings, "COLLOQUIA_CHECK_IN_SECONDS", 60)))


def _window(moment):
    return int(moment.timestamp()) // check_in_seconds()


def check_in_code(session, window):
    message = f"colloquia-check-in:{session.uid}:{window}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:16]


def current_check_in_code(session, now=None):
    return check_in_code(session, _window(now or clock.now()))


def check_in_url(session, now=None):
    return absolute_url(reverse("colloquia:check_in", args=[session.uid, current_check_in_code(session, now)]))


def session_by_uid(uid):
    return AgendaSession.objects.select_related("page").filter(uid=uid, page__live=True).first()


def check_in_problem(user, session, code, now=None):
    """Why `user` may not check in to `session` with `code` now ("" when they may)."""
    now = now or clock.now()
    window = _window(now)
    if not any(hmac.compare_digest(code, check_in_code(session, w)) for w in (window, window - 1)):
        return _("This code has expired. Scan the code on the screen again.")
    if not session.counts_for_attendance:
        return _("Attendance is not taken for “%(session)s”.") % {"session": session.title}
    page = session.page
    try:
        require_attendance_open(session, now)
    except AttendanceNotOpen as refusal:
        return str(refusal)
    if now > session.ends_at(page.zone):
        return _("“%(session)s” has ended; check-in is closed. Ask the registrar to record your attendance.") % {
            "session": session.title
        }
    registration = Registration.objects.filter(page=page, user=user).first()
    if registration is None or registration.status != S.APPROVED:
        return _("You do not hold an approved place at this event, so you cannot check in.")
    return ""


def self_check_in(user, session, code, now=None):
    problem = check_in_problem(user, session, code, now)
    if problem:
        raise Refused(problem)
    registration = Registration.objects.get(page_id=session.page_id, user=user)
    with transaction.atomic():
        attendance, created = Attendance.objects.select_for_update().get_or_create(
            registration=registration,
            session=session,
            defaults={"status": Attendance.Status.PRESENT, "method": Attendance.Method.QR, "recorded_by": user},
        )
        if not created and attendance.status != Attendance.Status.PRESENT:
            attendance.status, attendance.method, attendance.recorded_by = "present", "qr", user
            attendance.recorded_at = timezone.now()
            attendance.save()
            created = True
        if created:
            record(registration, "colloquium.checked_in", user, session=str(session.uid), session_title=session.title)
    return attendance
