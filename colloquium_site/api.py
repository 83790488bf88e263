"""Wagtail API v2: public content only (live, unrestricted pages; public documents and images)."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    def get_queryset(self):
        # Documents in a collection with a view restriction stay out of the API.
        return super().get_queryset().filter(collection__view_restrictions__isnull=True)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
