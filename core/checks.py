"""The project's own deployment checks, run by `manage.py check --deploy` (a release step, docs/deployment.md)."""

from django.conf import settings
from django.core.checks import Tags, register
from django.core.checks import Warning as CheckWarning

# Caches that live in one process (or nowhere): each gunicorn worker would have its own.
PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.caches, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Production serves from several processes, which must share one cache (CACHE_URL, Redis).

    allauth's and the certificate verification's rate limits, the record of one-time codes already
    used and the page cache's content generation live in the default cache. In process memory,
    each worker counts its own requests (a limit of 30 a minute lets 30 through each worker) and a
    TOTP code used on one worker is accepted again on another.
    """
    backend = settings.CACHES["default"]["BACKEND"]
    if backend not in PROCESS_LOCAL_CACHES:
        return []
    return [
        CheckWarning(
            f"The default cache ({backend.rsplit('.', 1)[1]}) is not shared between processes: each web worker "
            "would keep its own rate limits and its own record of used one-time codes, so a two-factor code "
            "could be used twice and rate limits would count per worker.",
            hint="Set CACHE_URL to a Redis server that every app server and worker reaches (.env.example).",
            id="core.W001",
        )
    ]
