"""Top-level page slugs the apps' own URLs take: a page there would never be served.

Django matches the project's URL patterns before Wagtail's page serving, so a page
directly under a site's home page whose slug equals an app's URL prefix (`/courses/`,
`/certificates/`, `/admin/`, ...) would be hidden, wholly or in part, by the app. The page
forms (core.editing.PublishSafePageForm) refuse such a slug for a new page or a renamed one;
this module says which slugs. A page that has its slug already keeps it: the library page
shares `/resources/` with the resources app's own screens on purpose (resources/urls.py).
"""

from django.urls import LocalePrefixPattern, get_resolver
from django.utils.translation import gettext
from wagtail.models import Site


def reserved_top_level_slugs():
    """The first path segment of every URL pattern the project routes before Wagtail's pages."""
    reserved = set()
    patterns = []
    for pattern in get_resolver().url_patterns:
        # i18n_patterns: the same routes under each language's prefix (none for English).
        is_language_prefix = isinstance(pattern.pattern, LocalePrefixPattern)
        patterns.extend(pattern.url_patterns if is_language_prefix else [pattern])
    for pattern in patterns:
        route = str(pattern.pattern)
        if not route or route.startswith("^"):
            continue  # Wagtail's page serving ("" and its regex) and other catch-all patterns
        first = route.split("/", 1)[0]
        if first and "<" not in first:
            reserved.add(first)
    return frozenset(reserved)


def reserved_slug_error(parent_page, slug, current_slug=None):
    """Why `slug` cannot be given to a page under `parent_page`, or None when it can.

    `current_slug`: the page's slug before this edit (None for a new page); keeping it is allowed.
    """
    if not slug or slug == current_slug or parent_page is None or slug not in reserved_top_level_slugs():
        return None
    if not Site.objects.filter(root_page_id=parent_page.pk).exists():
        return None  # deeper pages never compete with the apps' URL prefixes
    return gettext("“/%(slug)s/” is taken by the site's own screens: a page with this slug would never be shown.") % {
        "slug": slug
    }
