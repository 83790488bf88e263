from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page


def search(request):
    """Site search over live public pages and public documents."""
    query = request.GET.get("q", "").strip()[:200]
    page_results = Page.objects.none()
    documents = []
    if query:
        page_results = Page.objects.live().public().specific().search(query)
        # Documents in a collection with a view restriction are private: never listed.
        public_collections = Collection.objects.filter(view_restrictions__isnull=True)
        documents = list(get_document_model().objects.filter(collection__in=public_collections).search(query)[:10])
    page_obj = Paginator(page_results, 20).get_page(request.GET.get("page"))
    return TemplateResponse(request, "home/search.html", {"query": query, "page_obj": page_obj, "documents": documents})


def _error(template, status):
    def view(request, exception=None):
        return TemplateResponse(request, template, status=status).render()

    return view


# Generic error pages: no stack trace, settings or paths, whatever went wrong.
bad_request = _error("400.html", 400)
permission_denied = _error("403.html", 403)
page_not_found = _error("404.html", 404)


def server_error(request):
    from django.shortcuts import render

    # Rendered without context processors that could fail again.
    return render(None, "500.html", status=500)
