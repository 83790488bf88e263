"""The site's public address and name: `settings.SITE_URL` and `settings.SITE_NAME`, and what follows from them.

SITE_URL is the one source of every absolute address the site hands out: certificates and
their QR codes, emails (the project's and allauth's), the room-screen check-in QR code, and
the Wagtail API's `detail_url`/`html_url`. In development `manage.py serve_demo` (`make run`)
sets it to the address it serves; production requires it (see `.env.example`).

Wagtail keeps the public host in its default `Site` record too (page `full_url`s, the API);
`sync_default_site` puts SITE_URL and SITE_NAME there. It runs after every `migrate` (as
django.contrib.sites creates its Site) and in `load_demo`, so the record follows the setting.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.apps import apps as global_apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def absolute_url(path):
    """`path` (as `reverse()` gives it) on the site's public address."""
    if not path.startswith("/"):
        raise ValueError(f"Expected a path starting with '/', got {path!r}.")
    return settings.SITE_URL + path


def public_url(url):
    """An absolute URL built from a request's host, moved to the site's public address (path and query kept)."""
    parts = urlsplit(url)
    path = parts.path or "/"
    return absolute_url(f"{path}?{parts.query}" if parts.query else path)


@dataclass(frozen=True)
class PublicSite:
    """What allauth's email templates read from `current_site`: the site's name and host."""

    name: str
    domain: str

    def __str__(self):
        return self.domain


def public_site():
    return PublicSite(name=settings.SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)


def site_record_values():
    """The hostname, port and name a Wagtail `Site` needs to produce SITE_URL as its `root_url`."""
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or parts.path not in ("", "/"):
        raise ImproperlyConfigured(
            f"SITE_URL must be a scheme and host, such as https://colloquium.example.org; got {settings.SITE_URL!r}."
        )
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        # Wagtail's Site.root_url only says https for port 443.
        raise ImproperlyConfigured(f"SITE_URL with https must use port 443; got {settings.SITE_URL!r}.")
    return {"hostname": parts.hostname, "port": port, "site_name": settings.SITE_NAME}


def sync_default_site(using=DEFAULT_DB_ALIAS):
    """Point the default Wagtail `Site` at SITE_URL and name it SITE_NAME; True when it changed.

    `Site.save()` clears Wagtail's cached site root paths and starts a new page-cache generation
    (core.receivers), so pages and the API use the new address at once.
    """
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return False
    values = site_record_values()
    if all(getattr(site, field) == value for field, value in values.items()):
        return False
    for field, value in values.items():
        setattr(site, field, value)
    site.save(using=using)
    return True


def sync_after_migrate(sender, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    """post_migrate receiver: keep the default Site in step with SITE_URL on every `migrate`."""
    try:
        apps.get_model("wagtailcore", "Site")
    except LookupError:  # migrated only up to before wagtailcore's tables
        return
    sync_default_site(using=using)
