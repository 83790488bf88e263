"""Which language a request is in, and sending people to the language they chose.

The address decides the language (English unprefixed, /hi/… Hindi), so a page's address always
gives the same page and the page cache keys on it alone. Someone who chose Hindi — with the
switcher (a cookie), in their profile (copied to the cookie when they are signed in), or, before
any choice, through their browser's Accept-Language — and opens an English address is sent to
its Hindi twin, before the page cache could answer in English.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

from .addresses import language_codes, strip_language
from .views import remember_language

# Addresses that have no language: the admin (its own per-user language), files, the API, feeds of keys.
NOT_TRANSLATED = ("/admin/", "/documents/", "/api/", "/language/", "/static/", "/media/", "/.well-known/", "/_util/")


def browser_language(request):
    """The first of settings.LANGUAGES the browser's Accept-Language asks for, or None."""
    codes = language_codes()
    for accepted, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if accepted == "*":
            break
        try:
            language = translation.get_supported_language_variant(accepted)
        except LookupError:
            continue
        if language in codes:
            return language
    return None


def preferred_language(request):
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if chosen in language_codes():
        return chosen
    return browser_language(request)


class PreferredLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        bare, language = strip_language(request.path_info)  # once per request: the redirect needs it too
        redirect = self._redirect(request, bare, language)
        if redirect is not None:
            return redirect
        # The address's language from the start: the page cache (below) keys on it (Django's cache
        # keys add request.LANGUAGE_CODE), and a hit must not see the language a previous request
        # left on this thread. Put back afterwards for the same reason.
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            return self.get_response(request)
        finally:
            translation.deactivate()

    @staticmethod
    def _redirect(request, bare, language):
        path = request.path_info
        if request.method not in ("GET", "HEAD") or path.startswith(NOT_TRANSLATED) or path == "/robots.txt":
            return None
        if language != settings.LANGUAGE_CODE:
            return None  # already in a language of its own
        wanted = preferred_language(request)
        if wanted is None or wanted == settings.LANGUAGE_CODE:
            return None
        query = request.META.get("QUERY_STRING", "")
        response = HttpResponseRedirect(f"/{wanted}{bare}" + (f"?{query}" if query else ""))
        patch_vary_headers(response, ("Cookie", "Accept-Language"))
        response["Cache-Control"] = "private, no-cache"
        return response


class AddressLanguageMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, with the address alone deciding: an unprefixed address is English
    whatever the browser says, so pages need no `Vary: Accept-Language` (PreferredLanguageMiddleware
    has already sent those who want Hindi to /hi/)."""

    def process_request(self, request):
        # What LocaleMiddleware decides under i18n_patterns(prefix_default_language=False), read from the
        # address alone: without weighing the cookie and Accept-Language it would then overrule.
        _bare, language = strip_language(request.path_info)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class ProfileLanguageMiddleware:
    """A signed-in person's profile language, kept in the language cookie (the switcher updates both)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        chosen = getattr(user, "preferred_language", "")
        cookie = settings.LANGUAGE_COOKIE_NAME
        if chosen in language_codes() and request.COOKIES.get(cookie) != chosen and cookie not in response.cookies:
            remember_language(response, chosen, secure=request.is_secure())
        return response
