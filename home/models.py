from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, Site
from wagtail.search import index

from core.blocks import BaseStreamBlock
from core.cache import memoize
from core.editing import PublishSafePageForm
from core.extensions import collect_sections
from core.routing import RestrictionsFromCacheMixin
from core.translation import DefaultLanguagePageManager


class HomePage(RestrictionsFromCacheMixin, Page):
    # Wagtail's manager (every language) stays `objects`; lists of pages use `originals` (core.translation).
    objects = PageManager()
    originals = DefaultLanguagePageManager()
    base_form_class = PublishSafePageForm
    hero_heading = models.CharField(max_length=140)
    hero_text = models.TextField(blank=True)
    hero_cta_text = models.CharField(_("call-to-action text"), max_length=40, blank=True)
    hero_cta_link = models.ForeignKey(Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_cta_text"),
                FieldPanel("hero_cta_link"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text"), index.SearchField("body")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "academies.AcademyIndexPage",
        "colloquia.ColloquiumIndexPage",
        "courses.CourseIndexPage",
        "resources.ResourceIndexPage",
        "national_statistics.StatisticsPage",
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Upcoming colloquia, featured modules, recent resources: filled by feature apps.
        context["sections"] = collect_sections("colloquium_home_sections", request)
        return context


class StandardPage(RestrictionsFromCacheMixin, Page):
    """About, contact, privacy and other plain pages."""

    # Wagtail's manager (every language) stays `objects`; lists of pages use `originals` (core.translation).
    objects = PageManager()
    originals = DefaultLanguagePageManager()

    base_form_class = PublishSafePageForm

    introduction = models.TextField(blank=True)
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage", "academies.AcademyPage"]
    subpage_types = ["home.StandardPage"]


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    platform_name = models.CharField(max_length=80, default="Colloquium")
    tagline = models.CharField(max_length=160, blank=True)
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    footer_text = RichTextField(features=["bold", "italic", "link"], blank=True)
    privacy_page = models.ForeignKey(Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    panels = [
        FieldPanel("platform_name"),
        FieldPanel("tagline"),
        FieldPanel("logo"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("footer_text"),
        FieldPanel("privacy_page"),
    ]
    select_related = ["logo", "privacy_page"]

    @classmethod
    def for_request(cls, request):
        # Every page's header and footer read these: keep them under the content generation
        # (saving the settings bumps it) instead of one query per request.
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = Site.find_for_request(request)
            if site is None:
                return super().for_request(request)
            instance = memoize(f"site-settings.{site.pk}", lambda: cls.for_site(site))
            instance._request = request
            setattr(request, attr_name, instance)
        return getattr(request, attr_name)
