"""core.failover_cache: Redis first, PostgreSQL's cache table while Redis is down, and a clean return.

Redis is played by FlakyRedis, an in-memory cache that raises redis-py's ConnectionError while it
is down; the fallback is Django's real DatabaseCache. Two aliases with their own primary alias
but the same store ("default" on "redis", "other_process" on "redis_b") are two processes: each
knows only what it saw itself, and they share Redis and the database.
"""

import pytest
from allauth.core import ratelimit as allauth_ratelimit
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from redis.exceptions import ConnectionError as RedisConnectionError

from certificates import ratelimit as verification_limit
from core.failover_cache import PrimaryUnavailable

RETRY = 2
GRACE = 300


class FlakyRedis(LocMemCache):
    """Redis for these tests: shared in memory by its aliases, refusing connections while `down`."""

    down = False
    calls = 0

    def _answer(self):
        FlakyRedis.calls += 1
        if FlakyRedis.down:
            raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6391. Connection refused.")

    def get(self, *args, **kwargs):
        self._answer()
        return super().get(*args, **kwargs)

    def set(self, *args, **kwargs):
        self._answer()
        return super().set(*args, **kwargs)

    def add(self, *args, **kwargs):
        self._answer()
        return super().add(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._answer()
        return super().delete(*args, **kwargs)

    def incr(self, *args, **kwargs):
        self._answer()
        return super().incr(*args, **kwargs)

    def touch(self, *args, **kwargs):
        self._answer()
        return super().touch(*args, **kwargs)

    def clear(self):
        self._answer()
        return super().clear()


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


def cache_settings(clock):
    def failover(primary):
        options = {"PRIMARY": primary, "FALLBACK": "database", "FAIL_CLOSED_PREFIXES": ["ratelimit:"]}
        options |= {"RETRY_SECONDS": RETRY, "GRACE_SECONDS": GRACE, "CLOCK": clock}
        return {"BACKEND": "core.failover_cache.FailoverCache", "OPTIONS": options}

    redis = {"BACKEND": f"{__name__}.FlakyRedis", "LOCATION": "failover-tests"}
    return {
        "default": failover("redis"),
        "other_process": failover("redis_b"),
        "pages": {**failover("redis"), "OPTIONS": {**failover("redis")["OPTIONS"], "FAIL_CLOSED_PREFIXES": [""]}},
        "redis": redis,
        "redis_b": redis,
        "database": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "failover_test_cache"},
    }


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def failover(db, clock):
    """The default cache as production has it, with the test Redis and a real cache table."""
    FlakyRedis.down, FlakyRedis.calls = False, 0
    with override_settings(CACHES=cache_settings(clock)):
        call_command("createcachetable", verbosity=0)
        caches["redis"].clear()
        yield caches["default"]
    FlakyRedis.down = False


def redis_holds(key):
    down, FlakyRedis.down = FlakyRedis.down, False
    try:
        return caches["redis"].get(key)
    finally:
        FlakyRedis.down = down


def redis_returns(clock):
    FlakyRedis.down = False
    clock.advance(RETRY)


def as_a_new_process(clock):
    """New cache settings reset what this process knows, as a process started afresh would."""
    return override_settings(CACHES=cache_settings(clock))


def test_with_redis_down_operations_go_to_the_database_shared_by_every_process(failover):
    FlakyRedis.down = True
    failover.set("menu", "from the outage")
    assert caches["other_process"].get("menu") == "from the outage"


def test_allauths_rate_limit_counts_in_the_database_while_redis_is_down(failover, clock, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/m/ip"}
    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR="203.0.113.7")
    FlakyRedis.down = True
    allowed = [allauth_ratelimit.consume(request, action="login_failed") for _ in range(3)]
    assert allowed == [True, True, True]
    with as_a_new_process(clock):
        assert allauth_ratelimit.consume(request, action="login_failed") is False


def test_a_one_time_code_used_during_the_outage_is_refused_after_redis_returns(failover, clock):
    used = "allauth.mfa.totp.used?user=7&code=123456"  # allauth marks a code used with add()
    FlakyRedis.down = True
    assert failover.add(used, "y", timeout=30)
    redis_returns(clock)
    assert failover.add(used, "y", timeout=30) is False
    # A process that saw nothing of the outage learns of it from Redis's marker, and refuses too.
    assert caches["other_process"].add(used, "y", timeout=30) is False


def test_clearing_the_page_cache_while_redis_is_down_keeps_the_outages_used_codes(failover):
    used = "allauth.mfa.totp.used?user=7&code=654321"
    FlakyRedis.down = True
    assert failover.add(used, "y", timeout=30)
    with pytest.raises(PrimaryUnavailable):  # core.cache clears the page cache when a publish cannot bump it
        caches["pages"].clear()
    assert failover.add(used, "y", timeout=30) is False


def test_redis_is_cleared_of_its_stale_contents_once_after_an_outage(failover, clock):
    session = "django.contrib.sessions.cached_db:signed-out-during-the-outage"
    failover.set(session, {"_auth_user_id": "7"})
    FlakyRedis.down = True
    failover.delete(session)  # signed out while Redis is down: its copy in Redis is stale
    caches["other_process"].get("anything")  # the other process sees the outage too
    redis_returns(clock)
    assert failover.get(session) is None
    failover.set("used-since", "kept")
    caches["other_process"].get("anything")  # its own recovery: the clear is not repeated
    assert redis_holds("used-since") == "kept"


def test_redis_is_not_tried_again_within_the_retry_interval(failover, clock):
    FlakyRedis.down = True
    failover.get("a")
    tried = FlakyRedis.calls
    for _ in range(5):
        failover.get("a")
    clock.advance(RETRY - 0.1)
    failover.set("a", 1)
    assert FlakyRedis.calls == tried
    clock.advance(0.1)
    failover.get("a")
    assert FlakyRedis.calls == tried + 1


def test_with_redis_up_the_cache_touches_no_database(failover, django_assert_num_queries):
    with django_assert_num_queries(0):
        failover.set("a", 1)
        assert failover.get("a") == 1
        assert failover.get("missing") is None
        assert failover.add("b", 2)
        failover.delete("b")


def test_the_certificate_verification_limit_still_fails_closed_while_redis_is_down(failover, clock):
    request = RequestFactory().get("/certificates/verify/AAAA/", REMOTE_ADDR="203.0.113.8")
    FlakyRedis.down = True
    with pytest.raises(PrimaryUnavailable):
        failover.add("ratelimit:verify:203.0.113.8:1", 0)
    assert verification_limit.hit(request) is True, "the verification page must refuse while Redis is down"
    redis_returns(clock)
    assert verification_limit.hit(request) is False
