"""Serving Wagtail pages in a fixed number of queries, whatever their depth.

Wagtail's `Page.route` walks the URL one segment at a time: for each segment one query for
the child and one for its specific type, so a lesson four levels deep costs ten queries
before any of its own. Wagtail already stores every page's full `url_path`, so the whole
chain from the page routing the URL (the site's home page, where Wagtail's serve view starts)
to the target is one query (`url_path IN (...)`), and only the last page needs its specific row.

`PublicPageMixin`, on every project page type, overrides `route()`, the extension point
Wagtail documents for this; Wagtail's own serve view, hooks, view restrictions and caching of
the route per request are used unchanged. The result is exactly what `Page.route` would give:
the walk hands over to a page's own `route()` wherever a page type routes differently
(routable pages such as the library, whose resource URLs are not pages), and walks on through
a routable page whose own routes do not match the rest of the path to its child, as
`RoutablePageMixin.route` does (an event below the calendar page); an unknown segment is
a 404, and a page that is not live is a 404. Anything unusual (more than one page for a path,
translations) falls back to Wagtail's walk. Pages reached by plain routing are then kept in the
cache under the content generation, so a repeat visit routes without a query. The routed page
knows its parent (`get_parent()`) without another query.

The site and its home page, where Wagtail's routing starts, come from the cache too
(core.request_site, the project's one touch point with Wagtail's internals).

View restrictions: Wagtail's `before_serve_page` hook asks every served page for
`get_view_restrictions()`, two queries. The mixin answers "none" without a query when no page
on the chain has a restriction or is an alias, from a list kept in the cache under the content
generation (core.cache), which saves of view restrictions bump.
"""

import functools
import hashlib

from django.conf import settings
from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from . import cache as content_cache
from . import translation
from .request_site import site_for_request


def _chain_paths(start_url_path, components):
    paths, current = [start_url_path], start_url_path
    for component in components:
        current = f"{current}{component}/"
        paths.append(current)
    return paths


def walk(start, request, components):
    """Route `components` below the page `start` as `Page.route` would, in two queries.

    Returns (RouteResult or None for a 404, whether the target was reached by plain routing).
    """
    wanted = _chain_paths(start.url_path, components)
    found = {}
    # A translation's tree may repeat the default tree's paths: walk the start's language only.
    for page in Page.objects.filter(url_path__in=wanted[1:], locale_id=start.locale_id):
        if page.url_path in found:
            return _wagtail_walk(start, request, components), False  # ambiguous: let Wagtail decide
        found[page.url_path] = page
    chain = [start]
    for depth, url_path in enumerate(wanted[1:], start=1):
        page = found.get(url_path)
        if page is None:
            return None, False  # Page.route: no child with that slug
        page.routed_parent = chain[-1]  # copied to the specific page by Wagtail's `specific`
        chain.append(page)
        if not _routes_plainly(page.specific_class):
            rest = components[depth:]
            if rest and page.live and _child_serves(page.specific_class, rest):
                continue  # e.g. an event below the calendar page, whose own routes are its archive
            # A routable page resolves what remains of the URL itself.
            try:
                return page.specific.route(request, components[depth:]), False
            except Http404:
                return None, False
    target = chain[-1]
    if not target.live:
        return None, False
    return RouteResult(target.specific), True


def _wagtail_walk(start, request, components):
    try:
        return Page.route(start, request, components)
    except Http404:
        return None


