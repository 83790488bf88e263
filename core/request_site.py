"""The request's Wagtail site, from the cache: the one place Colloquium touches Wagtail's internals.

Wagtail's documented `Site.find_for_request(request)` looks the site up with a query and keeps
the answer on the request for the rest of it. Sites change rarely (saving one bumps the content
generation), so `site_for_request` keeps the answer in the cache, per host, under the
generation, together with the site's root page in its specific form, which Wagtail's
`Page.route_for_request` asks for on every page served.

Wagtail offers no public way to hand it a site it has not looked up itself: it keeps the answer
in the request attribute named below, and that is the only private name this project uses.
`tests/core/test_request_site.py` fails if a Wagtail upgrade stops reading it, or if the
cached site would cost a query again; then change this module alone (or accept one query per
request and drop the cache).
"""

import hashlib

from wagtail.models import Site

from . import cache as content_cache

# Where Wagtail's Site.find_for_request keeps its answer for the rest of the request (wagtail/models/sites.py).
WAGTAIL_REQUEST_SITE_ATTRIBUTE = "_wagtail_site"


def _look_up(request):
    site = Site.find_for_request(request)
    if site is not None:
        # Kept with the site in its specific form: Wagtail's routing starts at `site.root_page.localized`,
        # which the project's pages answer from the cache (core.routing.PublicPageMixin.localized).
        site.root_page = site.root_page.specific
    return site


def site_for_request(request):
    """`Site.find_for_request(request)`, remembered per host under the content generation.

    `request.get_host()` has already been checked against ALLOWED_HOSTS, so a forged Host
    header cannot fill the cache.
    """
    if hasattr(request, WAGTAIL_REQUEST_SITE_ATTRIBUTE):
        return Site.find_for_request(request)
    host = hashlib.sha256(f"{request.get_host()}|{request.get_port()}".encode()).hexdigest()[:32]
    site = content_cache.memoize(f"site.{host}", lambda: _look_up(request))
    setattr(request, WAGTAIL_REQUEST_SITE_ATTRIBUTE, site)
    return site
