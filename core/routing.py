"""Serving Wagtail pages in a fixed number of queries, whatever their depth.

Wagtail's `Page.route` walks the URL one segment at a time: for each segment one query for
the child and one for its specific type, so a lesson four levels deep costs ten queries
before any of its own. Wagtail already stores every page's full `url_path`, so the whole
chain from the site root to the page is one query (`url_path IN (...)`), and only the last
page needs its specific row.

The result is exactly what `Page.route` would give: the walk hands over to a page's own
`route()` wherever a page type overrides it (routable pages such as the library, whose
resource URLs are not pages), an unknown segment is a 404, and a page that is not live is a
404. Anything unusual (more than one page for a path, translations) falls back to Wagtail's
walk. `core.views.serve` stores the result where Wagtail's own serve view looks for it
(`request._wagtail_route_for_request`), so Wagtail's hooks, view restrictions and caching of
the route are unchanged. Pages reached by plain routing are then kept in the cache under the
content generation, so a repeat visit routes without a query.

View restrictions: Wagtail's `before_serve_page` hook asks every served page for
`get_view_restrictions()`, two queries. `RestrictionsFromCacheMixin` answers "none" without a
query when no page on the chain has a restriction or is an alias, from a list kept in the
cache under the content generation (core.cache), which saves of view restrictions bump.
"""

import hashlib

from django.conf import settings
from django.http import Http404
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from . import cache as content_cache


def _uses_default_route(page):
    return page.specific_class is not None and page.specific_class.route is Page.route


def _chain_paths(root_url_path, components):
    paths, current = [root_url_path], root_url_path
    for component in components:
        current = f"{current}{component}/"
        paths.append(current)
    return paths


def _site_root_url_path(site):
    for root in Site.get_site_root_paths():  # cached by Wagtail
        if root.site_id == site.pk:
            return root.root_path
    return None


def route(request, path):
    """A `RouteResult` for `path` on the request's site, or None for a 404 (as Wagtail's serve expects).

    A page reached by plain routing is kept in the cache under the content generation, keyed by
    site and path (publishing, moving or deleting any page starts a new one); routable pages,
    whose result depends on the rest of the URL, and 404s are worked out each time.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    key = f"route.{site.pk}.{hashlib.sha256(path.encode()).hexdigest()[:32]}"
    page = content_cache.cached_fragment(key)
    if page is not None:
        return RouteResult(page)
    result, plain = _walk(request, site, path)
    if plain:
        content_cache.remember(key, result.page)
    return result


def _walk(request, site, path):
    """(RouteResult or None, whether it is a page reached by plain routing)."""
    root_url_path = None if getattr(settings, "WAGTAIL_I18N_ENABLED", False) else _site_root_url_path(site)
    if root_url_path is None:
        return Page.route_for_request(request, path), False
    components = [component for component in path.split("/") if component]
    wanted = _chain_paths(root_url_path, components)
    found = {}
    for page in Page.objects.filter(url_path__in=wanted):
        if page.url_path in found:
            return Page.route_for_request(request, path), False  # ambiguous: let Wagtail decide
        found[page.url_path] = page
    chain = []
    for depth, url_path in enumerate(wanted):
        page = found.get(url_path)
        if page is None or (depth == 0 and page.pk != site.root_page_id):
            return None, False  # Page.route: no child with that slug
        if chain:
            page._cached_parent_obj = chain[-1]
        chain.append(page)
        if not _uses_default_route(page):
            # A routable page resolves what remains of the URL itself.
            try:
                return page.specific.route(request, components[depth:]), False
            except Http404:
                return None, False
    target = chain[-1]
    if not target.live:
        return None, False
    specific = target.specific
    if len(chain) > 1:
        specific._cached_parent_obj = chain[-2]
    return RouteResult(specific), True


# --- View restrictions ------------------------------------------------------------------------


def pages_needing_restriction_checks():
    """Tree paths of pages with a view restriction, and of aliases (whose restrictions are their source's)."""

    def build():
        restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
        aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
        return tuple(sorted(set(restricted) | set(aliases)))

    return content_cache.memoize("view-restriction-paths", build)


class RestrictionsFromCacheMixin:
    """Page types served to the public: skip the restriction queries when nothing on the chain can have any."""

    def get_view_restrictions(self):
        if not any(self.path.startswith(path) for path in pages_needing_restriction_checks()):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


# --- The site ----------------------------------------------------------------------------------


def site_for_request(request):
    """Wagtail's `Site.find_for_request`, remembered per host under the content generation.

    Wagtail looks the site up with a query on every request; sites change rarely and saving
    one bumps the generation. `request.get_host()` has already been checked against
    ALLOWED_HOSTS, so a forged Host header cannot fill the cache.
    """
    if not hasattr(request, "_wagtail_site"):
        host = hashlib.sha256(f"{request.get_host()}|{request.get_port()}".encode()).hexdigest()[:32]
        request._wagtail_site = content_cache.memoize(f"site.{host}", lambda: Site._find_for_request(request))
    return request._wagtail_site


class SiteMiddleware:
    """Find the request's Wagtail site from the cache (above), for pages and other views alike."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site_for_request(request)
        return self.get_response(request)
