"""One page of a public listing, and the links that go with it: every listing uses `paginate`.

A page costs the same at 30 or 30,000 items: hand `paginate` a queryset (ordered), never a list,
so the database counts the items once and returns only the page's rows. What the visitor chose
(filters, search words) stays in every link; only `page` changes. A `?page=` that is not a whole
number shows the first page, and a whole number outside the pages (0, negative, past the end) the
last (Django's `Paginator.get_page`): never an error, and the navigation says which page is shown.

Templates show the navigation with `{% include "core/includes/pagination.html" %}` and
base.html puts `<link rel="prev">` / `<link rel="next">` in the head, both from the
`pagination` the listing puts in its context.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import QueryDict
from wagtail.models import Page

from .translation import localize_pages

__all__ = ["PAGE_PARAMETER", "PageLink", "Pagination", "paginate"]

PAGE_PARAMETER = "page"


@dataclass(frozen=True)
class PageLink:
    """One entry of the page list: a numbered link, or a gap ("…") when `number` is None."""

    number: int | None
    url: str = ""
    current: bool = False


@dataclass(frozen=True)
class Pagination:
    """The page shown (`items`, a list) and the links around it."""

    items: list
    number: int
    num_pages: int
    count: int
    start_index: int
    end_index: int
    previous_url: str
    next_url: str
    links: tuple

    @property
    def has_other_pages(self):
        return self.num_pages > 1


def paginate(items, params, per_page, *, path="", on_each_side=2, on_ends=1):
    """Page `params["page"]` of `items` (an ordered queryset, or a sequence), `per_page` a page.

    `params` is the request's GET (a QueryDict): every parameter but `page` is kept, blank ones
    left out, in the links, which start with `path` (the listing's own address).
    """
    paginator = Paginator(items, per_page)
    page = paginator.get_page(params.get(PAGE_PARAMETER))
    kept = QueryDict(mutable=True)
    for key, values in params.lists():
        if key != PAGE_PARAMETER:
            kept.setlist(key, [value for value in values if value.strip()])

    def url(number):
        query = kept.copy()
        if number > 1:  # page 1 has the listing's own address
            query[PAGE_PARAMETER] = str(number)
        encoded = query.urlencode()
        return f"{path}?{encoded}" if encoded else (path or "?")

    links = tuple(
        PageLink(None) if number == Paginator.ELLIPSIS else PageLink(number, url(number), number == page.number)
        for number in paginator.get_elided_page_range(page.number, on_each_side=on_each_side, on_ends=on_ends)
    )
    items = list(page.object_list)
    if items and isinstance(items[0], Page):
        localize_pages(items)  # a listing of pages shows each in the reader's language (core.translation)
    return Pagination(
        items=items,
        number=page.number,
        num_pages=paginator.num_pages,
        count=paginator.count,
        start_index=page.start_index(),
        end_index=page.end_index(),
        previous_url=url(page.previous_page_number()) if page.has_previous() else "",
        next_url=url(page.next_page_number()) if page.has_next() else "",
        links=links,
    )
