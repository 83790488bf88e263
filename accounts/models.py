from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from regions.models import HighCourt, State

from .names import validate_printed_text
from .roles import Role, RoleStatus


class EmailUserManager(UserManager):
    """Users log in by email; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person using Colloquium, with the profile that certificates print from.

    The profile lives on the user row itself: every page that greets a user or
    checks a role needs it, and a separate table would cost a join everywhere.
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)

    full_name = models.CharField(
        max_length=150,
        help_text=_("Exactly as it must print on certificates, e.g. 'Justice A. K. Sharma'."),
        validators=[validate_printed_text],
    )
    name_devanagari = models.CharField(
        _("name in Devanagari"),
        max_length=150,
        blank=True,
        help_text=_("Optional. Printed beside your name on certificates."),
        validators=[validate_printed_text],
    )
    role = models.CharField(max_length=20, choices=Role.choices, blank=True)
    role_status = models.CharField(max_length=10, choices=RoleStatus.choices, default=RoleStatus.PENDING)
    role_note = models.TextField(blank=True, help_text=_("Note from the verifying staff member."))
    role_reviewed_at = models.DateTimeField(null=True, blank=True)
    role_reviewed_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # What prints on certificates refuses hidden characters (accounts.names), whichever form edits it.
    designation = models.CharField(max_length=150, blank=True, validators=[validate_printed_text])
    court_or_office = models.CharField(
        _("court or office"), max_length=200, blank=True, validators=[validate_printed_text]
    )
    district = models.CharField(max_length=100, blank=True)
    state = models.ForeignKey(
        State, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("State/UT")
    )
    high_court = models.ForeignKey(HighCourt, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Blank: the language the browser asks for (or the address's /hi/ prefix) decides.
    preferred_language = models.CharField(_("language"), max_length=8, blank=True, choices=settings.LANGUAGES)
    devanagari_digits = models.BooleanField(_("Show numbers in Devanagari digits (०१२३) in Hindi pages"), default=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = EmailUserManager()

    class Meta:
        ordering = ["full_name"]
        indexes = [models.Index(fields=["role", "role_status"])]
        permissions = [("verify_role", _("Can verify the roles users declare"))]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("accounts:profile")

    @property
    def has_verified_role(self):
        return bool(self.role) and self.role_status == RoleStatus.VERIFIED

    def has_role(self, *roles):
        """True when the user's role is one of `roles` and staff have verified it."""
        return self.has_verified_role and self.role in roles
