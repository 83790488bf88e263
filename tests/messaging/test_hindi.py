"""Messaging in Hindi: a reminder's fixed text in each recipient's language, the registrar's screens and errors."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from colloquia.models import Registration
from messaging import reminders
from messaging.models import Message
from messaging.placeholders import problems
from messaging.tasks import queue_due_reminders
from tests import factories

from .conftest import add_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def hindi_and_english(event):
    hindi = factories.make_user("district_judge", full_name="Anil")
    hindi.preferred_language = "hi"
    hindi.save(update_fields=["preferred_language"])
    english = factories.make_user("district_judge", full_name="Bela")
    people = [add_registration(event, hindi), add_registration(event, english)]
    Registration.objects.filter(page=event).update(status_changed_at=timezone.now() - datetime.timedelta(days=30))
    return people


def test_a_reminder_goes_in_each_recipients_language(event, hindi_and_english, django_capture_on_commit_callbacks):
    hindi, english = hindi_and_english
    now = reminders.event_starts_at(event) - datetime.timedelta(days=7) + datetime.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert queue_due_reminders(now) == 2
    to_hindi = next(m for m in mail.outbox if m.to == [hindi.email])
    to_english = next(m for m in mail.outbox if m.to == [english.email])
    assert to_hindi.subject.startswith(f"अनुस्मारक: {event.title}, ")
    assert to_hindi.body.startswith(f"प्रिय Anil,\n\nआपको स्मरण कराया जाता है कि {event.title} में आपका स्थान")
    assert "प्रतीक्षा सूची" in to_hindi.body and to_hindi.body.endswith("— Jharkhand State Judicial Academy")
    assert "Dear" not in to_hindi.body and "Reminder" not in to_hindi.subject
    assert to_english.subject.startswith(f"Reminder: {event.title}, ")
    assert to_english.body.startswith("Dear Bela,\n\nThis is a reminder that you have a place at")
    # The message is stored once, in English (the texts' source), whoever reads it.
    message = Message.objects.get(page=event)
    assert message.subject == "Reminder: {event}, {dates}"


def test_a_registrars_own_message_goes_as_written(client, registrar, event, hindi_and_english):
    client.force_login(registrar)
    data = {"statuses": ["approved"], "subject": "About {event}", "body": "Dear {name}, see you."}
    shown = client.post(f"/admin/messaging/events/{event.pk}/compose/", {**data, "action": "preview"})
    assert shown.context["preview"]["body"] == "Dear Anil, see you."


@pytest.fixture
def hindi_registrar(registrar):
    profile = UserProfile.get_for_user(registrar)
    profile.preferred_language = "hi"  # the admin's own language setting (Wagtail's account page)
    profile.save()
    return registrar


def test_the_composer_and_its_errors_are_in_hindi(client, hindi_registrar, event, hindi_and_english):
    client.force_login(hindi_registrar)
    url = f"/admin/messaging/events/{event.pk}/compose/"
    body = client.get(url).content.decode()
    assert "प्राप्तकर्ता" in body and "प्लेसहोल्डर किसमें बदलते हैं" in body and "प्रतिभागी का नाम" in body
    assert "What the placeholders become" not in body
    data = {"statuses": ["approved"], "subject": "About {evnt}", "body": "Hello", "action": "preview"}
    refused = client.post(url, data).content.decode()
    assert "संदेश नहीं भेजा गया।" in refused and "अज्ञात प्लेसहोल्डर {evnt}। केवल" in refused
    assert "Unknown placeholder" not in refused
    preview = client.post(url, {**data, "subject": "About {event}"}).content.decode()
    assert "<strong>2 प्राप्तकर्ता</strong>" in preview and "2 व्यक्तियों को भेजें" in preview


def test_the_lists_and_the_reminders_screen_are_in_hindi(client, hindi_registrar, event):
    client.force_login(hindi_registrar)
    events = client.get("/admin/messaging/").content.decode()
    assert "प्रतिभागियों को संदेश" in events and '<th scope="col">कार्यक्रम</th>' in events
    screen = client.get(f"/admin/messaging/events/{event.pk}/reminders/").content.decode()
    assert "कार्यक्रम से 7 दिन पहले" in screen and "अनुस्मारक सहेजें" in screen and "Save reminders" not in screen


def test_placeholder_problems_in_the_active_language():
    with translation.override("hi"):
        assert problems("{a} {b}") == [
            "अज्ञात प्लेसहोल्डर {a}, {b}। केवल {name}, {event}, {dates}, {venue}, "
            "{calendar_link}, {event_link}, {academy} का प्रयोग करें।"
        ]
    assert problems("{") == ["A brace without its partner: braces are only for placeholders, such as {name}."]
