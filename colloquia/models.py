"""Colloquium pages, their agendas, and the learner data around them.

Pages (edited by academy editors): ColloquiumIndexPage -> ColloquiumPage, whose
agenda is two lists of child rows (AgendaDay headings, AgendaSession items).
Sessions carry a `uid` that never changes, so attendance, calendar entries and
the revision history survive agenda edits.

Learner data (plain models with constraints): Registration, Attendance,
AgendaRevision, CalendarFeed, RestrictedMaterial. The logic lives in services.py.
"""

import secrets
import uuid
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo, available_timezones

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from accounts.roles import Role
from core.editing import PublishSafePageForm
from core.formatting import format_rupees
from core.routing import RestrictionsFromCacheMixin
from regions.models import State

from .blocks import MaterialsBlock, PeopleBlock
from .forms import ColloquiumPageForm

MHA_LIMIT = Decimal("200000")  # Rs 2 lakh per event under the MHA advisory of August 2022


class Kind(models.TextChoices):
    STATE_CONFERENCE = "state_conference", "State-level conference"
    JUDICIAL_COLLOQUIUM = "judicial_colloquium", "Judicial colloquium"
    WORKSHOP = "workshop", "Workshop"


class Category(models.TextChoices):
    """Who a place is for. The values are the account roles a participant declares."""

    HIGH_COURT_JUDGE = Role.HIGH_COURT_JUDGE.value, "High Court judges"
    DISTRICT_JUDGE = Role.DISTRICT_JUDGE.value, "District and Sessions judges"
    JUDICIAL_OFFICER = Role.JUDICIAL_OFFICER.value, "Other judicial officers"
    PROSECUTOR = Role.PROSECUTOR.value, "Public prosecutors"
    POLICE = Role.POLICE.value, "Police nodal officers (AHTU)"
    CSO = Role.CSO.value, "Civil society organisations"


class RegistrationMode(models.TextChoices):
    OPEN = "open", "Open: verified users in the audience sign up"
    APPROVAL = "approval", "By approval: the registrar approves or rejects each request"
    NOMINATION = "nomination", "By nomination only: the registrar invites nominees"


class CertificateRule(models.TextChoices):
    ALL = "all", "Attended every counted session"
    MIN_SESSIONS = "min_sessions", "Attended at least N counted sessions"
    MIN_HOURS = "min_hours", "Attended at least X hours of counted sessions"


class SessionKind(models.TextChoices):
    REGISTRATION = "registration", "Registration"
    INAUGURAL = "inaugural", "Inaugural"
    TECHNICAL = "technical", "Technical session"
    PANEL = "panel", "Panel"
    MOCK_TRIAL = "mock_trial", "Mock trial"
    BREAK = "break", "Break"
    VALEDICTORY = "valedictory", "Valedictory"


def validate_time_zone(value):
    if value not in available_timezones():
        raise ValidationError(f"“{value}” is not a known time zone. Use a name such as Asia/Kolkata.")


class ColloquiumIndexPage(RestrictionsFromCacheMixin, Page):
    """Lists colloquia: every live one under the home page, or an academy's own under its page."""

    base_form_class = PublishSafePageForm

    introduction = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage", "academies.AcademyPage"]
    subpage_types = ["colloquia.ColloquiumPage"]

    def get_context(self, request, *args, **kwargs):
        from .services import index_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(index_listing(self, request.GET))
        return context


