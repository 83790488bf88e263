"""A cache that goes away between reading the content generation and reading or storing a page
costs that page its caching, never the page itself (Redis stopped under load, docs/reliability.md)."""

import pytest
from django.core.cache.backends.filebased import FileBasedCache

from tests.performance import pagecache_urls

pytestmark = pytest.mark.django_db


class CacheGoneForPages(FileBasedCache):
    """A shared cache that still answers for the generation but fails for the pages themselves."""

    def get(self, key, default=None, version=None):
        if "pagecache." in key and "generation" not in key:
            raise ConnectionError("Error 111 connecting to 127.0.0.1:6391. Connection refused.")
        return super().get(key, default, version)

    def set(self, key, value, timeout=None, version=None):
        if "pagecache." in key and "generation" not in key:
            raise ConnectionError("Error 111 connecting to 127.0.0.1:6391. Connection refused.")
        return super().set(key, value, timeout, version)


@pytest.fixture
def pages_cache_going(settings, page_cache_on, tmp_path):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": f"{__name__}.CacheGoneForPages", "LOCATION": str(tmp_path / "pages")},
    }
    settings.PAGE_CACHE_ALIAS = "pages"
    settings.ROOT_URLCONF = "tests.performance.pagecache_urls"
    pagecache_urls.COUNTER["calls"] = 0


def test_a_page_is_served_uncached_when_the_cache_fails_after_the_generation(client, pages_cache_going):
    from core import cache as page_cache

    assert page_cache.current_generation() is not None  # the generation still reads
    first, second = client.get("/t/plain/"), client.get("/t/plain/")
    assert first.status_code == second.status_code == 200
    assert first.content != second.content  # each built afresh: nothing was stored or read
    assert pagecache_urls.COUNTER["calls"] == 2
