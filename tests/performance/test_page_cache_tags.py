"""Narrow invalidation: a page that declared tags (core.cache.depends_on) goes stale when one of
them is bumped, and only then; every other cached page stays cached."""

import pytest
from django.http import HttpResponse
from django.urls import path

from core import cache as page_cache

pytestmark = pytest.mark.django_db

SHOWN = {"value": "first"}


def tagged_view(request):
    page_cache.depends_on("thing:1")
    return HttpResponse(f"thing says {SHOWN['value']}")


def untagged_view(request):
    return HttpResponse(f"plain page {SHOWN['value']}")


urlpatterns = [path("tagged/", tagged_view), path("untagged/", untagged_view)]


@pytest.fixture
def tag_urls(settings, page_cache_on):
    settings.ROOT_URLCONF = __name__
    SHOWN["value"] = "first"
    return settings


def state(client, url):
    response = client.get(url)
    return response.content.decode(), response.headers.get("X-Page-Cache")


def test_a_bumped_tag_makes_only_the_pages_that_declared_it_stale(client, tag_urls):
    assert state(client, "/tagged/") == ("thing says first", "miss")
    assert state(client, "/untagged/") == ("plain page first", "miss")
    SHOWN["value"] = "second"
    assert state(client, "/tagged/") == ("thing says first", "hit")

    page_cache.bump_tags("thing:1")
    assert state(client, "/tagged/") == ("thing says second", "miss")
    assert state(client, "/untagged/") == ("plain page first", "hit")
    page_cache.bump_tags("thing:2")  # another tag: nothing that showed thing:1 changes
    assert state(client, "/tagged/") == ("thing says second", "hit")


def test_the_generation_is_taken_when_declared_so_a_change_during_the_render_is_not_kept(client, tag_urls):
    with page_cache.recording_dependencies() as declared:
        page_cache.depends_on("thing:1", "thing:1")
        page_cache.bump_tags("thing:1")  # lands after the data was read
    assert list(declared) == ["thing:1"]
    assert not page_cache.still_fresh(declared)


def test_depends_on_outside_a_cached_request_does_nothing():
    page_cache.depends_on("thing:1")  # no recording: a task, a signed-in view


def test_tags_in_a_shared_cache(client, tag_urls, tmp_path):
    from django.core.cache import caches

    tag_urls.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path / "c")}
    }
    assert not page_cache.is_process_local()
    before = page_cache.tag_generations(["thing:1"])["thing:1"]
    assert caches["default"].get(f"{page_cache.TAG_KEY}thing:1") == before
    state(client, "/tagged/")
    assert state(client, "/tagged/")[1] == "hit"
    page_cache.bump_tags("thing:1")
    assert page_cache.tag_generations(["thing:1"])["thing:1"] > before
    assert state(client, "/tagged/")[1] == "miss"
    # A tag evicted from the cache comes back at the clock, never at a value a stored page holds.
    caches["default"].delete(f"{page_cache.TAG_KEY}thing:1")
    assert state(client, "/tagged/")[1] == "miss"


def test_a_tag_that_cannot_be_bumped_makes_every_page_stale(client, tag_urls, monkeypatch):
    state(client, "/untagged/")
    monkeypatch.setattr(page_cache, "touch_later", _raise_once(page_cache.touch_later))
    page_cache.bump_tags("thing:1")
    assert state(client, "/untagged/")[1] == "miss"


def _raise_once(real):
    calls = {"n": 0}

    def bump(path):
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError("disk full")
        return real(path)

    return bump