class PublicPageMixin:
    """Page types served to the public: routing in two queries (or none), and no restriction queries when
    nothing on the chain can have any. Put it first in the bases, before `RoutablePageMixin`."""

    def route(self, request, path_components):
        if not translation.is_default_locale(self):
            # Wagtail starts at the site root's translation in the reader's language; every
            # language routes the default tree, and the page found shows its translation's text.
            source = translation.source_page(self)
            if source is not self:
                return source.specific.route(request, path_components)
        result = self._route(request, path_components)
        translation.localize_page(result.page)
        # The breadcrumb names the parent the router found in the reader's language too.
        translation.localize_page(result.page.__dict__.get("routed_parent"))
        return result

    def save(self, *args, **kwargs):
        if getattr(self, "shown_translation", None) is not None:
            # Its text fields hold its translation's text (core.translation): never write them over its own.
            raise RuntimeError(f"{self!r} shows its {self.shown_language} translation and cannot be saved")
        return super().save(*args, **kwargs)

    def _route(self, request, path_components):
        if not path_components or not _routes_plainly(type(self)):
            return super().route(request, path_components)
        path = "/".join(path_components)
        key = f"route.{self.pk}.{hashlib.sha256(path.encode()).hexdigest()[:32]}"
        page = content_cache.cached_fragment(key)
        if page is not None:
            return RouteResult(page)
        result, plain = walk(self, request, list(path_components))
        if result is None:
            raise Http404
        if plain:
            content_cache.remember(key, result.page)
        return result

    @property
    def localized_draft(self):
        # Wagtail's routing starts at the site root's `localized`; answered from the cache (core.translation).
        return translation.translation_in(self, translation.active_language()) or self

    @property
    def localized(self):
        return self.localized_draft

    def get_url_parts(self, request=None):
        """The page's address in the reader's language (a translation: in its own language),
        always the default-language page's path: /modules/m1/ and /hi/modules/m1/."""
        if translation.is_default_locale(self):
            source, language = self, translation.active_language()
        else:
            source, language = translation.source_page(self), translation.language_of_locale(self.locale_id)
        parts = Page.get_url_parts(source, request)
        if parts is None or parts[2] is None:
            return parts
        site_id, root_url, path = parts
        for code, _name in settings.LANGUAGES:
            if code != translation.default_language() and path.startswith(f"/{code}/"):
                path = path[len(code) + 1 :]
        return site_id, root_url, translation.prefixed(path, language)

    def get_parent(self, update=False):
        parent = None if update else self.__dict__.get("routed_parent")
        return parent if parent is not None else super().get_parent(update=update)

    def get_view_restrictions(self):
        if not any(self.path.startswith(path) for path in pages_needing_restriction_checks()):
            return no_view_restrictions()
        return super().get_view_restrictions()


# Every project page type names this mixin; the old name stays until they all use the new one.
RestrictionsFromCacheMixin = PublicPageMixin


@functools.cache
def _routes_plainly(page_class):
    """Whether `page_class` routes as `Page.route` does (not a routable page, no `route()` of its own)."""
    if page_class is None:
        return False
    for klass in page_class.__mro__:
        if klass is PublicPageMixin:
            continue
        if "route" in vars(klass):
            return vars(klass)["route"] is Page.route
    return False


def _child_serves(page_class, rest):
    """Whether a live routable page of `page_class` hands `rest` (a child page's slug first) to its child.

    `RoutablePageMixin.route` does when none of its own routes matches the rest of the path and it
    routes its children as `Page.route` does; its routes are the class's, so this needs no query.
    """
    routes = [vars(klass)["route"] for klass in page_class.__mro__ if "route" in vars(klass)]
    routes = [route for route in routes if route is not PublicPageMixin.route]
    if routes[:2] != [RoutablePageMixin.route, Page.route]:
        return False  # a page type with a `route()` of its own: it decides
    try:
        page_class.get_resolver().resolve("/" + "/".join(rest) + "/")
    except Resolver404:
        return True
    return False


# --- View restrictions ------------------------------------------------------------------------


@functools.cache
def no_view_restrictions():
    """An empty queryset of view restrictions, evaluated once and shared by every request.

    Iterating a fresh `.none()` still compiles its SQL (about 0.15 ms of a kept lesson); a
    queryset keeps its results once evaluated, so this one is iterated from that. Methods that
    build a new queryset (`order_by`, `filter`) clone it, so callers cannot change it.
    """
    restrictions = PageViewRestriction.objects.none()
    list(restrictions)
    return restrictions


def pages_needing_restriction_checks():
    """Tree paths of pages with a view restriction, and of aliases (whose restrictions are their source's)."""

    def build():
        restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
        aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
        return tuple(sorted(set(restricted) | set(aliases)))

    return content_cache.memoize("view-restriction-paths", build)


# --- The site ----------------------------------------------------------------------------------


class SiteMiddleware:
    """Find the request's Wagtail site from the cache (core.request_site), for pages and other views alike."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site_for_request(request)
        return self.get_response(request)
