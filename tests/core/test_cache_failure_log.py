"""A cache that cannot be reached is logged with its traceback once a minute per kind of failure,
saying how many were left out: while Redis is down every request fails the same way."""

import logging

import pytest
from django.core.cache.backends.base import BaseCache

from core import cache as content_cache


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture(autouse=True)
def _fresh_log_state():
    content_cache._last_logged.clear()
    yield
    content_cache._last_logged.clear()


def fail(message, clock, *args):
    try:
        raise ConnectionError("Redis is down")
    except ConnectionError:
        content_cache.log_unavailable(message, *args, clock=clock)


def test_the_same_failure_is_logged_once_a_minute_with_the_count_left_out(caplog):
    clock = Clock()
    with caplog.at_level(logging.ERROR, logger="colloquium.cache"):
        for path in ("/a/", "/b/", "/c/"):
            fail("page cache: cannot read %s", clock, path)
        assert [record.getMessage() for record in caplog.records] == ["page cache: cannot read /a/"]
        assert caplog.records[0].exc_info[0] is ConnectionError

        clock.now += content_cache.QUIET_SECONDS
        fail("page cache: cannot read %s", clock, "/d/")
    assert caplog.records[-1].getMessage() == "page cache: cannot read /d/ (and 2 more like it in the last minute)"
    assert len(caplog.records) == 2


def test_different_failures_are_each_logged(caplog):
    clock = Clock()
    with caplog.at_level(logging.ERROR, logger="colloquium.cache"):
        fail("page cache: cannot read the content generation", clock)
        fail("learner page: cannot read the kept page", clock)
    assert len(caplog.records) == 2


def test_a_generation_that_cannot_be_read_is_logged_once_and_the_page_served_uncached(settings, caplog):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "broken": {"BACKEND": "tests.core.test_cache_failure_log.UnreachableCache"},
    }
    settings.PAGE_CACHE_ALIAS = "broken"
    with caplog.at_level(logging.ERROR, logger="colloquium.cache"):
        assert [content_cache.current_generation() for _ in range(5)] == [None] * 5
    assert len(caplog.records) == 1


class UnreachableCache(BaseCache):
    """A cache whose every read fails, as django-redis's does with Redis stopped."""

    def __init__(self, location, params):
        super().__init__(params)

    def get(self, key, default=None, version=None):
        raise ConnectionError("Redis is down")

    def add(self, key, value, timeout=None, version=None):
        raise ConnectionError("Redis is down")
