"""Only the registrars of the event's academy, and platform administrators, write, preview, send and read logs."""

import pytest
from django.core import mail

from messaging.models import Message, ReminderSetting
from tests import factories

from .conftest import add_registration

pytestmark = pytest.mark.django_db

MESSAGE = {"statuses": ["approved"], "subject": "Hello {name}", "body": "Dear {name}.", "action": "preview"}


@pytest.fixture
def sent(event, judge, registrar, django_capture_on_commit_callbacks):
    from messaging.services import send_message

    registration = add_registration(event, judge)
    with django_capture_on_commit_callbacks(execute=True):
        return send_message(event, subject="Hello", body="Dear {name}.", registrations=[registration], by=registrar)


def screens(event, message):
    """Every screen of an event's messages, as (method, url, data)."""
    return [
        ("get", f"/admin/messaging/events/{event.pk}/", None),
        ("get", f"/admin/messaging/events/{event.pk}/compose/", None),
        ("post", f"/admin/messaging/events/{event.pk}/compose/", MESSAGE),
        ("post", f"/admin/messaging/events/{event.pk}/compose/", {**MESSAGE, "action": "send", "fingerprint": "x"}),
        ("get", f"/admin/messaging/events/{event.pk}/reminders/", None),
        ("post", f"/admin/messaging/events/{event.pk}/reminders/", {"certificate_ready": "on"}),
        ("get", f"/admin/messaging/{message.pk}/", None),
        ("get", f"/admin/messaging/{message.pk}/log.csv", None),
        ("post", f"/admin/messaging/{message.pk}/resend/", None),
    ]


def call(client, method, url, data):
    return getattr(client, method)(url, data or {})


def nothing_changed(message):
    assert Message.objects.count() == 1 and not ReminderSetting.objects.exists()
    assert len(mail.outbox) == 1  # the one the fixture sent
    assert message.deliveries.get().status == "sent"


def test_the_events_registrar_may_use_every_screen(client, registrar, event, sent):
    client.force_login(registrar)
    for method, url, data in screens(event, sent):
        response = call(client, method, url, data)
        assert response.status_code in (200, 302), (url, response.status_code)
        if response.status_code == 302:
            assert response.url.startswith("/admin/messaging/"), url
    assert client.get("/admin/messaging/").context["page_obj"].object_list[0] == event


@pytest.mark.parametrize("who", ["superuser", "platform_admin"])
def test_platform_administrators_may_use_every_screen(client, request, who, event, sent):
    client.force_login(request.getfixturevalue(who))
    for method, url, data in screens(event, sent):
        assert call(client, method, url, data).status_code in (200, 302), url


def test_a_registrar_of_another_academy_gets_not_found(client, other_academy, event, sent):
    client.force_login(factories.make_staff(other_academy, "registrar"))
    for method, url, data in screens(event, sent):
        assert call(client, method, url, data).status_code == 404, url
    assert event.title not in client.get("/admin/messaging/").content.decode()
    nothing_changed(sent)


def test_the_other_direction_too(client, registrar, other_event, judge, django_capture_on_commit_callbacks):
    """A registrar of the Jharkhand academy cannot write to the participants of an MP event."""
    from messaging.services import send_message

    registration = add_registration(other_event, judge)
    with django_capture_on_commit_callbacks(execute=True):
        message = send_message(other_event, subject="MP", body="Hi", registrations=[registration], by=None)
    client.force_login(registrar)
    for method, url, data in screens(other_event, message):
        assert call(client, method, url, data).status_code == 404, url
    assert other_event.title not in client.get("/admin/messaging/").content.decode()


@pytest.mark.parametrize("role", ["moderator", "editor"])
def test_moderators_and_editors_of_the_same_academy_are_refused(client, request, role, event, sent):
    client.force_login(request.getfixturevalue(role))
    for method, url, data in [("get", "/admin/messaging/", None), *screens(event, sent)]:
        response = call(client, method, url, data)
        # The admin's refusal (a 403 inside Wagtail's admin views): back to the dashboard.
        assert (response.status_code, response.url) == (302, "/admin/"), url
    nothing_changed(sent)


def test_a_participant_without_admin_access_is_sent_to_sign_in(client, judge, event, sent):
    client.force_login(judge)
    for method, url, data in [("get", "/admin/messaging/", None), *screens(event, sent)]:
        response = call(client, method, url, data)
        assert (response.status_code, response.url) == (302, f"/accounts/login/?next={url}"), url
    nothing_changed(sent)


def test_an_anonymous_visitor_is_asked_to_sign_in(client, event, sent):
    for method, url, data in [("get", "/admin/messaging/", None), *screens(event, sent)]:
        response = call(client, method, url, data)
        assert (response.status_code, response.url) == (302, f"/accounts/login/?next={url}"), url
    nothing_changed(sent)


def test_the_menu_shows_messages_to_registrars_only(client, registrar, moderator, event):
    # The admin's sidebar is drawn from a JSON description of the menu.
    client.force_login(registrar)
    assert '"/admin/messaging/"' in client.get("/admin/").content.decode()
    client.force_login(moderator)
    assert '"/admin/messaging/"' not in client.get("/admin/").content.decode()


def test_a_national_event_is_for_platform_administrators(client, home, registrar, platform_admin):
    from tests.colloquia.conftest import make_event, make_index

    national = make_event(make_index(home, title="National colloquia", slug="national"), title="National meet")
    assert national.academy is None
    client.force_login(registrar)
    assert client.get(f"/admin/messaging/events/{national.pk}/compose/").status_code == 404
    client.force_login(platform_admin)
    assert client.get(f"/admin/messaging/events/{national.pk}/compose/").status_code == 200
