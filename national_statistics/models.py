"""The public statistics page: the national picture of who was trained where.

A Wagtail page, so editors place it and introduce it; its figures come from
national_statistics.figures (no personal data, small groups left out) and its routes give the
same figures as CSV and JSON.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager

from core.editing import PublishSafePageForm
from core.routing import PublicPageMixin
from core.translation import DefaultLanguagePageManager

from . import routes


class StatisticsPage(PublicPageMixin, RoutablePageMixin, Page):
    """Events held, participants by category, training hours, module completions and certificates,
    for every academy together, filtered by year and State/UT, with charts, tables and downloads."""

    # Wagtail's manager (every language) stays `objects`; lists of pages use `originals` (core.translation).
    objects = PageManager()
    originals = DefaultLanguagePageManager()

    base_form_class = PublishSafePageForm

    introduction = RichTextField(features=["bold", "italic", "link", "ul"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("statistics page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(routes.page_context(self, request))
        return context

    @path("download/csv/")
    def download_csv(self, request):
        return routes.csv_download(self, request)

    @path("download/json/")
    def download_json(self, request):
        return routes.json_download(self, request)


__all__ = ["StatisticsPage"]
