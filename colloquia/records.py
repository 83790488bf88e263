"""Agenda sessions and the learner data recorded against an event.

AgendaSession (a child row of ColloquiumPage whose `uid` never changes), Registration,
Attendance, AgendaRevision, CalendarFeed, RestrictedMaterial. They refer to the page by its
model label, so the services that work on them never import the page classes
(colloquia.models, which re-exports everything here, imports the services for the page's
context and routes).
"""

import secrets
import uuid
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable

from .blocks import MaterialsBlock, PeopleBlock
from .choices import ONLINE_MODES, Category, RegistrationStatus, SessionKind, SessionMode


def validate_meeting_link(value):
    """A meeting address must be https: the link carries the meeting's passcode in most platforms."""
    if value and not value.startswith("https://"):
        raise ValidationError(_("Give the meeting's secure address, starting with https://."))


class AgendaSession(Orderable):
    """One item of the agenda. `uid` is given once and never changes."""

    page = ParentalKey("colloquia.ColloquiumPage", on_delete=models.CASCADE, related_name="sessions")
    uid = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    kind = models.CharField(max_length=20, choices=SessionKind.choices, default=SessionKind.TECHNICAL)
    title = models.CharField(max_length=255)
    date = models.DateField()
    start_time = models.TimeField()
    end_time = models.TimeField()
    room = models.CharField(max_length=120, blank=True)
    mode = models.CharField(max_length=10, choices=SessionMode.choices, default=SessionMode.IN_PERSON)
    # Shown only to the event's approved participants (colloquia.services.meeting_links): never in
    # api_fields, search, the public agenda, its PDF/ICS or the cached page.
    meeting_link = models.URLField(
        max_length=500,
        blank=True,
        validators=[validate_meeting_link],
        help_text=_(
            "For an online or hybrid session: the https:// address of the meeting (Zoom, Teams, Meet...). "
            "Only approved participants see it."
        ),
    )
    description = models.TextField(blank=True)
    counts_for_attendance = models.BooleanField(
        default=True, help_text=_("Whether attendance is taken and counts towards the certificate.")
    )
    people = StreamField(PeopleBlock(), blank=True, verbose_name=_("chairs and resource persons"))
    materials = StreamField(MaterialsBlock(), blank=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldRowPanel([FieldPanel("room"), FieldPanel("mode")]),
        FieldPanel("meeting_link"),
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
        APIField("mode"),
        APIField("description"),
        APIField("counts_for_attendance"),
        APIField("people"),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "uid"], name="colloquium_session_uid"),
            models.CheckConstraint(
                condition=Q(meeting_link="") | Q(meeting_link__startswith="https://"),
                name="colloquium_meeting_link_https",
            ),
            models.CheckConstraint(
                condition=Q(meeting_link="") | Q(mode__in=[mode.value for mode in ONLINE_MODES]),
                name="colloquium_meeting_link_online_only",
            ),
        ]

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

    @property
    def is_online(self):
        """Whether people may attend online (an online or hybrid session)."""
        return self.mode in ONLINE_MODES

    def people_list(self):
        return [child.value for child in self.people]


class Registration(models.Model):
    """A person's place (or request, or invitation) at one event.

    An invited nominee may have no account yet: `user` is set when they accept.
    """

    page = models.ForeignKey("colloquia.ColloquiumPage", on_delete=models.CASCADE, related_name="registrations")
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
    nominating_office = models.CharField(_("nominating court or office"), max_length=200, blank=True)
    invited_at = models.DateTimeField(null=True, blank=True)
    # An invitation not accepted by then lapses (colloquia.services.invitations).
    accept_by = models.DateTimeField(_("accept by"), null=True, blank=True)
    # The invitation keeps a place of its category until it is answered or lapses; the places
    # still free when it was sent are held this way, later invitations wait for one to free up.
    holds_place = models.BooleanField(default=False, editable=False)
    # The order of the waiting list of its category (lower goes first), set on joining the list
    # and changed when the registrar reorders it; people see their number on the list, computed
    # from it (colloquia.services.waitlist_position).
    waitlist_rank = models.PositiveIntegerField(_("waiting list order"), null=True, blank=True, editable=False)
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
                condition=Q(user__isnull=False) | Q(status__in=["invited", "declined", "lapsed"]),
                name="colloquium_account_unless_invited",
            ),
            models.CheckConstraint(
                condition=Q(status="waitlisted", waitlist_rank__isnull=False)
                | (~Q(status="waitlisted") & Q(waitlist_rank__isnull=True)),
                name="colloquium_waitlist_rank_while_waiting",
            ),
            models.CheckConstraint(
                condition=Q(holds_place=False) | Q(status="invited"), name="colloquium_only_invitations_hold_places"
            ),
        ]
        indexes = [
            models.Index(fields=["page", "status", "category"]),
            models.Index(fields=["status", "accept_by"], name="colloquium_invitation_due"),
        ]

    def __str__(self):
        return f"{self.name} — {self.get_status_display()}"


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent")
        EXCUSED = "excused", _("Excused")

    class Method(models.TextChoices):
        REGISTRAR = "registrar", _("Marked by the registrar")
        QR = "qr", _("QR self check-in")
        PAPER = "paper", _("Entered from the paper sheet")
        ONLINE = "online", _("From the online meeting's report")

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

    page = models.ForeignKey("colloquia.ColloquiumPage", on_delete=models.CASCADE, related_name="agenda_revisions")
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

    page = models.ForeignKey("colloquia.ColloquiumPage", on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "document"], name="colloquium_restricted_once")]

    def __str__(self):
        return f"Document {self.document_id} (participants of {self.page_id})"
