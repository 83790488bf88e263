"""Rate limits behind a reverse proxy, and a rate-limit cache shared between workers."""

import json
import os
import subprocess
import sys

import pytest

from tests import factories

from .test_configuration import ROOT, env_example

PROXY = "10.0.0.2"  # the reverse proxy: every request reaches Django from here
CLIENT = "203.0.113.9"  # the attacker's real address, appended by the proxy


def failed_login(client, n, forged, real=CLIENT):
    return client.post(
        "/accounts/login/",
        {"login": f"nobody{n}@example.test", "password": "wrong-password-1"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"{forged}, {real}",
    )


TOO_MANY = "Too many failed login attempts"


def limited(response):
    return response.status_code == 429 or TOO_MANY in response.content.decode()


@pytest.mark.django_db
def test_forged_x_forwarded_for_does_not_reset_the_login_rate_limit(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login_failed": "5/m/ip"}
    factories.make_home()
    outcomes = [limited(failed_login(client, n, forged=f"198.51.100.{n}")) for n in range(8)]
    assert outcomes == [False] * 5 + [True] * 3, f"a new forged address each time must not reset the limit: {outcomes}"
    # The limit is per real client address: another client behind the same proxy is not blocked,
    # which shows the address really comes from X-Forwarded-For (the proxy's own entry).
    assert not limited(failed_login(client, 99, forged="198.51.100.99", real="203.0.113.50"))


def settings_in_subprocess(code, **extra_env):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "CACHE_URL")}
    env.update(env_example(), DJANGO_SETTINGS_MODULE="colloquium_site.settings.production", **extra_env)
    script = "import django, json; django.setup(); from django.conf import settings; " + code
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_cache_url_makes_the_rate_limit_cache_redis_shared_by_workers():
    code = (
        "from django.core.cache import caches; "
        "print(json.dumps({'caches': settings.CACHES, 'sessions': settings.SESSION_ENGINE, "
        "'cls': type(caches['default']).__module__, 'page_alias': settings.PAGE_CACHE_ALIAS}))"
    )
    found = settings_in_subprocess(code, CACHE_URL="redis://cache.internal:6379/1")
    configured = found["caches"]
    default, redis = configured["default"], configured["redis"]
    # The default cache is Redis, and PostgreSQL's cache table (shared too) while Redis is down
    # (core.failover_cache): rate limits and used codes never become per worker.
    assert found["cls"] == "core.failover_cache"
    assert default["OPTIONS"]["PRIMARY"] == "redis" and default["OPTIONS"]["FALLBACK"] == "database"
    assert redis["BACKEND"] == "django_redis.cache.RedisCache"
    assert redis["LOCATION"] == "redis://cache.internal:6379/1"
    assert configured["database"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    # Redis's errors reach the fail-over cache, within a second when Redis hangs.
    assert "IGNORE_EXCEPTIONS" not in redis["OPTIONS"]
    assert redis["OPTIONS"]["SOCKET_TIMEOUT"] == redis["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] == 1
    # The verification limit refuses while Redis is down; sessions live in the database.
    assert default["OPTIONS"]["FAIL_CLOSED_PREFIXES"] == ["ratelimit:"]
    assert found["sessions"] == "django.contrib.sessions.backends.cached_db"
    # The page cache never moves to the database: core.cache must see a lost invalidation.
    assert found["page_alias"] == "pages"
    assert configured["pages"]["OPTIONS"]["PRIMARY"] == "redis"
    assert configured["pages"]["OPTIONS"]["FAIL_CLOSED_PREFIXES"] == [""]


def test_without_cache_url_the_cache_is_per_process_and_the_docs_say_so():
    found = settings_in_subprocess(
        "print(json.dumps({'backend': settings.CACHES['default']['BACKEND']}))", CACHE_URL=""
    )
    assert found["backend"].endswith("LocMemCache")
    assert "CACHE_URL" in (ROOT / ".env.example").read_text()


def test_trusted_proxy_count_is_read_from_the_environment():
    found = settings_in_subprocess(
        "print(json.dumps({'count': settings.ALLAUTH_TRUSTED_PROXY_COUNT}))", TRUSTED_PROXY_COUNT="2"
    )
    assert found["count"] == 2
