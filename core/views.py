from wagtail import views as wagtail_views

from .routing import route


def serve(request, path):
    """Wagtail's serve view (hooks, view restrictions, page.serve), with the page found by core.routing."""
    request._wagtail_route_for_request = route(request, path)
    return wagtail_views.serve(request, path)
