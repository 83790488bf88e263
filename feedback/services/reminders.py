"""The reminder to give feedback: once, to each person asked who has not answered.

It falls due REMINDER_AFTER the form opens and stays due while the form is open, so a timer that
missed runs catches up; `manage.py send_feedback_reminders` queues it (see tasks.py). A
FeedbackReminder row per person and event (unique) makes each person get it once, however often
the command runs. Whether someone has answered is read from their receipt, which says nothing of
what they answered.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Page

from colloquia.choices import RegistrationStatus
from colloquia.records import Registration

from ..models import FeedbackReceipt, FeedbackReminder
from .rules import eligible_registrations, feedback_window, setup_for

REMINDER_AFTER = timedelta(days=3)
LONGEST_WINDOW = timedelta(days=366)


def reminder_recipients(page, now=None):
    """The users to remind about the event's feedback form at `now`: none unless the reminder is due."""
    now = now or timezone.now()
    setup = setup_for(page)
    opens, closes = feedback_window(page)
    if not setup.collect_feedback or not opens + REMINDER_AFTER <= now < closes:
        return []
    registrations = (
        eligible_registrations(page)
        .filter(user__is_active=True)
        .exclude(user__in=FeedbackReceipt.objects.filter(page_id=page.pk).values("user_id"))
        .exclude(user__in=FeedbackReminder.objects.filter(page_id=page.pk).values("user_id"))
        .select_related("user")
        .order_by("pk")
    )
    return [registration.user for registration in registrations]


def _events_ended_lately(now):
    today = timezone.localdate(now)
    page_ids = (
        Registration.objects.filter(
            status=RegistrationStatus.APPROVED,
            page__end_date__lte=today,
            page__end_date__gte=today - LONGEST_WINDOW,
        )
        .values_list("page_id", flat=True)
        .distinct()
    )
    return Page.objects.live().filter(pk__in=page_ids).specific().order_by("pk")


def queue_feedback_reminders(now=None):
    """Record a reminder for everyone due one at `now`; returns [(page id, user id)] to send, once committed."""
    now = now or timezone.now()
    queued = []
    for page in _events_ended_lately(now):
        for user in reminder_recipients(page, now):
            try:
                with transaction.atomic():
                    FeedbackReminder.objects.create(page_id=page.pk, user=user, queued_at=now)
            except IntegrityError:
                continue  # another run got there first
            queued.append((page.pk, user.pk))
    return queued
