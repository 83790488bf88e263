from django import template
from wagtail.models import Site

from core.cache import memoize

register = template.Library()


def _menu_pages(site):
    return list(site.root_page.get_children().live().in_menu().public()) if site else []


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Live top-level pages marked 'show in menus', in tree order.

    Every page shows the menu, signed in or not, so it is kept in the cache under the content
    generation (core.cache): publishing, moving or deleting a page starts a new generation, and
    the menu is read again.
    """
    request = context.get("request")
    if request is None:
        return []
    if not hasattr(request, "_main_menu"):
        site = Site.find_for_request(request)
        request._main_menu = memoize(f"main-menu.{site.pk}", lambda: _menu_pages(site)) if site else []
    return request._main_menu
