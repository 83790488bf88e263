"""A cache that keeps working while Redis is down: Redis first, PostgreSQL's cache table meanwhile.

With CACHE_URL, the default cache (colloquium_site/settings/base.py) is

    "default": {"BACKEND": "core.failover_cache.FailoverCache",
                "OPTIONS": {"PRIMARY": "redis", "FALLBACK": "database", "FAIL_CLOSED_PREFIXES": ["ratelimit:"]}}

where "redis" is django-redis raising its errors and "database" Django's DatabaseCache, a table in
PostgreSQL shared by every app server (`manage.py createcachetable`). allauth's rate limits and its
record of used one-time codes, and the cached copies of sessions, stay shared and enforced during an
outage; none of it becomes per process. Only Django's public cache API is used.

Per process and per primary alias (threads share it), the primary is:

- up: every operation goes to Redis only; the database is not touched.
- down: a connection or timeout error marks it down for RETRY_SECONDS (2) and is logged once per
  outage; operations go to the fallback without trying Redis, so a request does not pay Redis's
  1 s timeout each time. The fallback's keys carry the outage's id in their cache *version*: the
  first process to see the outage writes the id to the fallback (`add`, one row), the others read
  it, so every process shares one namespace and nothing left from an earlier outage is read.
- back: after RETRY_SECONDS the next operation probes Redis. Redis returns with what it held before
  (its append-only file): a session signed out meanwhile, a page-cache generation that a publish
  could not bump. So Redis is cleared (FLUSHDB), once per outage: the process whose `add` of the
  outage's claim in the fallback succeeds (a unique row in PostgreSQL, so exactly one) clears it
  and leaves a marker in Redis for GRACE_SECONDS; the others find the claim taken and clear
  nothing. A second clear would throw away what was written since the first (a code used, a
  failed sign-in counted) and a clear on each process's recovery would empty the page cache once
  per worker. If the clear fails, the claim is given back and the outage goes on.
- grace (GRACE_SECONDS, 300, allauth's longest rate window, after the process saw Redis back):
  what was written during the outage must still count. A read that misses Redis reads the
  fallback; `add` refuses a key the fallback holds (a one-time code used during the outage stays
  used); set, add, delete and touch write both, so a process still in its retry interval, reading
  the fallback, sees them too. `incr` here is read-then-write, as in Django's base cache.

The cases, briefly:
- a sign-in during the outage: rate limit, lock, session and used code go to the fallback, shared.
- a code used, a failure counted during the outage, checked after it: grace reads the fallback.
- a session signed out during the outage: deleted from PostgreSQL and the fallback; its old copy
  in Redis is cleared, so it stays signed out. A page published during it: the old generation is
  cleared with the rest, so the page cache starts a new one (core.cache) and serves nothing stale.
- a process that saw no error (idle during the outage) learns of the recovery from the marker on
  the operations whose answer the fallback can change (a read that misses, add, delete, incr),
  and takes the grace period too. Until some process that saw the outage probes Redis again (at
  most RETRY_SECONDS after its next request), Redis's old contents are visible to it.
- Redis flapping: an error in the grace period marks it down again; the outage id was removed
  at the clear, so a new outage begins, with a clear of its own when Redis is back.
- Redis hanging rather than refusing: each probe costs the socket timeout, once per RETRY_SECONDS.
- keys starting with one of FAIL_CLOSED_PREFIXES never use the fallback: while Redis is down
  they raise PrimaryUnavailable at once. The certificate verification limit ("ratelimit:")
  refuses then, by design; the page cache's alias lists "" (every key), since core.cache catches
  errors itself and a page cache in PostgreSQL would cost more than rendering the page.
- the fallback failing too (PostgreSQL down as well): its errors are raised.
"""

import logging
import threading
import time
import uuid
from dataclasses import dataclass, field

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("colloquium.cache")

# What an unreachable Redis raises: redis-py's errors (django-redis re-raises them when it does not
# ignore them) and the wrapper django-redis uses inside.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, ConnectionInterrupted)

OUTAGE_KEY = "failover:outage"  # in the fallback: the id of the outage in progress
CLAIM_KEY = "failover:cleared:"  # in the fallback, + outage id: who clears Redis after it
MARKER_KEY = "failover:recovered"  # in the primary, for the grace period: the outage just over
CLAIM_SECONDS = 24 * 3600

UP, DOWN, GRACE = "up", "down", "grace"
_MISSING = object()


class PrimaryUnavailable(Exception):
    """Redis is down and the key may not be served from the fallback (FAIL_CLOSED_PREFIXES)."""


