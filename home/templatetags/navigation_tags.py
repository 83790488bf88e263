from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Live top-level pages marked 'show in menus', in tree order. One query, cached per request."""
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_main_menu", None)
    if cached is None:
        site = Site.find_for_request(request)
        cached = list(site.root_page.get_children().live().in_menu().public()) if site else []
        request._main_menu = cached
    return cached
