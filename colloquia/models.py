"""Colloquium pages and their agendas.

Pages (edited by academy editors): ColloquiumIndexPage -> ColloquiumPage, whose
agenda is two lists of child rows (AgendaDay headings, AgendaSession items).
Sessions carry a `uid` that never changes, so attendance, calendar entries and
the revision history survive agenda edits.

The sessions and the learner data (plain models with constraints: Registration,
Attendance, AgendaRevision, CalendarFeed, RestrictedMaterial) are in records.py, the
fixed lists in choices.py; both are re-exported here. The logic lives in the services
package; the page's context comes from it and its routes are in routes.py.
"""

from decimal import Decimal
from zoneinfo import ZoneInfo, available_timezones

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from academies.services import academy_for_page
from core.editing import PublishSafePageForm
from core.extensions import collect_sections
from core.formatting import format_date_span, format_rupees
from core.routing import RestrictionsFromCacheMixin
from core.translation import DefaultLanguagePageManager
from regions.models import State

from . import routes
from .choices import (
    ACTIVE_STATUSES,
    Category,
    CertificateRule,
    Kind,
    RegistrationMode,
    RegistrationStatus,
    SessionKind,
    SessionMode,
)
from .extensions import EVENT_PANELS, EVENT_SECTIONS, PanelsFromHook, mha_support
from .forms import ColloquiumPageForm
from .records import AgendaRevision, AgendaSession, Attendance, CalendarFeed, Registration, RestrictedMaterial
from .services import archive_listing, archived_year, page_context, upcoming_listing

__all__ = [
    "ACTIVE_STATUSES",
    "MHA_LIMIT",
    "AgendaDay",
    "AgendaRevision",
    "AgendaSession",
    "Attendance",
    "CalendarFeed",
    "Category",
    "CategoryPlaces",
    "CertificateRule",
    "ColloquiumIndexPage",
    "ColloquiumPage",
    "Kind",
    "Registration",
    "RegistrationMode",
    "RegistrationStatus",
    "RestrictedMaterial",
    "SessionKind",
    "SessionMode",
    "validate_time_zone",
]

MHA_LIMIT = Decimal("200000")  # MHA support per State-level event, to which the August 2022 advisory reminded States


def validate_time_zone(value):
    if value not in available_timezones():
        raise ValidationError(
            _("“%(zone)s” is not a known time zone. Use a name such as Asia/Kolkata."), params={"zone": value}
        )


class ColloquiumIndexPage(RestrictionsFromCacheMixin, RoutablePageMixin, Page):
    """Lists colloquia: every live one under the home page, or an academy's own under its page.

    The page itself lists the events that have not ended; its `archive/` and `archive/<year>/`
    routes list those that have (colloquia.services.listing). Both are paginated.
    """

    # Wagtail's manager (every language) stays `objects`; lists of pages use `originals` (core.translation).
    objects = PageManager()
    originals = DefaultLanguagePageManager()

    base_form_class = PublishSafePageForm

    introduction = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage", "academies.AcademyPage"]
    subpage_types = ["colloquia.ColloquiumPage"]

    def live_events(self):
        """Every live public colloquium of the site; the listing narrows it to this index's own."""
        return ColloquiumPage.originals.live().public().select_related("academy", "state")

    @path("", name="upcoming")
    def upcoming(self, request):
        # `?year=` of a year that is over: those events are in the archive (the other filters go along).
        year = archived_year(request.GET)
        if year is not None:
            params = request.GET.copy()
            for key in ("year", "page"):
                params.pop(key, None)
            target = self.url + self.reverse_subpage("archive_year", kwargs={"year": year})
            return redirect(f"{target}?{params.urlencode()}" if params else target, permanent=True)
        return self.render(request, context_overrides=upcoming_listing(self, request.GET, path=request.path))

    @path("archive/", name="archive")
    @path("archive/<int:year>/", name="archive_year")
    def archive(self, request, year=None):
        if year is not None and not 1 <= year <= 9999:
            raise Http404("Not a year.")
        return self.render(
            request,
            template="colloquia/colloquium_archive.html",
            context_overrides=archive_listing(self, request.GET, year=year, path=request.path),
        )


