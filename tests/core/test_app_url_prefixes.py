"""Each app's own URLs sit under a prefix that names the app and that no page can take; the old
prefixes answer with a permanent redirect to the same path under the new one."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from core.reserved_slugs import reserved_slug_error, reserved_top_level_slugs
from home.models import StandardPage
from tests import factories

# Top-level page paths the demo content creates (demo/content: home.yaml, the national calendar,
# the module catalogue, the library).
DEMO_TOP_LEVEL_SLUGS = {"about", "privacy", "contact", "colloquia", "modules", "resources"}
# The library page shares /resources/ with the resources app's screens on purpose (resources/urls.py).
SHARED_WITH_THEIR_APP = {"resources"}


def _first_segment(path):
    return path.strip("/").split("/", 1)[0]


def test_apps_own_urls_sit_under_prefixes_that_name_them():
    assert reverse("courses:attempt", kwargs={"attempt_id": 1}).startswith("/courses/")
    assert reverse("colloquia:reset_feed").startswith("/colloquia-registrations/")


def test_every_app_prefix_is_reserved_and_no_page_path_is():
    reserved = reserved_top_level_slugs()
    for prefix in ["courses", "colloquia-registrations", "certificates", "resources", "accounts", "admin", "search"]:
        assert prefix in reserved
    assert {"learning", "registrations"} <= reserved  # the old prefixes redirect: still taken
    assert _first_segment(reverse("courses:attempt", kwargs={"attempt_id": 1})) in reserved
    assert _first_segment(reverse("colloquia:reset_feed")) in reserved
    # The calendar and the catalogue are Wagtail pages: an app prefix there would hide them.
    assert not reserved & {"colloquia", "modules"}


@pytest.mark.django_db
def test_demo_top_level_pages_do_not_take_an_app_prefix(home):
    collisions = {slug for slug in DEMO_TOP_LEVEL_SLUGS if reserved_slug_error(home, slug)}
    assert collisions == SHARED_WITH_THEIR_APP


@pytest.mark.django_db
def test_a_page_under_the_home_page_cannot_take_an_app_prefix(home):
    assert reserved_slug_error(home, "courses")
    assert reserved_slug_error(home, "colloquia-registrations")
    assert reserved_slug_error(home, "about") is None
    about = home.add_child(instance=StandardPage(title="About", slug="about"))
    assert reserved_slug_error(about, "courses") is None  # /about/courses/ competes with nothing


@pytest.mark.django_db
def test_the_page_form_refuses_a_reserved_slug_at_the_top_level(home):
    editor = factories.make_user(is_superuser=True, email="editor@example.org")
    form_class = StandardPage.get_edit_handler().get_form_class()

    def form(slug, parent):
        data = nested_form_data({"title": "Courses", "slug": slug, "introduction": "", "body": streamfield([])})
        return form_class(data, instance=StandardPage(), parent_page=parent, for_user=editor)

    refused = form("courses", home)
    assert not refused.is_valid()
    assert "slug" in refused.errors
    assert form("our-courses", home).is_valid()


@pytest.mark.django_db
def test_a_page_keeps_a_reserved_slug_it_already_has(home):
    # The library page lives at /resources/, beside the resources app's own screens.
    assert reserved_slug_error(home, "resources")
    assert reserved_slug_error(home, "resources", current_slug="resources") is None
    assert reserved_slug_error(home, "courses", current_slug="resources")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/learning/attempts/12/", "/courses/attempts/12/"),
        ("/learning/modules/3/enrol/?next=/modules/x/", "/courses/modules/3/enrol/?next=/modules/x/"),
        ("/registrations/invitation/abc:def/", "/colloquia-registrations/invitation/abc:def/"),
        ("/registrations/calendar/tok3n.ics", "/colloquia-registrations/calendar/tok3n.ics"),
        ("/registrations/check-in/0f0e/123456/?src=qr", "/colloquia-registrations/check-in/0f0e/123456/?src=qr"),
    ],
)
def test_old_app_urls_redirect_permanently_with_path_and_query(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