class ColloquiumPage(RestrictionsFromCacheMixin, RoutablePageMixin, Page):
    """One colloquium or conference: details, audience and places, registration, agenda."""

    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.JUDICIAL_COLLOQUIUM)
    # Derived from the page tree on save (academies.services.academy_for_page); None for national pages.
    academy = models.ForeignKey(
        "academies.Academy", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    state = models.ForeignKey(
        State, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="State/UT"
    )
    venue = models.CharField(max_length=200)
    address = models.TextField(blank=True)
    start_date = models.DateField()
    end_date = models.DateField()
    time_zone = models.CharField(
        max_length=64,
        default="Asia/Kolkata",
        validators=[validate_time_zone],
        help_text="Session times are in this zone.",
    )
    introduction = RichTextField(features=["bold", "italic", "link", "ul", "ol"], blank=True)

    mha_supported = models.BooleanField(
        "supported under the MHA scheme", default=False, help_text="Supported under the MHA advisory of August 2022."
    )
    amount_sanctioned = models.DecimalField(
        "amount sanctioned (Rs)",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(Decimal("0")),
            MaxValueValidator(MHA_LIMIT, f"The MHA scheme supports at most {format_rupees(MHA_LIMIT)} per event."),
        ],
    )

    registration_mode = models.CharField(max_length=20, choices=RegistrationMode.choices, default=RegistrationMode.OPEN)
    registration_open = models.BooleanField(default=False)
    registration_deadline = models.DateTimeField(null=True, blank=True)
    decisions_by = models.DateField(
        "decisions by",
        null=True,
        blank=True,
        help_text="Registration by approval: the date by which the registrar will have decided on requests. "
        "Shown to people whose request is pending, and in the email confirming their request.",
    )

    certificate_rule = models.CharField(max_length=20, choices=CertificateRule.choices, default=CertificateRule.ALL)
    certificate_min_sessions = models.PositiveSmallIntegerField("at least N sessions", null=True, blank=True)
    certificate_min_hours = models.DecimalField(
        "at least X hours", max_digits=5, decimal_places=2, null=True, blank=True
    )
    attendance_opens_minutes_before = models.PositiveSmallIntegerField(
        "attendance opens (minutes before each session)",
        default=30,
        validators=[MaxValueValidator(24 * 60, "Attendance can open at most a day (1440 minutes) before a session.")],
        help_text="Registrars can record attendance, and participants can check in, from this many minutes "
        "before a session starts; not earlier.",
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
            heading="When and where",
        ),
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("mha_supported"), FieldPanel("amount_sanctioned")], heading="MHA support"),
        InlinePanel(
            "audience",
            heading="Audience and places",
            label="Category",
            help_text="Who may attend; leave places empty for no limit.",
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_mode"),
                FieldPanel("registration_open"),
                FieldPanel("registration_deadline"),
                FieldPanel("decisions_by"),
            ],
            heading="Registration",
        ),
        MultiFieldPanel(
            [
                FieldPanel("certificate_rule"),
                FieldPanel("certificate_min_sessions"),
                FieldPanel("certificate_min_hours"),
                FieldPanel("attendance_opens_minutes_before"),
            ],
            heading="Attendance and certificate",
        ),
        InlinePanel("agenda_days", heading="Agenda days", label="Day", help_text="Optional title for each day."),
        InlinePanel("sessions", heading="Agenda sessions", label="Session"),
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
        ]

    def save(self, *args, **kwargs):
        if self.path:
            from academies.services import academy_for_page

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

    def audience_roles(self):
        return [row.category for row in self.audience.all()]

    # --- Routes: thin wrappers around views.py ---

    @path("agenda.ics/")
    def agenda_ics(self, request):
        from .views import agenda_ics

        return agenda_ics(request, self)

    @path("agenda.pdf/")
    def agenda_pdf(self, request):
        from .views import agenda_pdf

        return agenda_pdf(request, self)

    @path("register/")
    def register(self, request):
        from .views import register

        return register(request, self)

    @path("withdraw/")
    def withdraw(self, request):
        from .views import withdraw

        return withdraw(request, self)

    def get_context(self, request, *args, **kwargs):
        from .services import page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(page_context(self, request.user))
        return context


class CategoryPlaces(Orderable):
    """An audience category of an event, with its quota of places (empty = no limit)."""

    page = ParentalKey(ColloquiumPage, on_delete=models.CASCADE, related_name="audience")
    category = models.CharField(max_length=30, choices=Category.choices)
    places = models.PositiveIntegerField(null=True, blank=True, help_text="Leave empty for no limit.")

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


class AgendaSession(Orderable):
    """One item of the agenda. `uid` is given once and never changes."""

    page = ParentalKey(ColloquiumPage, on_delete=models.CASCADE, related_name="sessions")
    uid = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    kind = models.CharField(max_length=20, choices=SessionKind.choices, default=SessionKind.TECHNICAL)
    title = models.CharField(max_length=255)
    date = models.DateField()
    start_time = models.TimeField()
    end_time = models.TimeField()
    room = models.CharField(max_length=120, blank=True)
    description = models.TextField(blank=True)
    counts_for_attendance = models.BooleanField(
        default=True, help_text="Whether attendance is taken and counts towards the certificate."
    )
    people = StreamField(PeopleBlock(), blank=True, verbose_name="chairs and resource persons")
    materials = StreamField(MaterialsBlock(), blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("room"),
        FieldPanel("description"),
        FieldPanel("counts_for_attendance"),
        FieldPanel("people"),
        FieldPanel("materials"),
    ]
    api_fields = [
        APIField("uid"),
        APIField("kind"),
        APIField("title"),
        APIField("date"),
        APIField("start_time"),
        APIField("end_time"),
        APIField("room"),
        APIField("description"),
        APIField("counts_for_attendance"),
        APIField("people"),
    ]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "uid"], name="colloquium_session_uid")]

    def __str__(self):
        return self.title

    def starts_at(self, zone):
        return datetime.combine(self.date, self.start_time, tzinfo=zone)

    def ends_at(self, zone):
        return datetime.combine(self.date, self.end_time, tzinfo=zone)

    @property
    def hours(self):
        minutes = (
            datetime.combine(date.min, self.end_time) - datetime.combine(date.min, self.start_time)
        ).total_seconds() / 60
        return (Decimal(int(minutes)) / Decimal(60)).quantize(Decimal("0.01"))

    def people_list(self):
        return [child.value for child in self.people]


