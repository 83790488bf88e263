"""The resources app's models: the public library page, with the library's records (`records.py`) re-exported.

`ResourceIndexPage` serves the listing with filters and search, resource detail and organisation pages as
routes of one routable page. The records never import the page, so `services` (which works on the records)
is imported here for the routes without an import loop."""

from django.db import models
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageManager

from core.cache import depends_on
from core.editing import PublishSafePageForm
from core.pagination import paginate
from core.routing import RestrictionsFromCacheMixin
from core.translation import DefaultLanguagePageManager
from regions.models import State

from . import services
from .choices import Language, ResourceType
from .display import library_cards, moved_permanently, version_context
from .records import (
    ModerationDecision,
    Organisation,
    OrganisationMember,
    Resource,
    ResourceFile,
    ResourceVersion,
    Topic,
)

__all__ = [
    "Organisation",
    "OrganisationMember",
    "Topic",
    "Resource",
    "ResourceVersion",
    "ResourceFile",
    "ModerationDecision",
    "ResourceIndexPage",
]

PAGE_SIZE = 20


class ResourceIndexPage(RestrictionsFromCacheMixin, RoutablePageMixin, Page):
    """The public library: listing with filters and search, detail and organisation pages."""

    # Wagtail's manager (every language) stays `objects`; lists of pages use `originals` (core.translation).
    objects = PageManager()
    originals = DefaultLanguagePageManager()

    base_form_class = PublishSafePageForm

    introduction = models.TextField(blank=True)
    content_panels = Page.content_panels + [FieldPanel("introduction")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    @path("")
    def listing(self, request):
        resources = services.public_resources()
        filters = {
            "topic": request.GET.get("topic", "")[:40],
            "type": request.GET.get("type", "")[:20],
            "language": request.GET.get("language", "")[:10],
            "state": request.GET.get("state", "")[:4],
            "organisation": request.GET.get("organisation", "")[:200],
        }
        query = request.GET.get("q", "").strip()[:200]
        if filters["topic"]:
            resources = resources.filter(live_version__topics__code=filters["topic"])
        if filters["type"]:
            resources = resources.filter(live_version__resource_type=filters["type"])
        if filters["language"]:
            resources = resources.filter(live_version__language=filters["language"])
        if filters["state"]:
            resources = resources.filter(live_version__states__code=filters["state"])
        if filters["organisation"]:
            resources = resources.filter(organisation__slug=filters["organisation"])
        # No DISTINCT: each filter names one topic or State (their codes are unique), so no resource
        # appears twice; DISTINCT made the database compare every matching row, whole, for each page.
        resources = services.search_public(resources, query)
        pagination = paginate(resources, request.GET, PAGE_SIZE, path=request.path)
        return TemplateResponse(
            request,
            "resources/resource_index_page.html",
            {
                "page": self,
                "pagination": pagination,
                "resources": library_cards(pagination.items, self),
                "query": query,
                "filters": filters,
                "topics": Topic.objects.all(),
                "types": ResourceType.choices,
                "languages": Language.choices,
                "states": State.objects.all(),
                # Exists, not a join made DISTINCT: one index probe per organisation, not a pass over every resource.
                "organisations": Organisation.objects.filter(verified=True)
                .filter(Exists(Resource.objects.public().filter(organisation=OuterRef("pk"))))
                .only("name", "slug"),
                "upload_gate": services.upload_gate(request.user),
            },
        )

    @path("<int:pk>-<slug:slug>/", name="detail")
    def detail(self, request, pk, slug):
        depends_on(services.PUBLIC_RESOURCES_TAG)
        resource = get_object_or_404(
            Resource.objects.select_related("organisation", "live_version", "latest_version"), pk=pk
        )
        live = resource.live_version if resource.organisation.verified else None
        latest = resource.latest_version
        private_view = False
        if live is not None:
            version = live
        elif latest is not None and services.can_view_version(request.user, latest):
            version, private_view = latest, True
        else:
            raise Http404
        # One address per resource: any other slug (a typo, an earlier title) moves to it, once
        # the visitor may see the resource, so a redirect tells nobody else it exists.
        if slug != resource.slug:
            return moved_permanently(request, resource.get_url(self))
        pending = None
        if latest is not None and latest.pk != version.pk and services.can_view_version(request.user, latest):
            pending = latest
        context = {
            "page": self,
            "index_page": self,
            "resource": resource,
            "private_view": private_view,
            "pending_version": pending,
            "can_edit": services.can_edit(request.user, resource),
            "organisation_url": self.url
            + self.reverse_subpage("organisation", kwargs={"slug": resource.organisation.slug}),
            **version_context(version),
        }
        return TemplateResponse(request, "resources/resource_detail.html", context)

    @path("organisations/<slug:slug>/", name="organisation")
    def organisation(self, request, slug):
        depends_on(services.PUBLIC_RESOURCES_TAG)
        organisation = get_object_or_404(Organisation, slug=slug)
        if not organisation.verified:
            raise Http404
        resources = Resource.objects.public().filter(organisation=organisation).with_live()
        pagination = paginate(resources, request.GET, PAGE_SIZE, path=request.path)
        return TemplateResponse(
            request,
            "resources/organisation.html",
            {
                "page": self,
                "organisation": organisation,
                "pagination": pagination,
                "resources": library_cards(pagination.items, self),
                "index_page": self,
            },
        )
