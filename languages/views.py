"""The language switcher: a plain link on every page, so it works without JavaScript.

GET /language/hi/?next=/modules/m1/ remembers Hindi (a cookie, and the profile of a signed-in
person) and goes to the page's Hindi address. A link and not a form, so anonymous pages stay
cacheable (a form would need a CSRF token); choosing a language is harmless to repeat.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from .addresses import in_language, language_codes


@never_cache
def switch_language(request, code):
    if code not in language_codes():
        raise Http404
    next_url = request.GET.get("next") or "/"
    allowed = {request.get_host()}
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts=allowed, require_https=request.is_secure()):
        next_url = "/"
    if not next_url.startswith("/"):
        next_url = "/"
    response = HttpResponseRedirect(in_language(next_url, code))
    remember_language(response, code, secure=request.is_secure())
    user = request.user
    if user.is_authenticated and getattr(user, "preferred_language", code) != code:
        get_user_model().objects.filter(pk=user.pk).update(preferred_language=code)
    return response


def remember_language(response, code, secure=False):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=secure or getattr(settings, "SESSION_COOKIE_SECURE", False),
        httponly=True,
    )
