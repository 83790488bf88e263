"""The reminder to give feedback: after the event, to those asked who have not answered, once each."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from feedback import services
from feedback.models import FeedbackReminder
from feedback.tasks import queue_feedback_reminders

from .conftest import ended_event, participants

pytestmark = pytest.mark.django_db


@pytest.fixture
def event_with_people(index):
    page = ended_event(index, days_ago=4)
    people = participants(page, 3)
    participants(page, 1, present=False, prefix="Absent")
    return page, people


def test_it_goes_to_those_who_have_not_answered_once(event_with_people, django_capture_on_commit_callbacks):
    page, people = event_with_people
    services.submit_feedback(page, people[0], overall_usefulness=5)
    with django_capture_on_commit_callbacks(execute=True):
        assert queue_feedback_reminders() == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people[1:])
    body = mail.outbox[0].body
    assert f"/feedback/{page.pk}/" in body and "anonymous" in body and page.title in mail.outbox[0].subject
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_feedback_reminders", verbosity=0)
        assert queue_feedback_reminders() == 0
    assert len(mail.outbox) == 2 and FeedbackReminder.objects.count() == 2


def test_it_is_not_due_in_the_first_days_nor_after_the_form_closes(event_with_people):
    page, people = event_with_people
    opens, closes = services.feedback_window(page)
    assert services.reminder_recipients(page, now=opens + datetime.timedelta(days=2)) == []
    assert len(services.reminder_recipients(page, now=opens + datetime.timedelta(days=3))) == 3
    assert services.reminder_recipients(page, now=closes) == []
    assert timezone.now() >= opens + datetime.timedelta(days=3)


def test_someone_who_answers_before_the_worker_sends_gets_nothing(
    event_with_people, django_capture_on_commit_callbacks
):
    page, people = event_with_people
    queued = services.queue_feedback_reminders()
    assert len(queued) == 3
    services.submit_feedback(page, people[1], overall_usefulness=3)
    from feedback.tasks import send_feedback_reminder

    sent = [send_feedback_reminder.call(page_id, user_id) for page_id, user_id in queued]
    assert sent.count(True) == 2 and len(mail.outbox) == 2
