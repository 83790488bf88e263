"""The e-ticket an approved participant shows at the check-in desk.

One per registration, made when the registration is first approved (checkin.receivers) and kept
for good: a registration that is withdrawn and approved again keeps its number. Whether a ticket
admits its holder is decided at the desk from the registration's status at that moment, so a
withdrawn or rejected registration's ticket is refused without being changed.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resources.storage import private_storage

# Crockford's base 32: no I, L, O or U, so a number read aloud or typed from paper is not mistyped.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12  # 60 random bits: not guessable, and short enough to type at a desk
GROUP = 4


def new_ticket_code():
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def format_ticket_code(code):
    """“K7QM3XZ9HP2D” as printed and shown: “K7QM-3XZ9-HP2D”."""
    return "-".join(code[start : start + GROUP] for start in range(0, len(code), GROUP))


class Ticket(models.Model):
    registration = models.OneToOneField("colloquia.Registration", on_delete=models.CASCADE, related_name="ticket")
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_ticket_code, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    def __str__(self):
        return _("E-ticket %(number)s") % {"number": self.number}

    @property
    def number(self):
        """The ticket number as printed on the ticket and typed at the desk."""
        return format_ticket_code(self.code)


def badge_sheet_name(instance, filename):
    """A random name in private storage: a sheet lists the participants, so it is not guessable."""
    return f"checkin/badges/{uuid.uuid4().hex}.pdf"


class BadgeSheet(models.Model):
    """A PDF of name badges for an event (all its approved participants, or one category of them).

    Rendered by the task worker (`checkin.tasks.render_badge_sheet`); the registrar downloads it
    when it is ready. One per event and set of badges: asking again replaces the old sheet and its
    file, so no stale list of participants is left in storage.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be prepared")
        RUNNING = "running", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be prepared")

    page = models.ForeignKey("colloquia.ColloquiumPage", on_delete=models.CASCADE, related_name="+")
    category = models.CharField(max_length=30, blank=True, help_text=_("Empty: every category."))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    badges = models.PositiveIntegerField(default=0)
    file = models.FileField(storage=private_storage, upload_to=badge_sheet_name, max_length=200, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "category"], name="checkin_one_badge_sheet_per_set")]

    def __str__(self):
        return f"Badges for {self.page_id} ({self.category or 'all'}): {self.status}"

    @property
    def pending(self):
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)
