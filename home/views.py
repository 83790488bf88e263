from django.shortcuts import render
from django.template.response import TemplateResponse

from core.pagination import paginate

from . import search as site_search

RESULTS_PER_PAGE = 20


def search(request):
    """Site search over live public pages and public documents (the rules are in home.search)."""
    query = request.GET.get("q", "").strip()[:200]
    page_results = site_search.search_pages(query) if query else []
    # A page number that is not a whole number shows the first page, one outside the pages the last.
    pagination = paginate(page_results, request.GET, RESULTS_PER_PAGE, path=request.path)
    results = [{"page": page, "summary": site_search.result_summary(page)} for page in pagination.items]
    # Documents are listed once, under the first page of results.
    documents = site_search.search_documents(query) if query and pagination.number == 1 else []
    return TemplateResponse(
        request,
        "home/search.html",
        {"query": query, "pagination": pagination, "results": results, "documents": documents},
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