class ColloquiumPage(RestrictionsFromCacheMixin, RoutablePageMixin, Page):
    """One colloquium or conference: details, audience and places, registration, agenda."""

    # Wagtail's manager (every language) stays `objects`; lists of pages use `originals` (core.translation).
    objects = PageManager()
    originals = DefaultLanguagePageManager()

    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.JUDICIAL_COLLOQUIUM)
    # Derived from the page tree on save (academies.services.academy_for_page); None for national pages.
    academy = models.ForeignKey(
        "academies.Academy", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    state = models.ForeignKey(
        State, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("State/UT")
    )
    venue = models.CharField(max_length=200)
    address = models.TextField(blank=True)
    start_date = models.DateField()
    end_date = models.DateField()
    time_zone = models.CharField(
        max_length=64,
        default="Asia/Kolkata",
        validators=[validate_time_zone],
        help_text=_("Session times are in this zone."),
    )
    introduction = RichTextField(features=["bold", "italic", "link", "ul", "ol"], blank=True)

    mha_supported = models.BooleanField(
        _("supported under the MHA scheme"),
        default=False,
        help_text=_(
            "The MHA's support (up to Rs 2 lakh) for a State-level event, through the State Government or High Court."
        ),
    )
    amount_sanctioned = models.DecimalField(
        _("amount sanctioned (Rs)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal("0")),
            MaxValueValidator(
                MHA_LIMIT,
                format_lazy(_("The MHA scheme supports at most {amount} per event."), amount=format_rupees(MHA_LIMIT)),
            ),
        ],
    )

    registration_mode = models.CharField(max_length=20, choices=RegistrationMode.choices, default=RegistrationMode.OPEN)
    registration_open = models.BooleanField(default=False)
    registration_deadline = models.DateTimeField(null=True, blank=True)
    decisions_by = models.DateField(
        _("decisions by"),
        null=True,
        blank=True,
        help_text=_(
            "Registration by approval: the date by which the registrar will have decided on requests. "
            "Shown to people whose request is pending, and in the email confirming their request."
        ),
    )

    certificate_rule = models.CharField(max_length=20, choices=CertificateRule.choices, default=CertificateRule.ALL)
    certificate_min_sessions = models.PositiveSmallIntegerField(_("at least N sessions"), null=True, blank=True)
    certificate_min_hours = models.DecimalField(
        _("at least X hours"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    attendance_opens_minutes_before = models.PositiveSmallIntegerField(
        _("attendance opens (minutes before each session)"),
        default=30,
        validators=[
            MaxValueValidator(24 * 60, _("Attendance can open at most a day (1440 minutes) before a session."))
        ],
        help_text=_(
            "Registrars can record attendance, and participants can check in, from this many minutes "
            "before a session starts; not earlier."
        ),
    )
    online_attendance_threshold = models.PositiveSmallIntegerField(
        _("online attendance threshold (%)"),
        default=75,
        validators=[
            MinValueValidator(1, _("The threshold is at least 1%.")),
            MaxValueValidator(100, _("The threshold is at most 100%.")),
        ],
        help_text=_(
            "An online participant counts as present at a session when the meeting's attendance report "
            "shows them in it for at least this share of the session's length."
        ),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("state"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("time_zone"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("mha_supported"), FieldPanel("amount_sanctioned")], heading=_("MHA support")),
        InlinePanel(
            "audience",
            heading=_("Audience and places"),
            label=_("Category"),
            help_text=_("Who may attend; leave places empty for no limit."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_mode"),
                FieldPanel("registration_open"),
                FieldPanel("registration_deadline"),
                FieldPanel("decisions_by"),
            ],
            heading=_("Registration"),
        ),
        # What other apps add to the event, such as its registration questions (colloquia.extensions).
        PanelsFromHook(EVENT_PANELS),
        MultiFieldPanel(
            [
                FieldPanel("certificate_rule"),
                FieldPanel("certificate_min_sessions"),
                FieldPanel("certificate_min_hours"),
                FieldPanel("attendance_opens_minutes_before"),
                FieldPanel("online_attendance_threshold"),
            ],
            heading=_("Attendance and certificate"),
        ),
        InlinePanel(
            "agenda_days", heading=_("Agenda days"), label=_("Day"), help_text=_("Optional title for each day.")
        ),
        InlinePanel("sessions", heading=_("Agenda sessions"), label=_("Session")),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("venue")]
    api_fields = [
        APIField("kind"),
        APIField("state"),
        APIField("venue"),
        APIField("address"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("time_zone"),
        APIField("mha_supported"),
        APIField("registration_mode"),
        APIField("registration_open"),
        APIField("agenda_version"),
        APIField("agenda_days"),
        APIField("sessions"),
    ]

    base_form_class = ColloquiumPageForm
    parent_page_types = ["colloquia.ColloquiumIndexPage"]
    subpage_types = []

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_sanctioned__isnull=True) | Q(amount_sanctioned__lte=MHA_LIMIT),
                name="colloquium_mha_limit",
            ),
            models.CheckConstraint(condition=Q(end_date__gte=models.F("start_date")), name="colloquium_dates_order"),
            models.CheckConstraint(
                condition=Q(online_attendance_threshold__gte=1, online_attendance_threshold__lte=100),
                name="colloquium_online_threshold_percent",
            ),
        ]

    def save(self, *args, **kwargs):
        if self.path:
            self.academy = academy_for_page(self)
        return super().save(*args, **kwargs)

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @cached_property
    def agenda_version(self):
        latest = self.agenda_revisions.order_by("-version").values_list("version", flat=True).first()
        return latest or 1

    @property
    def is_past(self):
        return self.end_date < timezone.localdate()

    @cached_property
    def dates_label(self):
        """ "5 Mar 2026 – 6 Mar 2026": formatted once however often a listing card prints it."""
        return format_date_span(self.start_date, self.end_date)

    def audience_roles(self):
        return [row.category for row in self.audience.all()]

    # --- Routes: each hands the request to routes.py ---
    # RoutablePageMixin resolves what follows the page's URL with a "/" appended, so
    # `<page url>agenda.ics` (no slash; colloquium_site.urls sends it to the page serve view)
    # matches "agenda.ics/".

    @path("agenda.ics/")
    def agenda_ics(self, request):
        return routes.agenda_ics(request, self)

    @path("agenda.pdf/")
    def agenda_pdf(self, request):
        return routes.agenda_pdf(request, self)

    @path("register/")
    def register(self, request):
        return routes.register(request, self)

    @path("withdraw/")
    def withdraw(self, request):
        return routes.withdraw(request, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(self, request.user))
        context["event_sections"] = collect_sections(EVENT_SECTIONS, request, page=self)
        context["mha_support"] = mha_support(self)
        return context


class CategoryPlaces(Orderable):
    """An audience category of an event, with its quota of places (empty = no limit)."""

    page = ParentalKey(ColloquiumPage, on_delete=models.CASCADE, related_name="audience")
    category = models.CharField(max_length=30, choices=Category.choices)
    places = models.PositiveIntegerField(null=True, blank=True, help_text=_("Leave empty for no limit."))

    panels = [FieldRowPanel([FieldPanel("category"), FieldPanel("places")])]

    # No unique constraint: modelcluster saves new rows before deleting removed ones, so an
    # editor swapping rows would hit it. The page form refuses a category listed twice.

    def __str__(self):
        return f"{self.get_category_display()}: {self.places or 'no limit'}"


class AgendaDay(Orderable):
    """A heading for one day of the agenda ("Day 1: The law after BNS")."""

    page = ParentalKey(ColloquiumPage, on_delete=models.CASCADE, related_name="agenda_days")
    date = models.DateField()
    title = models.CharField(max_length=200, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("title")])]
    api_fields = [APIField("date"), APIField("title")]

    def __str__(self):
        return f"{self.date:%d %b %Y} {self.title}".strip()
