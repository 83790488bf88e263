"""Serve anonymous visitors' public pages from the page cache (see core.cache)."""

import logging

from django.contrib.messages import get_messages
from django.utils.cache import get_cache_key, learn_cache_key

from . import cache as page_cache
from .i18n import path_without_language

logger = logging.getLogger("colloquium.cache")

SKIP_PREFIXES = ("/admin/", "/accounts/", "/documents/", "/static/", "/media/")
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")


class AnonymousPageCacheMiddleware:
    """Cache full responses to anonymous GETs of public pages.

    Placed right after WhiteNoise, above the session, CSRF and message middleware, so a hit
    skips all of them and the stored response already carries every header they add. A
    request is anonymous when it sends no session cookie (no session, so nobody is signed in)
    and no message cookie. A response is stored only when it is a plain 200 without
    Set-Cookie (which rules out CSRF tokens, sessions and messages), without Cache-Control
    private/no-store/no-cache (views opt out with Django's never_cache), without `Vary: *`,
    and when the request neither modified the session nor showed a message; other Vary
    headers are honoured as Django's cache framework does (the key includes those request
    headers).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = page_cache.timeout()
        if not seconds or not self._request_is_cacheable(request):
            return self.get_response(request)
        generation = page_cache.current_generation()
        if generation is None:
            return self.get_response(request)
        prefix = f"pagecache.{generation}"
        store = page_cache.page_cache()
        try:
            key = get_cache_key(request, prefix, "GET", cache=store)
            entry = None if key is None else store.get(key)
        except Exception:  # the cache went away after the generation was read: serve uncached
            page_cache.log_unavailable("page cache: cannot read %s", request.path)
            return self.get_response(request)
        # Stored as (response, {tag: generation}): see core.cache.depends_on.
        if entry is not None and page_cache.still_fresh(entry[1]):
            response = entry[0]
            response["X-Page-Cache"] = "hit"
            return response
        with page_cache.recording_dependencies() as dependencies:
            response = self.get_response(request)
        if self._response_is_cacheable(request, response):
            response["X-Page-Cache"] = "miss"
            if hasattr(response, "render") and callable(response.render) and not response.is_rendered:
                response.add_post_render_callback(
                    lambda r: self._store(request, r, seconds, prefix, store, dependencies)
                )
            else:
                self._store(request, response, seconds, prefix, store, dependencies)
        return response

    @staticmethod
    def _store(request, response, seconds, prefix, store, dependencies):
        try:
            key = learn_cache_key(request, response, seconds, prefix, cache=store)
            store.set(key, (response, dict(dependencies)), seconds)
        except Exception:  # a cache outage costs this page its caching, never the page itself
            page_cache.log_unavailable("page cache: cannot store %s", request.path)

    @staticmethod
    def _request_is_cacheable(request):
        from django.conf import settings

        if request.method != "GET" or settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
            return False  # a signed-in request is answered from here on without looking at its path
        if "HTTP_AUTHORIZATION" in request.META:
            return False
        return not path_without_language(request.path).startswith(SKIP_PREFIXES)

    @staticmethod
    def _response_is_cacheable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if response.has_header("Set-Cookie"):
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES):
            return False
        if "*" in response.get("Vary", ""):
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
            return False
        user = getattr(request, "user", None)
        if user is not None and getattr(user, "is_authenticated", False):
            return False
        # A message added during the request is kept in the session (SessionStorage), which sets
        # the session cookie above (and the session is modified); one shown on this page marks
        # the storage used (Django's documented `used` flag).
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        return not getattr(get_messages(request), "used", False)
