from django.contrib.auth.models import Group
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Collection, Orderable, Page, PageManager
from wagtail.search import index

from core.editing import PublishSafePageForm
from core.extensions import collect_sections
from core.pagination import paginate
from core.routing import RestrictionsFromCacheMixin
from core.translation import DefaultLanguagePageManager
from regions.models import HighCourt, State


class Academy(index.Indexed, ClusterableModel):
    """A judicial academy (State academy, or the national one) that runs training.

    Creating one provisions its section of the page tree, its document collection
    and its staff groups (see services.provision_academy).
    """

    name = models.CharField(max_length=160, unique=True)
    short_code = models.CharField(
        max_length=10,
        unique=True,
        validators=[
            RegexValidator(r"^[A-Z][A-Z0-9]{1,9}$", _("2-10 capital letters or digits, starting with a letter."))
        ],
        help_text=_(
            "Used in certificate serial numbers, e.g. JSJA-2026-000123. Cannot change once certificates exist."
        ),
    )
    states = models.ManyToManyField(State, related_name="academies", verbose_name=_("States/UTs served"))
    high_court = models.ForeignKey(
        HighCourt,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="academies",
        help_text=_("The High Court it works under. Leave empty for a national academy."),
    )
    is_national = models.BooleanField(default=False)
    address = models.TextField(blank=True)
    logo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    website = models.URLField(blank=True)
    about = RichTextField(features=["bold", "italic", "link", "ul"], blank=True)

    # Provisioned pieces; not edited by hand.
    page = models.OneToOneField(
        "academies.AcademyPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    collection = models.ForeignKey(
        Collection, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    editors_group = models.OneToOneField(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    moderators_group = models.OneToOneField(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    registrars_group = models.OneToOneField(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    # Keeps the MHA support record of the academy's events (support app), beside its registrars.
    finance_group = models.OneToOneField(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_code"),
        FieldPanel("is_national"),
        FieldPanel("states"),
        FieldPanel("high_court"),
        FieldPanel("about"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("website")],
            heading=_("Contact"),
        ),
        FieldPanel("logo"),
        InlinePanel("signatories", heading=_("Signatories for certificates"), label=_("Signatory")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("short_code")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("academies")
        permissions = [("manage_all_academies", _("Can act for every academy (platform administrators)"))]

    def __str__(self):
        return self.name


class Signatory(Orderable):
    academy = ParentalKey(Academy, on_delete=models.CASCADE, related_name="signatories")
    name = models.CharField(max_length=120)
    designation = models.CharField(max_length=160)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A scan of the signature on a transparent or white background."),
    )

    panels = [FieldPanel("name"), FieldPanel("designation"), FieldPanel("signature")]

    def __str__(self):
        return f"{self.name}, {self.designation}"


ACADEMIES_PER_PAGE = 30


class AcademyIndexPage(RestrictionsFromCacheMixin, Page):
    """Lists every academy on the platform, filterable by State/UT."""

    # Wagtail's manager (every language) stays `objects`; lists of pages use `originals` (core.translation).
    objects = PageManager()
    originals = DefaultLanguagePageManager()

    base_form_class = PublishSafePageForm

    introduction = models.TextField(blank=True)
    content_panels = Page.content_panels + [FieldPanel("introduction")]

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["academies.AcademyPage"]

    def listed_academies(self, state_code=""):
        """Academies whose page is live, national first; for a State/UT code, those serving it."""
        academies = (
            Academy.objects.filter(page__live=True).select_related("page", "high_court").prefetch_related("states")
        )
        if state_code:
            # A national academy serves every State/UT.
            academies = academies.filter(Q(states__code=state_code) | Q(is_national=True))
        return academies.order_by("-is_national", "name").distinct()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        state_code = request.GET.get("state", "")
        pagination = paginate(
            self.listed_academies(state_code=state_code), request.GET, ACADEMIES_PER_PAGE, path=request.path
        )
        context["pagination"] = pagination
        context["academies"] = pagination.items
        context["states"] = State.objects.all()
        context["selected_state"] = state_code
        return context


class AcademyPage(RestrictionsFromCacheMixin, Page):
    """An academy's own section of the site: its colloquia and modules live below it."""

    # Wagtail's manager (every language) stays `objects`; lists of pages use `originals` (core.translation).
    objects = PageManager()
    originals = DefaultLanguagePageManager()

    base_form_class = PublishSafePageForm

    introduction = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["academies.AcademyIndexPage"]
    subpage_types = ["home.StandardPage", "courses.CourseIndexPage", "colloquia.ColloquiumIndexPage"]

    @property
    def academy(self):
        """The academy this page belongs to, with what its page shows loaded at once: its High Court and
        logo in the same query, its States in one more."""
        academy = Academy.objects.filter(page=self).select_related("high_court", "logo").prefetch_related("states")
        academy = academy.first()
        if academy is not None:
            academy.page = self  # the sections that link to the academy's page need not load it again
        return academy

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        academy = self.academy
        context["academy_record"] = academy
        context["sections"] = (
            collect_sections("colloquium_academy_sections", request, academy=academy) if academy else []
        )
        return context
