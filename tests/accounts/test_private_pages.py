"""Pages that show the signed-in person's own data are never stored, and flash messages
(which can name the person) stay in the server-side session instead of a cookie."""

import pytest

from tests.security.world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    return build_world()


def personal_urls(world):
    """(who, url) for every page that shows the signed-in person's own data."""
    resource = world["version_own_pending"].resource
    return [
        ("judge", "/accounts/profile/"),
        ("judge", "/accounts/dashboard/"),
        ("judge", "/accounts/personal-data/"),
        ("judge", "/accounts/delete/"),
        # allauth's own account pages (addresses, password, two-factor) show the person's data too.
        ("judge", "/accounts/email/"),
        ("judge", "/accounts/password/change/"),
        ("judge", "/accounts/2fa/"),
        ("judge", "/certificates/"),
        ("judge", f"/certificates/{world['certificate_a'].pk}/download/"),
        ("judge", "/certificates/transcript/"),
        ("judge", f"/courses/attempts/{world['attempt_a'].pk}/"),
        ("judge", f"/colloquia-registrations/calendar/{world['feed_token_a']}.ics"),
        # Wagtail pages greet the person by name and show their registration or progress.
        ("judge", world["event_a"].url),
        ("judge", world["module_a"].url),
        ("judge", world["lesson_a"].url),
        ("judge", "/"),
        ("cso", "/resources/mine/"),
        ("cso", f"/resources/mine/{resource.pk}/"),
        ("cso", f"/resources/mine/{resource.pk}/edit/"),
        # A nominee's invitation (name, registration) is opened from the emailed link.
        (None, f"/colloquia-registrations/invitation/{world['invitation_token']}/"),
    ]


def test_every_personal_page_answers_no_store(client, world):
    answered = []
    for who, url in personal_urls(world):
        client.logout()
        if who:
            client.force_login(world.users[who])
        response = client.get(url)
        assert response.status_code == 200, (who, url, response.status_code)
        answered.append((url, "no-store" in response.get("Cache-Control", "")))
    assert [url for url, no_store in answered if not no_store] == []


def test_public_pages_stay_cacheable_for_anonymous_visitors(client, world):
    # The anonymous page cache (core.cache) stores only responses without no-store.
    for url in ("/", world["event_a"].url, world["module_a"].url):
        response = client.get(url)
        assert response.status_code == 200
        assert "no-store" not in response.get("Cache-Control", ""), url


def test_signing_in_flashes_the_name_without_a_messages_cookie(client, world):
    from tests.factories import PASSWORD

    judge = world.users["judge"]
    response = client.post("/accounts/login/", {"login": judge.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "messages" not in response.cookies
    # The message (with the name) is still shown, from the session.
    page = client.get(response["Location"])
    assert f"Successfully signed in as {judge.full_name}" in page.content.decode()
    assert "messages" not in page.cookies


def test_a_role_decision_names_the_user_without_a_messages_cookie(client, world):
    registrar, pending = world.users["registrar"], world.users["unverified"]
    client.force_login(registrar)
    response = client.post(f"/admin/roles/{pending.pk}/decide/", {"decision": "verify", "note": ""})
    assert response.status_code == 302
    assert "messages" not in response.cookies
    assert pending.full_name in client.get(response["Location"]).content.decode()
