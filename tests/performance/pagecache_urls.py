"""Views with each kind of response the page cache must store or refuse (used by test_page_cache)."""

from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.cache import never_cache

from colloquium_site import urls as project_urls

COUNTER = {"calls": 0}


def _counted(body=""):
    COUNTER["calls"] += 1
    return f"call {COUNTER['calls']} {body}"


def plain(request):
    return HttpResponse(_counted())


def sets_cookie(request):
    response = HttpResponse(_counted())
    response.set_cookie("seen", "1")
    return response


def with_csrf(request):
    return HttpResponse(_counted(get_token(request)))


def with_message(request):
    messages.info(request, "Saved.")
    return HttpResponse(_counted())


def not_found(request):
    return HttpResponse(_counted(), status=404)


@never_cache
def uncached(request):
    return HttpResponse(_counted())


def vary_star(request):
    response = HttpResponse(_counted())
    response["Vary"] = "*"
    return response


def vary_accept(request):
    response = HttpResponse(_counted(request.headers.get("Accept", "")))
    response["Vary"] = "Accept"
    return response


urlpatterns = [
    path("t/plain/", plain),
    path("t/cookie/", sets_cookie),
    path("t/csrf/", with_csrf),
    path("t/message/", with_message),
    path("t/missing/", not_found),
    path("t/never/", uncached),
    path("t/vary-star/", vary_star),
    path("t/vary-accept/", vary_accept),
    # The project's patterns themselves, not include()d: they hold i18n_patterns, which only a root URLconf may.
    *project_urls.urlpatterns,
]
