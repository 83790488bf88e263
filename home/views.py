from django.core.paginator import Paginator
from django.shortcuts import render
from django.template.response import TemplateResponse

from . import search as site_search


def search(request):
    """Site search over live public pages and public documents (the rules are in home.search)."""
    query = request.GET.get("q", "").strip()[:200]
    page_results, documents = [], []
    if query:
        page_results = site_search.search_pages(query)
        documents = site_search.search_documents(query)
    # get_page() answers the first or last page for a page number that is not one.
    page_obj = Paginator(page_results, 20).get_page(request.GET.get("page"))
    results = [{"page": page, "summary": site_search.result_summary(page)} for page in page_obj]
    return TemplateResponse(
        request,
        "home/search.html",
        {"query": query, "page_obj": page_obj, "results": results, "documents": documents},
    )


def _error(template, status):
    def view(request, exception=None):
        return TemplateResponse(request, template, status=status).render()

    return view


# Generic error pages: no stack trace, settings or paths, whatever went wrong.
bad_request = _error("400.html", 400)
permission_denied = _error("403.html", 403)
page_not_found = _error("404.html", 404)


def server_error(request):
    # Rendered without context processors that could fail again.
    return render(None, "500.html", status=500)
