"""Placeholders: checked at compose time, filled once per recipient, never read as HTML or as a template."""

import pytest
from django.core import mail
from django.urls import resolve

from colloquia.models import CalendarFeed
from messaging.placeholders import fill, problems, render
from messaging.services import preview
from tests import factories

from .conftest import add_registration

pytestmark = pytest.mark.django_db


def test_every_known_placeholder_is_filled_for_the_recipient(event, judge):
    registration = add_registration(event, judge)
    subject, body = preview(
        event,
        "{event}: {dates}",
        "Dear {name}, {event} at {venue} on {dates}. Page: {event_link} Calendar: {calendar_link} — {academy}",
        registration,
    )
    dates = f"{event.start_date.day} {event.start_date:%b %Y}"
    assert subject == f"State colloquium on trafficking: {dates}"
    feed = CalendarFeed.objects.get(user=judge)
    assert body == (
        f"Dear Test Judge, State colloquium on trafficking at Judicial Academy auditorium on {dates}. "
        f"Page: {event.full_url} Calendar: http://testserver/colloquia-registrations/calendar/{feed.token}.ics"
        " — Jharkhand State Judicial Academy"
    )
    # The link is the person's own feed, the one the colloquia app serves.
    assert resolve(f"/colloquia-registrations/calendar/{feed.token}.ics").url_name == "personal_feed"


def test_a_nominee_without_an_account_gets_the_events_calendar_file(event):
    nominee = add_registration(event, status="invited", email="nominee@example.test", name="A Nominee")
    _, body = preview(event, "Hello", "{name}: {calendar_link}", nominee)
    assert body == f"A Nominee: {event.full_url}agenda.ics"


def test_the_calendar_feed_is_made_only_when_the_text_asks_for_it(event, judge):
    registration = add_registration(event, judge)
    preview(event, "Hello {name}", "No link here, {name}.", registration)
    assert not CalendarFeed.objects.filter(user=judge).exists()


def test_a_value_that_looks_like_a_placeholder_is_not_filled_again(event):
    tricky = factories.make_user("district_judge", full_name="{event} {calendar_link}")
    registration = add_registration(event, tricky)
    subject, body = preview(event, "For {name}", "Dear {name}", registration)
    assert (subject, body) == ("For {event} {calendar_link}", "Dear {event} {calendar_link}")


def test_html_in_a_name_stays_plain_text_in_a_plain_text_email(event, django_capture_on_commit_callbacks, registrar):
    from messaging.services import send_message

    person = factories.make_user("district_judge", full_name='<script>alert("x")</script> Judge')
    registration = add_registration(event, person)
    with django_capture_on_commit_callbacks(execute=True):
        send_message(event, subject="Note", body="Dear {name},", registrations=[registration], by=registrar)
    sent = mail.outbox[-1]
    assert sent.body == 'Dear <script>alert("x")</script> Judge,'
    assert sent.content_subtype == "plain" and getattr(sent, "alternatives", []) == []


def test_line_breaks_in_a_value_never_reach_the_subject_header():
    assert fill("About {event}", {"event": "Line one\r\nBcc: x@example.test"}, one_line=True) == (
        "About Line one Bcc: x@example.test"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dear {nme}",
            [
                "Unknown placeholder {nme}. Use only {name}, {event}, {dates}, {venue}, {calendar_link}, "
                "{event_link}, {academy}."
            ],
        ),
        (
            "{Name} and {when} and {Name}",
            [
                "Unknown placeholders {Name}, {when}. Use only {name}, {event}, {dates}, "
                "{venue}, {calendar_link}, {event_link}, {academy}."
            ],
        ),
        ("Costs {100", ["A brace without its partner: braces are only for placeholders, such as {name}."]),
        ("Dear {name}, see {event_link}", []),
    ],
)
def test_problems_name_each_unknown_placeholder(text, expected):
    assert problems(text) == expected


def test_render_fills_subject_and_body_of_a_saved_message(event, judge):
    from messaging.models import Message

    registration = add_registration(event, judge)
    message = Message(page=event, subject="{name}", body="{venue}")
    assert render(message, registration, event) == ("Test Judge", "Judicial Academy auditorium")