@dataclass
class Health:
    """What one process knows of one primary, shared by its threads."""

    state: str = UP
    outage: str | None = None  # the outage's id (the fallback's namespace) while down or in grace
    retry_at: float = 0.0
    grace_until: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


_health = {}
_health_lock = threading.Lock()


@receiver(setting_changed)
def _forget_health(setting, **kwargs):
    # New cache settings (tests) are new caches: nothing known of the old ones applies.
    if setting == "CACHES":
        _health.clear()


def health_of(alias):
    with _health_lock:
        return _health.setdefault(alias, Health())


class FailoverCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self.primary_alias = options["PRIMARY"]
        self.fallback_alias = options["FALLBACK"]
        self.fail_closed_prefixes = tuple(options.get("FAIL_CLOSED_PREFIXES", ()))
        self.retry_seconds = float(options.get("RETRY_SECONDS", 2))
        self.grace_seconds = float(options.get("GRACE_SECONDS", 300))
        self.clock = options.get("CLOCK", time.monotonic)

    # caches[alias] is per thread, as this instance is: looked up at each use, it is this thread's.
    @property
    def primary(self):
        return caches[self.primary_alias]

    @property
    def fallback(self):
        return caches[self.fallback_alias]

    @property
    def health(self):
        return health_of(self.primary_alias)

    # --- the state ------------------------------------------------------------------------------

    def _mode(self):
        """UP, DOWN or GRACE for the next operation; probes Redis when its retry interval is over."""
        health = self.health
        if health.state == UP:
            return UP
        with health.lock:
            now = self.clock()
            if health.state == DOWN and now >= health.retry_at:
                try:
                    marker = self.primary.get(MARKER_KEY)
                    self._recovered(health, marker, now)
                except UNREACHABLE:
                    health.retry_at = now + self.retry_seconds
            if health.state == GRACE and now >= health.grace_until:
                health.state, health.outage = UP, None
            return health.state

    def _recovered(self, health, marker, now):
        """Redis answers again: clear what it held from before the outage, once, then the grace period."""
        outage = health.outage
        claim = CLAIM_KEY + outage
        if marker != outage and self.fallback.add(claim, 1, CLAIM_SECONDS):
            try:
                self.primary.clear()
                self.primary.set(MARKER_KEY, outage, self.grace_seconds)
            except UNREACHABLE:
                self.fallback.delete(claim)  # not cleared: whoever sees Redis back next must do it
                raise
            if self.fallback.get(OUTAGE_KEY) == outage:
                self.fallback.delete(OUTAGE_KEY)  # the next outage is a new one, with a new namespace
            logger.warning("cache: Redis (%s) is back; cleared what it held from before the outage", self.primary_alias)
        else:
            logger.warning("cache: Redis (%s) is back; another process cleared it", self.primary_alias)
        health.state, health.grace_until = GRACE, now + self.grace_seconds

    def _failed(self, error):
        health = self.health
        with health.lock:
            if health.state != DOWN:
                # Every process of this outage uses the id the first one wrote.
                self.fallback.add(OUTAGE_KEY, uuid.uuid4().hex, None)
                health.outage = self.fallback.get(OUTAGE_KEY)
                health.state = DOWN
                logger.error(
                    "cache: Redis (%s) is unreachable (%s); serving from %s, trying again every %s s",
                    self.primary_alias,
                    error,
                    self.fallback_alias,
                    self.retry_seconds,
                )
            health.retry_at = self.clock() + self.retry_seconds

    def _learned_of_recovery(self):
        """In the up state: whether another process has just cleared Redis after an outage (the
        marker), in which case this one takes the grace period too."""
        outage = self.primary.get(MARKER_KEY)
        if outage is None:
            return False
        health = self.health
        with health.lock:
            if health.state == UP:
                health.state, health.outage = GRACE, outage
                health.grace_until = self.clock() + self.grace_seconds
        return health.state == GRACE

    def _fallback_version(self, version):
        return f"{self.health.outage}-{self.version if version is None else version}"

    def _fails_closed(self, key):
        return key.startswith(self.fail_closed_prefixes) if self.fail_closed_prefixes else False

    def _route(self, key, version, on_primary, on_fallback, in_grace):
        """Run an operation where the state says: `on_primary()` when up (it may return _MISSING
        to ask for the grace path after a marker check), `on_fallback(fallback_version)` when down,
        `in_grace(fallback_version)` in the grace period."""
        fails_closed = self._fails_closed(key)
        try:
            mode = self._mode()
            if mode == DOWN:
                if fails_closed:
                    raise PrimaryUnavailable(f"Redis ({self.primary_alias}) is down")
                return on_fallback(self._fallback_version(version))
            if mode == GRACE and not fails_closed:
                return in_grace(self._fallback_version(version))
            result = on_primary(check_marker=not fails_closed)
            if result is _MISSING:
                return in_grace(self._fallback_version(version))
            return result
        except UNREACHABLE as error:
            self._failed(error)
            if fails_closed:
                raise PrimaryUnavailable(f"Redis ({self.primary_alias}) is down") from error
            return on_fallback(self._fallback_version(version))

    # --- the cache API --------------------------------------------------------------------------

    def get(self, key, default=None, version=None):
        def on_primary(check_marker):
            value = self.primary.get(key, _MISSING, version)
            if value is _MISSING:
                return _MISSING if check_marker and self._learned_of_recovery() else default
            return value

        def in_grace(fallback_version):
            value = self.primary.get(key, _MISSING, version)
            return self.fallback.get(key, default, fallback_version) if value is _MISSING else value

        return self._route(key, version, on_primary, lambda fv: self.fallback.get(key, default, fv), in_grace)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        def in_grace(fallback_version):
            self.primary.set(key, value, timeout, version)
            self.fallback.set(key, value, timeout, fallback_version)

        return self._route(
            key,
            version,
            lambda check_marker: self.primary.set(key, value, timeout, version),
            lambda fv: self.fallback.set(key, value, timeout, fv),
            in_grace,
        )

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        def on_primary(check_marker):
            if check_marker and self._learned_of_recovery():
                return _MISSING
            return self.primary.add(key, value, timeout, version)

        def in_grace(fallback_version):
            # Refused if it was written during the outage; kept in both, so the fallback's readers see it.
            if not self.fallback.add(key, value, timeout, fallback_version):
                return False
            if self.primary.add(key, value, timeout, version):
                return True
            self.fallback.delete(key, fallback_version)  # taken in Redis: undo this one
            return False

        return self._route(key, version, on_primary, lambda fv: self.fallback.add(key, value, timeout, fv), in_grace)

    def delete(self, key, version=None):
        def on_primary(check_marker):
            if check_marker and self._learned_of_recovery():
                return _MISSING
            return self.primary.delete(key, version)

        def in_grace(fallback_version):
            deleted = self.primary.delete(key, version)
            return self.fallback.delete(key, fallback_version) or deleted

        return self._route(key, version, on_primary, lambda fv: self.fallback.delete(key, fv), in_grace)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        def in_grace(fallback_version):
            touched = self.primary.touch(key, timeout, version)
            return self.fallback.touch(key, timeout, fallback_version) or touched

        return self._route(
            key,
            version,
            lambda check_marker: self.primary.touch(key, timeout, version),
            lambda fv: self.fallback.touch(key, timeout, fv),
            in_grace,
        )

    def incr(self, key, delta=1, version=None):
        def on_primary(check_marker):
            try:
                return self.primary.incr(key, delta, version)
            except ValueError:
                if check_marker and self._learned_of_recovery():
                    return _MISSING
                raise

        return self._route(
            key,
            version,
            on_primary,
            lambda fv: self.fallback.incr(key, delta, fv),
            # Through this cache's own get and set, which take the grace path.
            lambda fv: super(FailoverCache, self).incr(key, delta, version),
        )

    def has_key(self, key, version=None):
        return self.get(key, _MISSING, version) is not _MISSING

    def get_many(self, keys, version=None):
        if self.health.state == UP and not any(map(self._fails_closed, keys)):
            # One round trip when up; on a miss, a recovery another process has just made is looked for.
            try:
                found = self.primary.get_many(keys, version)
            except UNREACHABLE as error:
                self._failed(error)
            else:
                missed = [key for key in keys if key not in found]
                if missed and self._learned_of_recovery():
                    found |= super().get_many(missed, version)
                return found
        return super().get_many(keys, version)

    def clear(self):
        """Clear Redis; PrimaryUnavailable while it is down. The table is never cleared: both aliases
        share it and it holds the outage's rate limits and used codes (a failed publish makes
        core.cache clear the page cache); its rows are in their outage's namespace and expire."""
        if self._mode() == DOWN:
            raise PrimaryUnavailable(f"Redis ({self.primary_alias}) is down")
        try:
            self.primary.clear()
        except UNREACHABLE as error:
            self._failed(error)
            raise PrimaryUnavailable(f"Redis ({self.primary_alias}) is down") from error

    def close(self, **kwargs):
        # The primary and the fallback are aliases of their own: Django closes them itself.
        pass