class RegistrationStatus(models.TextChoices):
    INVITED = "invited", "Invited"
    PENDING = "pending", "Awaiting approval"
    APPROVED = "approved", "Approved"
    WAITLISTED = "waitlisted", "On the waiting list"
    REJECTED = "rejected", "Not approved"
    WITHDRAWN = "withdrawn", "Withdrawn"
    DECLINED = "declined", "Declined"


ACTIVE_STATUSES = (RegistrationStatus.PENDING, RegistrationStatus.APPROVED, RegistrationStatus.WAITLISTED)


class Registration(models.Model):
    """A person's place (or request, or invitation) at one event.

    An invited nominee may have no account yet: `user` is set when they accept.
    """

    page = models.ForeignKey(ColloquiumPage, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="colloquium_registrations",
    )
    email = models.EmailField()
    name = models.CharField(max_length=160)
    designation = models.CharField(max_length=160, blank=True)
    category = models.CharField(max_length=30, choices=Category.choices)
    status = models.CharField(max_length=20, choices=RegistrationStatus.choices)
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_note = models.TextField(blank=True)
    # Nomination
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    nominating_office = models.CharField("nominating court or office", max_length=200, blank=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    # Registrar's override of the computed certificate eligibility.
    override_eligible = models.BooleanField(null=True, blank=True)
    override_reason = models.TextField(blank=True)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    override_at = models.DateTimeField(null=True, blank=True)
    # Raised whenever this person's entries for the event change in their private calendar
    # feed (any change of status, registering again, the event unpublished or published);
    # added to the agenda version it is the entries' iCalendar SEQUENCE, which must rise.
    calendar_sequence = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "user"], condition=Q(user__isnull=False), name="colloquium_one_registration_per_user"
            ),
            models.UniqueConstraint(fields=["page", "email"], name="colloquium_one_registration_per_email"),
            models.CheckConstraint(
                condition=Q(override_eligible__isnull=True) | ~Q(override_reason=""),
                name="colloquium_override_needs_reason",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | Q(status__in=["invited", "declined"]),
                name="colloquium_account_unless_invited",
            ),
        ]
        indexes = [models.Index(fields=["page", "status", "category"])]

    def __str__(self):
        return f"{self.name} — {self.get_status_display()}"


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        ABSENT = "absent", "Absent"
        EXCUSED = "excused", "Excused"

    class Method(models.TextChoices):
        REGISTRAR = "registrar", "Marked by the registrar"
        QR = "qr", "QR self check-in"
        PAPER = "paper", "Entered from the paper sheet"

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="attendance")
    # PROTECT: the agenda form refuses to remove a session that has attendance.
    session = models.ForeignKey(AgendaSession, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(max_length=10, choices=Status.choices)
    method = models.CharField(max_length=10, choices=Method.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["registration", "session"], name="colloquium_attendance_once"),
        ]

    def __str__(self):
        return f"{self.registration.name}: {self.session.title}: {self.status}"


class AgendaRevision(models.Model):
    """A published state of the agenda. The highest version is the page's agenda_version (ICS SEQUENCE)."""

    page = models.ForeignKey(ColloquiumPage, on_delete=models.CASCADE, related_name="agenda_revisions")
    version = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    changes = models.JSONField(default=list, blank=True)
    snapshot = models.JSONField(default=dict, blank=True)
    # Whether the change was announced (shown as "Revised agenda" and emailed): registrations existed.
    announced = models.BooleanField(default=False)

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["page", "version"], name="colloquium_agenda_version_once")]

    def __str__(self):
        return f"{self.page_id} v{self.version}"


class CalendarFeed(models.Model):
    """A secret token so a calendar app can subscribe to a participant's events without signing in."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="colloquium_feed")
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Calendar feed of {self.user_id}"


class RestrictedMaterial(models.Model):
    """A document published as a participants-only material of an event (rebuilt on each publish)."""

    page = models.ForeignKey(ColloquiumPage, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "document"], name="colloquium_restricted_once")]

    def __str__(self):
        return f"Document {self.document_id} (participants of {self.page_id})"
