"""Who may answer an event's feedback form, and when.

The form opens when the event's last counted session ends (`colloquia.services.event_ends_at`)
and closes the number of days the academy set later (30 unless it chose otherwise).

Who may answer: people with an approved place who were marked present at one counted session
or more. Moodle's feedback activity is for the course's participants and Indico lets a survey be
limited to registrants; Colloquium also knows who came, and ratings of sessions from people who
were not there would mislead the academy, so attendance decides. An event that recorded no
attendance at all (some take none) falls back to everyone with an approved place.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from colloquia.choices import RegistrationStatus
from colloquia.records import Attendance, Registration
from colloquia.services import counted_sessions, event_ends_at

from ..models import DEFAULT_WINDOW_DAYS, FeedbackReceipt, FeedbackSetup


def setup_for(page):
    """The event's feedback settings: its FeedbackSetup row, or an unsaved one with the defaults."""
    setup = FeedbackSetup.objects.filter(page_id=page.pk).first()
    return setup or FeedbackSetup(page_id=page.pk, window_days=DEFAULT_WINDOW_DAYS)


def feedback_window(page):
    """(opens, closes): aware datetimes in the event's time zone."""
    opens = event_ends_at(page)
    return opens, opens + timedelta(days=setup_for(page).window_days)


def eligible_registrations(page):
    """The approved registrations (with an account) whose people may answer the event's feedback form."""
    approved = Registration.objects.filter(page=page, status=RegistrationStatus.APPROVED, user__isnull=False)
    present = Attendance.objects.filter(
        registration__page=page,
        status=Attendance.Status.PRESENT,
        session__in=[session.pk for session in counted_sessions(page)],
    )
    if not Attendance.objects.filter(registration__page=page).exists():
        return approved
    return approved.filter(pk__in=present.values("registration_id"))


def has_answered(page, user):
    return FeedbackReceipt.objects.filter(page_id=page.pk, user_id=user.pk).exists()


def feedback_state(page, user, now=None):
    """What `user` may do with the event's feedback form now: a dict with `can_answer` and, if not, `reason`.

    Also `opens`, `closes`, `named` and `answered`; `eligible` says whether the person is one of
    those asked (the page shows the link to them only).
    """
    now = now or timezone.now()
    setup = setup_for(page)
    opens, closes = feedback_window(page)
    state = {"opens": opens, "closes": closes, "named": setup.named, "answered": False, "eligible": False}
    if not user.is_authenticated:
        return {**state, "can_answer": False, "reason": _("Sign in to give feedback.")}
    state["eligible"] = setup.collect_feedback and eligible_registrations(page).filter(user=user).exists()
    state["answered"] = has_answered(page, user)
    if not setup.collect_feedback:
        reason = _("This event does not collect feedback through the site.")
    elif not state["eligible"]:
        reason = _("Only participants who attended this event can give feedback on it.")
    elif state["answered"]:
        reason = _("You have already given your feedback on this event. Thank you: each participant answers once.")
    elif now < opens:
        reason = _("The feedback form opens when the last session ends, at %(time)s on %(date)s.") % {
            "time": f"{time_format(opens, 'H:i')} {opens:%Z}",
            "date": date_format(opens, "j M Y"),
        }
    elif now >= closes:
        reason = _("The feedback form closed on %(date)s.") % {"date": date_format(closes, "j M Y")}
    else:
        reason = ""
    return {**state, "can_answer": not reason, "reason": reason}
