"""A small fixed-window rate limit on the shared cache (per client IP), for public verification."""

import logging
import time

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger("colloquium.certificates")

DEFAULT_LIMIT = 30  # lookups per minute per IP


def client_ip(request):
    # allauth's adapter honours ALLAUTH_TRUSTED_PROXY_COUNT, so a forged X-Forwarded-For cannot reset the count.
    return get_adapter(request).get_client_ip(request)


def hit(request, scope="verify", per_minute=None):
    """Count one request; return True when the client is over its limit for this minute.

    When the shared cache cannot count (Redis unreachable) every request is over the limit: the
    lookup fails closed rather than opening the register to enumeration while Redis is down.
    """
    limit = per_minute or getattr(settings, "CERTIFICATE_VERIFY_RATE_PER_MINUTE", DEFAULT_LIMIT)
    key = f"ratelimit:{scope}:{client_ip(request)}:{int(time.time() // 60)}"
    try:
        cache.add(key, 0, timeout=90)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=90)
            count = 1
    except Exception:  # a cache that raises its connection errors (no IGNORE_EXCEPTIONS)
        logger.warning("rate limit %s: the cache cannot count; refusing", scope, exc_info=True)
        return True
    if count is None:  # django-redis with IGNORE_EXCEPTIONS: Redis did not answer
        logger.warning("rate limit %s: the cache did not answer; refusing", scope)
        return True
    return count > limit
