"""The verification page's rate limit fails closed when the shared cache cannot count.

The cache here is a real django-redis cache pointed at a port nothing listens on (port 1 on
the loopback: the connection is refused at once), configured as production configures it.
"""

import pytest
from django.core.cache import caches
from django.test import RequestFactory, override_settings

from certificates import ratelimit

UNREACHABLE = "redis://127.0.0.1:1/0"


def redis_cache(**options):
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": UNREACHABLE,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1, **options},
        }
    }


@pytest.fixture
def request_from():
    return lambda address: RequestFactory().get("/certificates/verify/x/", REMOTE_ADDR=address)


@pytest.mark.parametrize("ignore_exceptions", [True, False], ids=["errors-ignored", "errors-raised"])
def test_an_unreachable_cache_refuses_every_lookup(request_from, ignore_exceptions):
    with override_settings(CACHES=redis_cache(IGNORE_EXCEPTIONS=ignore_exceptions)):
        caches["default"].close()
        assert ratelimit.hit(request_from("203.0.113.7")) is True
        assert ratelimit.hit(request_from("203.0.113.8"), per_minute=1000) is True


@pytest.mark.django_db
def test_the_verification_page_answers_429_while_the_cache_is_down(client):
    with override_settings(CACHES=redis_cache(IGNORE_EXCEPTIONS=True)):
        response = client.get("/certificates/verify/AAAAAAAAAAAAAAAAAAAAAA/")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"


def test_a_working_cache_still_counts_to_the_limit(request_from):
    # The control: the same function with a cache that answers lets the limit's worth through.
    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}):
        caches["default"].clear()
        outcomes = [ratelimit.hit(request_from("203.0.113.9"), per_minute=3) for _ in range(4)]
    assert outcomes == [False, False, False, True]
