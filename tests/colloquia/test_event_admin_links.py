"""The event's registrar screen links to where the registrar goes next in the other apps (their
`colloquium_event_admin_links` hooks): messages, registration answers, badges, the desk and the grid."""

import pytest
from wagtail import hooks

from colloquia.extensions import EVENT_ADMIN_LINKS

pytestmark = pytest.mark.django_db


def links(event):
    return {
        "Registration answers": f"/admin/registration-questions/{event.pk}/",
        "Messages and reminders": f"/admin/messaging/events/{event.pk}/",
        "Name badges": f"/admin/checkin/{event.pk}/badges/",
        "Check-in desk": f"/checkin/desk/{event.pk}/",
        "Attendance grid": f"/admin/checkin/{event.pk}/attendance/",
    }


def test_the_events_registrar_screen_links_to_every_screen_of_the_event(client, registrar, superuser, event):
    for user in (registrar, superuser):
        client.force_login(user)
        response = client.get(f"/admin/colloquia/{event.pk}/")
        assert response.status_code == 200
        shown = {link["label"]: link["url"] for link in response.context["other_screens"]}
        assert shown == links(event)
        html = response.content.decode()
        for label, url in links(event).items():
            assert f'href="{url}">{label}</a>' in html
            assert client.get(url).status_code == 200, url  # and each opens for them


def test_no_links_for_those_who_may_not_open_the_event(client, event, other_academy, editor, judge):
    from tests.factories import make_staff

    client.force_login(make_staff(other_academy, "registrar"))
    assert client.get(f"/admin/colloquia/{event.pk}/").status_code == 404
    client.force_login(editor)
    response = client.get(f"/admin/colloquia/{event.pk}/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    client.logout()
    response = client.get(f"/admin/colloquia/{event.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_each_app_leaves_its_links_out_for_a_user_without_its_screens(rf, event, other_academy, judge):
    from tests.factories import make_staff

    request = rf.get("/")
    for user in (make_staff(other_academy, "registrar"), judge):
        request.user = user
        assert [link for fn in hooks.get_hooks(EVENT_ADMIN_LINKS) for link in fn(request, event)] == []
