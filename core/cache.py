"""A small, explicit cache of anonymous public pages, with one switch to invalidate it all.

Every cached page is stored under its full URL (scheme, host, path and query) plus the
current *content generation*. Anything that changes what a public page shows calls
`bump_generation()`; from then on every lookup uses a new key, so no stale page is served
again, and the old entries simply expire. There is nothing to find and delete page by page.

Where the generation lives:
- a shared cache (CACHE_URL, Redis): in that cache, so every app server sees a bump at once;
- the process-local cache (no CACHE_URL): in the modification time of a marker file, which
  every worker process on the machine reads with one `stat()`. A process-local cache is only
  correct on one machine; several app servers need CACHE_URL.

Wagtail's publish, unpublish, move and delete signals, site and settings changes, and saves
of the models named with the "colloquium_page_cache_models" hook bump the generation (see core/receivers.py).
Feature apps call `bump_generation()` themselves for changes no model save announces.

Narrower changes use *tags*. Code that reads data for a page declares it with
`depends_on("certificate:abc")` (a view, a section, a block: no request needed), and the page
is stored with the generation each tag had before the data was read. A save of a model named
with the "colloquium_page_cache_tags" hook bumps only its tags, so the next visit to a page
that showed it renders afresh while every other cached page stays: issuing 500 certificates or
approving a resource leaves the rest of the site cached.
"""

import contextlib
import contextvars
import hashlib
import logging
import os
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import translation

logger = logging.getLogger("colloquium.cache")

GENERATION_KEY = "pagecache:generation"
QUIET_SECONDS = 60  # a failed read of one kind is logged with its traceback at most once in this time
_last_logged = {}  # message -> (when it was last logged, how many like it were not logged since)


def log_unavailable(message, *args, clock=time.monotonic):
    """Log, from an `except` block, that the cache could not be read or written, with the traceback.

    While Redis is down every request fails the same way several times, and a traceback each
    would bury the log (tens of thousands of lines a minute per app server): each message is
    logged once a minute, saying how many like it were left out.
    """
    now = clock()
    last, left_out = _last_logged.get(message, (None, 0))
    if last is not None and now - last < QUIET_SECONDS:
        _last_logged[message] = (last, left_out + 1)
        return
    _last_logged[message] = (now, 0)
    if left_out:
        message, args = message + " (and %s more like it in the last minute)", (*args, left_out)
    logger.exception(message, *args)


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def timeout():
    """Seconds a page stays cached; 0 turns the page cache off."""
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 0))


def is_process_local():
    return isinstance(page_cache(), LocMemCache)


@lru_cache(maxsize=1)
def marker_path():
    # Worked out once per process: a signed-in page reads the generation about seven times.
    configured = getattr(settings, "PAGE_CACHE_MARKER", None)
    if configured:
        return Path(configured)
    # One marker per project checkout and database, shared by the worker processes that use them.
    database = settings.DATABASES["default"]
    identity = f"{settings.BASE_DIR}|{database.get('HOST', '')}|{database.get('NAME', '')}"
    digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"colloquium-pagecache-{digest}"


@receiver(setting_changed)
def _forget_marker_path(setting, **kwargs):
    if setting in {"PAGE_CACHE_MARKER", "DATABASES", "BASE_DIR"}:
        marker_path.cache_clear()


def touch_later(path):
    """Give `path` a modification time later than it had (creating it if need be): a marker that
    every process on the machine reads with one stat()."""
    try:
        previous = path.stat().st_mtime_ns
    except FileNotFoundError:
        previous = 0
        path.touch()
    # Strictly increasing even when two bumps fall in the same clock tick.
    new = max(time.time_ns(), previous + 1)
    os.utime(path, ns=(new, new))
    return new


def current_generation():
    """The content generation to key pages with, or None when it cannot be known (then nothing is cached)."""
    try:
        if is_process_local():
            path = marker_path()
            try:
                return path.stat().st_mtime_ns
            except FileNotFoundError:
                return touch_later(path)
        cache = page_cache()
        generation = cache.get(GENERATION_KEY)
        if generation is None:
            # Start from the clock, so a generation lost with an evicted key never repeats an old one.
            cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
            generation = cache.get(GENERATION_KEY)
        return generation
    except Exception:  # a cache outage must not take pages down; serve them uncached
        log_unavailable("page cache: cannot read the content generation")
        return None


