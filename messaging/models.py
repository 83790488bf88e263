"""Messages to an event's participants, their delivery log, and each event's reminder switches.

A `Message` is one email written once and sent to many registrations: a registrar's message, or
one of the automatic reminders (`reminder` says which). Each recipient has a `Delivery` row, the
delivery log: queued, then sent or failed with the error. A person gets each reminder once: a
unique constraint on (reminder kind, registration) holds, however often `send_due_reminders` runs.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy


class ReminderKind(models.TextChoices):
    WEEK_BEFORE = "week_before", gettext_lazy("7 days before the event")
    DAY_BEFORE = "day_before", gettext_lazy("1 day before the event")
    CERTIFICATE_READY = "certificate_ready", gettext_lazy("When the participant's certificate is issued")


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("delivery status", "Queued")
    SENT = "sent", pgettext_lazy("delivery status", "Sent")
    FAILED = "failed", pgettext_lazy("delivery status", "Failed")


class Message(models.Model):
    """One email to a set of an event's registrations; subject and body keep their {placeholders}."""

    page = models.ForeignKey("colloquia.ColloquiumPage", on_delete=models.CASCADE, related_name="+")
    # "" for a message a registrar wrote; otherwise the automatic reminder this is.
    reminder = models.CharField(max_length=20, choices=ReminderKind.choices, blank=True)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    audience = models.CharField(max_length=500, blank=True, help_text=gettext_lazy("Who it was sent to, in words."))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Each reminder of an event has one message, to which its recipients are added as they fall due.
            models.UniqueConstraint(
                fields=["page", "reminder"], condition=~Q(reminder=""), name="messaging_one_message_per_reminder"
            )
        ]

    def __str__(self):
        return self.subject

    @property
    def label(self):
        if self.reminder:
            return _("Reminder: %(kind)s") % {"kind": self.get_reminder_display().lower()}
        return _("Message")


class Delivery(models.Model):
    """One recipient of a message: the address it went to, and whether it was sent."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="deliveries")
    # Deleted with the registration (the person's data goes with it).
    registration = models.ForeignKey("colloquia.Registration", on_delete=models.CASCADE, related_name="+")
    # The message's reminder kind, repeated here so the database can hold "once per person per reminder".
    reminder = models.CharField(max_length=20, choices=ReminderKind.choices, blank=True)
    email = models.EmailField()
    status = models.CharField(max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED)
    error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message", "registration"], name="messaging_delivery_once_per_message"),
            models.UniqueConstraint(
                fields=["reminder", "registration"],
                condition=~Q(reminder=""),
                name="messaging_reminder_once_per_registration",
            ),
        ]
        indexes = [models.Index(fields=["message", "status"])]

    def __str__(self):
        return f"{self.email}: {self.get_status_display()}"


class ReminderSetting(models.Model):
    """A registrar's choice to send (or not) one kind of reminder for one event; no row means the default."""

    page = models.ForeignKey("colloquia.ColloquiumPage", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    enabled = models.BooleanField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "kind"], name="messaging_one_setting_per_reminder")]

    def __str__(self):
        return f"{self.get_kind_display()}: {'on' if self.enabled else 'off'}"
