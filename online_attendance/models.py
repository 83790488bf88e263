"""An online attendance import: one uploaded meeting report for one session, kept as its audit record.

The report's rows are kept (as text, at most `parsing.MAX_ROWS`) from the upload until the
registrar confirms or discards it, so the preview and the column mapping need no second upload;
nothing is recorded before confirming. The counts say what the confirmation did.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AttendanceImport(models.Model):
    class Status(models.TextChoices):
        MAPPING = "mapping", _("Columns to choose")
        PREVIEW = "preview", _("Awaiting confirmation")
        CONFIRMED = "confirmed", _("Attendance recorded")
        DISCARDED = "discarded", _("Discarded")

    page = models.ForeignKey("colloquia.ColloquiumPage", on_delete=models.CASCADE, related_name="+")
    # A session with attendance cannot be removed from the agenda (colloquia's page form); one whose
    # import recorded nobody may be, and its import goes with it.
    session = models.ForeignKey("colloquia.AgendaSession", on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(max_length=100)
    layout = models.CharField(max_length=10, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.MAPPING)
    table = models.JSONField(default=dict, editable=False)
    # {report key: registration id}: unmatched people the registrar matched by hand.
    manual_matches = models.JSONField(default=dict, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    rows_read = models.PositiveIntegerField(default=0)
    people_matched = models.PositiveIntegerField(default=0)
    people_unmatched = models.PositiveIntegerField(default=0)
    marked_present = models.PositiveIntegerField(default=0)
    below_threshold = models.PositiveIntegerField(default=0)
    threshold = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("The event's threshold (%) applied.")
    )
    # On confirming: [{registration (id), minutes, present, matched_by}] as decided. The report's own rows are
    # then dropped (they may name people who are not participants); this and the counts remain.
    outcome = models.JSONField(default=list, blank=True, editable=False)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["mapping", "preview"]) | Q(decided_at__isnull=False),
                name="online_import_decided_when_closed",
            ),
        ]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def is_open(self):
        return self.status in (self.Status.MAPPING, self.Status.PREVIEW)
