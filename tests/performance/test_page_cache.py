"""The anonymous page cache: what it stores, what it refuses, and what makes it stale."""

import pytest
from django.core.cache import cache

from core import cache as page_cache
from home.models import StandardPage
from tests.performance import pagecache_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    from wagtail.models import Site

    from home.models import SiteSettings

    # Created on first use otherwise, which (as a settings change) would start a new generation.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    page = StandardPage(title="About", slug="about", introduction="First words")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, response.headers.get("X-Page-Cache")


def test_anonymous_page_is_served_from_cache_without_queries(client, page_cache_on, about, django_assert_num_queries):
    first, state = get(client, "/about/")
    assert first.status_code == 200 and state == "miss"
    with django_assert_num_queries(0):
        second, state = get(client, "/about/")
    assert state == "hit"
    assert second.content == first.content
    # The query string is part of the key.
    assert get(client, "/about/?x=1")[1] == "miss"


def test_signed_in_visitors_are_never_served_or_stored(client, page_cache_on, about, judge):
    get(client, "/about/")
    client.force_login(judge)
    response, state = get(client, "/about/")
    assert state is None
    assert judge.full_name.encode() in response.content
    # What the judge saw was not stored for anonymous visitors either.
    client.logout()
    response, state = get(client, "/about/")
    assert state == "hit" and judge.full_name.encode() not in response.content


def test_publishing_unpublishing_and_deleting_invalidate(client, page_cache_on, about):
    assert b"First words" in get(client, "/about/")[0].content
    about.introduction = "Second words"
    about.save_revision()  # a draft changes nothing public
    response, state = get(client, "/about/")
    assert state == "hit" and b"First words" in response.content

    about.get_latest_revision().publish()
    response, state = get(client, "/about/")
    assert state == "miss" and b"Second words" in response.content

    get(client, "/")
    about.unpublish()
    assert get(client, "/about/")[0].status_code == 404
    assert get(client, "/")[1] == "miss"

    about.save_revision().publish()
    get(client, "/about/")
    StandardPage.objects.get(pk=about.pk).delete()
    assert get(client, "/about/")[0].status_code == 404


def test_watched_models_and_site_settings_invalidate(client, page_cache_on, academy, about):
    from wagtail.models import Site

    from home.models import SiteSettings

    get(client, "/academies/")
    assert get(client, "/academies/")[1] == "hit"
    academy.name = "Renamed State Judicial Academy"
    academy.save()
    response, state = get(client, "/academies/")
    assert state == "miss" and b"Renamed State Judicial Academy" in response.content

    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.contact_email = "new-desk@example.test"
    site_settings.save()
    response, state = get(client, "/about/")
    assert state == "miss" and b"new-desk@example.test" in response.content


def test_bump_generation_is_strictly_increasing(page_cache_on):
    before = page_cache.current_generation()
    page_cache.bump_generation("test")
    middle = page_cache.current_generation()
    page_cache.bump_generation("test")
    assert before < middle < page_cache.current_generation()


def test_marker_path_is_worked_out_once_and_follows_the_setting(page_cache_on, settings, tmp_path):
    first = page_cache.marker_path()
    assert page_cache.marker_path() is first  # kept for the process: read on every page
    settings.PAGE_CACHE_MARKER = str(tmp_path / "elsewhere")
    assert page_cache.marker_path() == tmp_path / "elsewhere"


def test_shared_cache_keeps_the_generation_in_the_cache(page_cache_on, tmp_path, client, about):
    from django.core.cache import caches

    # Any cache that is not process-local (Redis in production; a file cache here).
    page_cache_on.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path / "c")}
    }
    assert not page_cache.is_process_local()
    generation = page_cache.current_generation()
    assert caches["default"].get(page_cache.GENERATION_KEY) == generation
    get(client, "/about/")
    assert get(client, "/about/")[1] == "hit"
    about.save_revision().publish()
    assert page_cache.current_generation() > generation
    assert get(client, "/about/")[1] == "miss"


@pytest.fixture
def probe_urls(settings, page_cache_on):
    settings.ROOT_URLCONF = "tests.performance.pagecache_urls"
    pagecache_urls.COUNTER["calls"] = 0


@pytest.mark.parametrize("url", ["/t/cookie/", "/t/csrf/", "/t/message/", "/t/missing/", "/t/never/", "/t/vary-star/"])
def test_responses_that_must_not_be_stored(client, probe_urls, url):
    first = client.get(url).content
    second = client.get(url).content
    assert first != second, f"{url} was served from the cache"
    assert pagecache_urls.COUNTER["calls"] == 2


def test_plain_view_is_stored_and_vary_is_honoured(client, probe_urls):
    assert client.get("/t/plain/").content == client.get("/t/plain/").content
    assert pagecache_urls.COUNTER["calls"] == 1

    html = client.get("/t/vary-accept/", headers={"Accept": "text/html"}).content
    plain_text = client.get("/t/vary-accept/", headers={"Accept": "text/plain"}).content
    assert html != plain_text
    assert client.get("/t/vary-accept/", headers={"Accept": "text/html"}).content == html
    assert pagecache_urls.COUNTER["calls"] == 3


def test_requests_with_a_session_or_message_cookie_skip_the_cache(client, probe_urls, settings):
    client.get("/t/plain/")
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    client.get("/t/plain/")
    del client.cookies[settings.SESSION_COOKIE_NAME]
    client.cookies["messages"] = "pending"
    client.get("/t/plain/")
    assert pagecache_urls.COUNTER["calls"] == 3


def test_cache_is_off_when_seconds_is_zero(client, probe_urls, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/t/plain/")
    client.get("/t/plain/")
    assert pagecache_urls.COUNTER["calls"] == 2
    assert cache.get(page_cache.GENERATION_KEY) is None


def test_main_menu_is_cached_for_signed_in_pages_and_follows_publishing(client, page_cache_on, about, judge):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def menu_queries():
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/about/")
        return [
            q["sql"] for q in captured.captured_queries if '"wagtailcore_page"."show_in_menus")' in q["sql"]
        ], response

    client.force_login(judge)
    client.get("/about/")
    queries, response = menu_queries()
    assert b'href="/about/"' not in response.content  # not in menus yet
    assert queries == []
    page_cache_on.PAGE_CACHE_SECONDS = 0  # whole pages uncached; the menu still comes from the cache
    assert menu_queries()[0] == []
    page_cache_on.PAGE_CACHE_SECONDS = 300

    about.show_in_menus = True
    about.save_revision().publish()
    assert b'href="/about/"' in client.get("/about/").content


def test_revoking_a_certificate_shows_on_its_cached_verify_page(client, page_cache_on, world, judge, superuser):
    from django.urls import reverse

    from certificates.services import revoke
    from tests.performance import builders

    (module,) = builders.grow_modules(builders.catalogue(world["home"]), 1, lessons=1)
    cert = builders.certificate(judge, module, world["academy"])
    url = reverse("certificates:verify_code", args=[cert.verification_code])
    client.get(url)
    response, state = get(client, url)
    assert state == "hit" and b"Revoked" not in response.content
    revoke(cert, reason="Issued in error", by=superuser)
    response, state = get(client, url)
    assert state == "miss" and b"Issued in error" in response.content
