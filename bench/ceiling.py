"""The ceiling: the smallest Django app that returns a static 10 KB page, served like the site.

    gunicorn bench.ceiling:application -w 2 -b 127.0.0.1:PORT

Django with no apps, no middleware and no database, so its requests/s is what gunicorn and
Django's request cycle alone allow on this machine; every page is reported as a fraction of it.
"""

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-ceiling-only",  # noqa: S106 - no sessions, no signing
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={},
)
django.setup()

_PARAGRAPH = "<p>Judicial training on human trafficking for India's judicial academies.</p>\n"
BODY = (
    "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>Ceiling</title></head><body>\n"
    + _PARAGRAPH * ((10 * 1024 - 120) // len(_PARAGRAPH))
    + "</body></html>\n"
).encode()


def page(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("", page)]
application = get_wsgi_application()