def bump_generation(reason=""):
    """Make every cached page stale. Cheap; call it whenever public content changes."""
    try:
        if is_process_local():
            touch_later(marker_path())
        else:
            cache = page_cache()
            try:
                cache.incr(GENERATION_KEY)
            except ValueError:  # no generation yet (or evicted): start a new one
                cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    except Exception:
        # If the bump is lost, cached pages could outlive the change: refuse to serve them.
        logger.exception("page cache: could not bump the generation (%s); clearing the cache", reason)
        try:
            page_cache().clear()
        except Exception:
            logger.exception("page cache: could not clear the cache either")
    logger.debug("page cache: generation bumped (%s)", reason)


# --- tags: narrower invalidation -----------------------------------------------------------------

TAG_KEY = "pagecache:tag:"
_dependencies = contextvars.ContextVar("page_cache_dependencies", default=None)


def _tag_path(tag):
    folder = marker_path().with_name(marker_path().name + ".tags")
    return folder / hashlib.sha256(tag.encode()).hexdigest()[:24]


def _tag_marker(path):
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return touch_later(path)


def tag_generations(tags):
    """{tag: its current generation} for `tags`; an unknown tag starts at the clock, so a tag
    lost from the cache never comes back with a generation a stored page was keyed with."""
    if is_process_local():
        return {tag: _tag_marker(_tag_path(tag)) for tag in tags}
    cache = page_cache()
    keys = {f"{TAG_KEY}{tag}": tag for tag in tags}
    found = cache.get_many(list(keys))
    for key in set(keys) - set(found):
        cache.add(key, time.time_ns(), timeout=None)
        found[key] = cache.get(key)
    return {keys[key]: value for key, value in found.items()}


def bump_tags(*tags):
    """Make stale the cached pages that declared any of `tags` (and nothing else)."""
    try:
        if is_process_local():
            for tag in tags:
                path = _tag_path(tag)
                path.parent.mkdir(parents=True, exist_ok=True)
                touch_later(path)
        else:
            cache = page_cache()
            for tag in tags:
                try:
                    cache.incr(f"{TAG_KEY}{tag}")
                except ValueError:
                    cache.set(f"{TAG_KEY}{tag}", time.time_ns(), timeout=None)
    except Exception:
        bump_generation(f"tags {', '.join(tags)} (a tag could not be bumped)")
    logger.debug("page cache: tags bumped (%s)", ", ".join(tags))


def depends_on(*tags):
    """Declare that the page being rendered shows data the given tags cover.

    Call it before reading the data: the tag's generation is taken now, so a change that lands
    while the page renders makes the stored page stale at once. Outside a cached request
    (signed in, a task, a test without the middleware) it does nothing.
    """
    recorded = _dependencies.get()
    if recorded is None:
        return
    missing = [tag for tag in tags if tag not in recorded]
    if missing:
        recorded.update(tag_generations(missing))


@contextlib.contextmanager
def recording_dependencies():
    """While a page renders, collect what it `depends_on` into the dict this yields."""
    token = _dependencies.set({})
    try:
        yield _dependencies.get()
    finally:
        _dependencies.reset(token)


def still_fresh(dependencies):
    """Whether every tag a stored page declared still has the generation it had then."""
    if not dependencies:
        return True
    try:
        return tag_generations(dependencies) == dependencies
    except Exception:
        log_unavailable("page cache: cannot read tag generations")
        return False


FRAGMENT_SECONDS = 300


def _fragment_key(name):
    # Fragments hold rendered text, so each language keeps its own (core.translation overlays too).
    generation = current_generation()
    return None if generation is None else f"fragment.{name}.{translation.get_language()}.{generation}"


def cached_fragment(name):
    """What `remember(name, ...)` stored under the current generation, or None (also when the cache fails)."""
    key = _fragment_key(name)
    if key is None:
        return None
    try:
        return page_cache().get(key)
    except Exception:  # Redis went away after the generation was read: build it afresh
        log_unavailable("page cache: cannot read %s", name)
        return None


def remember(name, value):
    key = _fragment_key(name)
    if key is not None and value is not None:
        try:
            page_cache().set(key, value, timeout() or FRAGMENT_SECONDS)
        except Exception:
            log_unavailable("page cache: cannot keep %s", name)
    return value


def memoize(name, build):
    """`build()`, kept in the cache under the content generation: for data every page reads.

    Used whatever PAGE_CACHE_SECONDS says (signed-in pages, which are never cached whole, read
    it too); a bump of the generation makes the next call build it again. None is not kept.
    """
    value = cached_fragment(name)
    if value is None:
        value = remember(name, build())
    return value
