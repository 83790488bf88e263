from django import template
from wagtail.models import Site

from core import cache as page_cache

register = template.Library()


def _menu_pages(site):
    return list(site.root_page.get_children().live().in_menu().public()) if site else []


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Live top-level pages marked 'show in menus', in tree order.

    Every page shows the menu, signed in or not, so it is kept in the cache under the content
    generation (core.cache): publishing, moving or deleting a page starts a new generation, and
    the menu is read again. With the page cache off it is two queries, once per request.
    """
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_main_menu", None)
    if cached is None:
        site = Site.find_for_request(request)
        generation = page_cache.current_generation() if page_cache.timeout() else None
        if site is None or generation is None:
            cached = _menu_pages(site)
        else:
            store = page_cache.page_cache()
            key = f"mainmenu.{site.pk}.{generation}"
            cached = store.get(key)
            if cached is None:
                cached = _menu_pages(site)
                store.set(key, cached, page_cache.timeout())
        request._main_menu = cached
    return cached
