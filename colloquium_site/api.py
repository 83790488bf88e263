"""Wagtail API v2: public content only (live, unrestricted pages; public documents and images).

Every endpoint answers a malformed query parameter with 400 and a message, as Wagtail's API does
for the parameters it checks itself: the classes below check the ones it passes on unchecked
(the `?search=` text, `find/?id=`) and keep `?offset=` past the end away from the database.
A NUL character in any parameter is refused before it gets here (core.null_bytes).
"""

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from core.search import plain_text_query


class OffsetPagination(WagtailPagination):
    """Wagtail's `?offset=`/`?limit=` paging; an offset at or past the end gives an empty page.

    Such an offset is never sent to the database: one larger than its integers (2**63 and up)
    would fail there instead of finding nothing.
    """

    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)  # checks offset and limit, counts
        if int(request.GET.get("offset", 0)) >= self.total_count:
            return []
        return page


class PlainTextSearchFilter(SearchFilter):
    """Wagtail's `?search=` over the words of the text (core.search), never the backend's query syntax."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        operator = request.GET.get("search_operator") or PlainText.DEFAULT_OPERATOR
        try:
            query = plain_text_query(request.GET["search"], operator=operator)
        except ValueError as error:
            raise BadRequestError("search_operator must be 'and' or 'or'") from error
        # Wagtail's filter makes its checks (search switched off, search with a tag filter, a filter
        # or order on a field that is not indexed) and answers 400 for them. Search results are lazy:
        # the ones it builds from the raw text are never run.
        super().filter_queryset(request, queryset, view)
        if query is None:
            return queryset.none()
        return get_search_backend().search(query, queryset, order_by_relevance="order" not in request.GET)


class CheckedParametersMixin:
    """Query parameters Wagtail passes to the database as they came, checked first."""

    def find_object(self, queryset, request):
        # `find/?id=` must be a whole number.
        if "id" in request.GET:
            try:
                if int(request.GET["id"]) < 0:
                    raise ValueError
            except ValueError as error:
                raise BadRequestError("id must be a positive integer") from error
        return super().find_object(queryset, request)


class PublicPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    pagination_class = OffsetPagination
    filter_backends = [PlainTextSearchFilter if f is SearchFilter else f for f in PagesAPIViewSet.filter_backends]


class PublicImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    pagination_class = OffsetPagination
    filter_backends = [PlainTextSearchFilter if f is SearchFilter else f for f in ImagesAPIViewSet.filter_backends]


class PublicDocumentsAPIViewSet(CheckedParametersMixin, DocumentsAPIViewSet):
    pagination_class = OffsetPagination
    filter_backends = [PlainTextSearchFilter if f is SearchFilter else f for f in DocumentsAPIViewSet.filter_backends]

    def get_queryset(self):
        # Documents in a collection with a view restriction stay out of the API. Filtered on the
        # document's own `collection` (an indexed filter field), so `?search=` can run on it too.
        public_collections = Collection.objects.filter(view_restrictions__isnull=True)
        return super().get_queryset().filter(collection__in=public_collections)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
