"""Automatic reminders: when they fall due, once per person, switched per event; "certificate ready" on issue."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import PageLogEntry

from certificates.models import Kind, SourceKind
from certificates.services import IssueContext, issue_certificate, reissue
from colloquia.models import Registration
from messaging import reminders
from messaging.models import Delivery, Message, ReminderKind
from messaging.tasks import queue_due_reminders
from tests import factories
from tests.certificates.conftest import snapshot
from tests.colloquia.conftest import make_event

from .conftest import add_registration

pytestmark = pytest.mark.django_db


def starts(page):
    return reminders.event_starts_at(page)


@pytest.fixture
def participants(event):
    """Two approved participants (approved a month ago), and people who get no reminder."""
    approved = [
        add_registration(event, factories.make_user("district_judge", full_name=name)) for name in ("Anil", "Bela")
    ]
    add_registration(event, factories.make_user("district_judge", full_name="Pending"), status="pending")
    add_registration(event, factories.make_user("district_judge", full_name="Withdrawn"), status="withdrawn")
    add_registration(event, status="invited", email="nominee@example.test")
    Registration.objects.filter(page=event).update(status_changed_at=timezone.now() - datetime.timedelta(days=30))
    return approved


def run(now, capture):
    with capture(execute=True):
        return queue_due_reminders(now)


def test_the_first_session_sets_when_the_event_starts(event):
    assert starts(event) == datetime.datetime.combine(
        event.start_date, datetime.time(9, 0), tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30))
    )


def test_nothing_is_due_more_than_a_week_before(event, participants, django_capture_on_commit_callbacks):
    week_before = starts(event) - datetime.timedelta(days=7)
    assert run(week_before - datetime.timedelta(minutes=1), django_capture_on_commit_callbacks) == 0
    assert mail.outbox == [] and not Delivery.objects.exists()


def test_the_week_reminder_goes_to_approved_participants_once(event, participants, django_capture_on_commit_callbacks):
    now = starts(event) - datetime.timedelta(days=7) + datetime.timedelta(hours=1)
    assert run(now, django_capture_on_commit_callbacks) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in participants)
    first = next(m for m in mail.outbox if m.to == [participants[0].email])
    dates = f"{event.start_date.day} {event.start_date:%b %Y}"
    assert first.subject == f"Reminder: State colloquium on trafficking, {dates}"
    assert first.body.startswith("Dear Anil,\n\nThis is a reminder that you have a place at State colloquium")
    assert "/colloquia-registrations/calendar/" in first.body and first.body.endswith(
        "— Jharkhand State Judicial Academy"
    )
    message = Message.objects.get()
    assert message.reminder == ReminderKind.WEEK_BEFORE and message.label == "Reminder: 7 days before the event"
    assert set(message.deliveries.values_list("status", flat=True)) == {"sent"}
    # An hour later the same reminder is still "due", but everyone has had it.
    assert run(now + datetime.timedelta(hours=1), django_capture_on_commit_callbacks) == 0
    assert len(mail.outbox) == 2


def test_someone_approved_after_the_reminder_fell_due_does_not_get_it(
    event, participants, django_capture_on_commit_callbacks
):
    due = starts(event) - datetime.timedelta(days=7)
    Registration.objects.filter(pk=participants[1].pk).update(status_changed_at=due + datetime.timedelta(minutes=5))
    assert run(due + datetime.timedelta(hours=1), django_capture_on_commit_callbacks) == 1
    assert [m.to for m in mail.outbox] == [[participants[0].email]]


def test_a_timer_that_missed_the_week_reminder_sends_only_the_day_reminder(
    event, participants, django_capture_on_commit_callbacks
):
    now = starts(event) - datetime.timedelta(hours=20)
    assert run(now, django_capture_on_commit_callbacks) == 2
    assert {m.subject.split(":")[0] for m in mail.outbox} == {"State colloquium on trafficking begins soon"}
    assert Message.objects.get().reminder == ReminderKind.DAY_BEFORE


def test_with_the_day_reminder_off_the_week_reminder_stays_due_until_the_start(
    event, participants, registrar, django_capture_on_commit_callbacks
):
    reminders.set_switches(event, {ReminderKind.DAY_BEFORE: False}, by=registrar)
    assert run(starts(event) - datetime.timedelta(hours=20), django_capture_on_commit_callbacks) == 2
    assert Message.objects.get().reminder == ReminderKind.WEEK_BEFORE


def test_nothing_once_the_event_has_started(event, participants, django_capture_on_commit_callbacks):
    assert run(starts(event) + datetime.timedelta(minutes=1), django_capture_on_commit_callbacks) == 0


def test_an_unpublished_event_sends_no_reminders(event, participants, django_capture_on_commit_callbacks):
    event.unpublish()
    assert run(starts(event) - datetime.timedelta(hours=20), django_capture_on_commit_callbacks) == 0


@pytest.fixture
def event_in_three_days(index):
    page = make_event(index, title="Colloquium in three days", start=timezone.localdate() + datetime.timedelta(days=3))
    for name in ("Chetan", "Divya", "Farah"):
        add_registration(page, factories.make_user("district_judge", full_name=name))
    Registration.objects.filter(page=page).update(status_changed_at=timezone.now() - datetime.timedelta(days=30))
    return page


def test_running_the_command_twice_sends_each_reminder_once(event_in_three_days, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_reminders", verbosity=0)
    assert len(mail.outbox) == 3
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_reminders", verbosity=0)
    assert len(mail.outbox) == 3
    assert Delivery.objects.filter(reminder=ReminderKind.WEEK_BEFORE, status="sent").count() == 3


def test_a_reminder_switched_off_by_the_registrar_is_not_sent(
    client, registrar, event_in_three_days, django_capture_on_commit_callbacks
):
    page = event_in_three_days
    client.force_login(registrar)
    response = client.post(f"/admin/messaging/events/{page.pk}/reminders/", {"day_before": "on"})
    assert response.status_code == 302
    assert reminders.switches(page) == {
        ReminderKind.WEEK_BEFORE: False,
        ReminderKind.DAY_BEFORE: True,
        ReminderKind.CERTIFICATE_READY: False,
    }
    entry = PageLogEntry.objects.get(page=page, action="colloquium.reminders_changed")
    assert entry.user == registrar and entry.data == {"week_before": "off"}
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_reminders", verbosity=0)
    assert mail.outbox == [] and not Delivery.objects.exists()


def test_the_reminders_screen_says_when_each_falls_due(client, registrar, event):
    client.force_login(registrar)
    body = client.get(f"/admin/messaging/events/{event.pk}/reminders/").content.decode()
    week = starts(event) - datetime.timedelta(days=7)
    assert f"Falls due at 09:00 IST on {week.day} {week:%b %Y}" in body
    assert 'name="week_before" id="id_week_before" checked' in body
    assert 'name="certificate_ready" id="id_certificate_ready">' in body


def test_the_database_holds_each_reminder_once_per_registration(event, participants):
    registration = participants[0]
    week = Message.objects.create(page=event, reminder=ReminderKind.WEEK_BEFORE, subject="s", body="b")
    Delivery.objects.create(message=week, registration=registration, reminder=week.reminder, email="a@example.test")
    other = Message.objects.create(page=event, subject="A registrar's message", body="b")
    with pytest.raises(IntegrityError), transaction.atomic():
        # The same reminder again, even under another message.
        Delivery.objects.create(
            message=other, registration=registration, reminder=week.reminder, email="a@example.test"
        )
    # Registrars' messages are not limited.
    Delivery.objects.create(message=other, registration=registration, email="a@example.test")


# --- "Your certificate is ready" ---


def issue(user, event, academy):
    return issue_certificate(
        user, SourceKind.COLLOQUIUM, event.pk, snapshot(), context=IssueContext.build(Kind.ATTENDANCE, academy)
    )


def test_the_certificate_reminder_goes_when_a_certificate_is_issued(
    event, participants, academy, registrar, django_capture_on_commit_callbacks
):
    reminders.set_switches(event, {ReminderKind.CERTIFICATE_READY: True}, by=registrar)
    person = participants[0]
    with django_capture_on_commit_callbacks(execute=True):
        cert, created = issue(person.user, event, academy)
    assert created
    ours = [m for m in mail.outbox if m.subject == "Your certificate for State colloquium on trafficking is ready"]
    assert [m.to for m in ours] == [[person.email]]
    delivery = Delivery.objects.get(reminder=ReminderKind.CERTIFICATE_READY)
    assert delivery.registration == person and delivery.status == "sent"
    sent = len(mail.outbox)
    # Issuing again finds the certificate held; a corrected copy is announced by the certificates app alone.
    with django_capture_on_commit_callbacks(execute=True):
        assert issue(person.user, event, academy) == (cert, False)
        reissue(cert, by=registrar, reason="Name corrected")
    assert len([m for m in mail.outbox[sent:] if m.subject.startswith("Your certificate for")]) == 0
    assert Delivery.objects.filter(reminder=ReminderKind.CERTIFICATE_READY).count() == 1


def test_no_certificate_reminder_while_it_is_off(event, participants, academy, django_capture_on_commit_callbacks):
    assert reminders.switches(event)[ReminderKind.CERTIFICATE_READY] is False  # the default
    with django_capture_on_commit_callbacks(execute=True):
        issue(participants[0].user, event, academy)
    assert not Delivery.objects.exists()
    assert [m.subject for m in mail.outbox] == ["Your certificate is ready: Trafficking in persons: the law"]


def test_a_certificate_for_someone_not_registered_sends_no_reminder(
    event, academy, judge, registrar, django_capture_on_commit_callbacks
):
    reminders.set_switches(event, {ReminderKind.CERTIFICATE_READY: True}, by=registrar)
    with django_capture_on_commit_callbacks(execute=True):
        issue(judge, event, academy)
    assert not Delivery.objects.exists()
