"""Certificates, the templates they are printed from, serial counters and bulk-issue batches.

A Certificate is a frozen record: every value it prints is copied onto the row at
issue, and the PDF rendered then is stored with its SHA-256. Later edits to the
profile, the module or event, or the template change nothing here.
"""

import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from academies.services import REGISTRAR, academies_for, acts_for_all
from core.site import absolute_url

HEX_COLOUR = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", gettext_lazy("Use a colour like #1f3a5f (a hash and six hex digits).")
)
NATIONAL_CODE = "COLQ"

# The only placeholders template wording may use; substituted by certificates.pdf after escaping.
PLACEHOLDERS = {
    "name": "the recipient's name",
    "name_devanagari": "the recipient's name in Devanagari (empty when not given)",
    "designation": "the recipient's designation",
    "court": "the recipient's court or office",
    "title": "the module or event title",
    "dates": "the date or dates",
    "hours": "the hours of training",
    "score": "the score, for completion certificates",
    "academy": "the issuing academy",
    "venue": "the venue of the event",
    "programme": "the kind of programme, e.g. 'State-level colloquium'",
}
PLACEHOLDER_RE = re.compile(r"\{([a-z_]*)\}")


def new_verification_code():
    # 16 random bytes = 128 bits, 22 URL-safe characters.
    return secrets.token_urlsafe(16)


class Kind(models.TextChoices):
    ATTENDANCE = "attendance", pgettext_lazy("certificate kind", "Attendance")
    COMPLETION = "completion", pgettext_lazy("certificate kind", "Completion")


class SourceKind(models.TextChoices):
    MODULE = "module", gettext_lazy("Course module")
    COLLOQUIUM = "colloquium", gettext_lazy("Colloquium or conference")


class Layout(models.TextChoices):
    CLASSIC = "classic", gettext_lazy("Classic: border and centred text")
    BAND = "band", gettext_lazy("Band: a coloured band on the left")
    PLAIN = "plain", gettext_lazy("Plain: no border, left-aligned")


class CertificateLanguage(models.TextChoices):
    """The language(s) a certificate is printed in, chosen at issue and frozen with it."""

    ENGLISH = "en", gettext_lazy("English")
    HINDI = "hi", gettext_lazy("Hindi")
    BOTH = "both", gettext_lazy("English and Hindi")


def language_for(user):
    """The certificate language a person gets unless they choose: their preferred UI language."""
    preferred = getattr(user, "preferred_language", "") or "en"
    return preferred if preferred in CertificateLanguage.values else CertificateLanguage.ENGLISH


DEFAULT_WORDING = {
    Kind.ATTENDANCE: (
        "This is to certify that {name}, {designation}, {court}, attended the {programme} "
        "“{title}” held at {venue} on {dates}, and took part in {hours} hours of training."
    ),
    Kind.COMPLETION: (
        "This is to certify that {name}, {designation}, {court}, has successfully completed the "
        "course module “{title}” on {dates}, comprising {hours} hours of study, with a score of {score}."
    ),
}
DEFAULT_HEADING = {Kind.ATTENDANCE: "Certificate of Attendance", Kind.COMPLETION: "Certificate of Completion"}
# The built-in Hindi text of a certificate (certificate content in a fixed language, not UI text:
# it is printed in Hindi whatever the language of the page that issues it).
DEFAULT_WORDING_HI = {
    Kind.ATTENDANCE: (
        "प्रमाणित किया जाता है कि {name}, {designation}, {court} ने {venue} में {dates} को आयोजित "
        "{programme} “{title}” में भाग लिया और {hours} घंटे का प्रशिक्षण प्राप्त किया।"
    ),
    Kind.COMPLETION: (
        "प्रमाणित किया जाता है कि {name}, {designation}, {court} ने {dates} को {hours} घंटे के अध्ययन वाला "
        "प्रशिक्षण मॉड्यूल “{title}” {score} अंकों के साथ सफलतापूर्वक पूर्ण किया।"
    ),
}
DEFAULT_HEADING_HI = {Kind.ATTENDANCE: "उपस्थिति प्रमाणपत्र", Kind.COMPLETION: "पूर्णता प्रमाणपत्र"}


def validate_wording(text):
    stray = re.sub(PLACEHOLDER_RE, "", text)
    if "{" in stray or "}" in stray:
        raise ValidationError(gettext_lazy("Use braces only around a placeholder, e.g. {name}."))
    unknown = sorted({name for name in PLACEHOLDER_RE.findall(text) if name not in PLACEHOLDERS})
    if unknown:
        allowed = ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
        raise ValidationError(
            gettext_lazy("Unknown placeholder(s): %(unknown)s. Allowed: %(allowed)s."),
            params={"unknown": ", ".join(unknown), "allowed": allowed},
        )


class CertificateTemplateForm(WagtailAdminModelForm):
    """Registrars may only make templates for their own academies."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and not acts_for_all(for_user) and "academy" in self.fields:
            self.fields["academy"].queryset = academies_for(for_user, REGISTRAR)
            self.fields["academy"].required = True
            self.fields["academy"].empty_label = None


class CertificateTemplate(index.Indexed, models.Model):
    """How certificates of one kind look for one academy (or for the whole platform).

    Editor text is plain text: it is escaped and only the fixed placeholders are
    filled in; it is never evaluated as a Django template. Each save bumps `version`,
    which issued certificates record.
    """

    name = models.CharField(gettext_lazy("name"), max_length=120)
    kind = models.CharField(gettext_lazy("kind"), max_length=12, choices=Kind.choices)
    academy = models.ForeignKey(
        "academies.Academy",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="certificate_templates",
        verbose_name=gettext_lazy("academy"),
        help_text=gettext_lazy("Leave empty for the platform-wide template used when an academy has none."),
    )
    is_active = models.BooleanField(
        gettext_lazy("active"), default=True, help_text=gettext_lazy("The newest active template of a kind is used.")
    )
    layout = models.CharField(gettext_lazy("layout"), max_length=10, choices=Layout.choices, default=Layout.CLASSIC)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=gettext_lazy("logo"),
        help_text=gettext_lazy("Printed at the top. When empty, the academy's logo is used."),
    )
    primary_colour = models.CharField(
        gettext_lazy("primary colour"), max_length=7, default="#1f3a5f", validators=[HEX_COLOUR]
    )
    accent_colour = models.CharField(
        gettext_lazy("accent colour"), max_length=7, default="#b8860b", validators=[HEX_COLOUR]
    )
    heading = models.CharField(
        gettext_lazy("heading"), max_length=120, help_text=gettext_lazy("e.g. Certificate of Attendance")
    )
    wording = models.TextField(
        gettext_lazy("wording"),
        validators=[validate_wording],
        help_text=format_lazy(
            "{} {}.", gettext_lazy("Plain text. Placeholders:"), ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)
        ),
    )
    heading_hi = models.CharField(
        gettext_lazy("heading in Hindi"),
        max_length=120,
        blank=True,
        help_text=gettext_lazy(
            "Printed on Hindi and bilingual certificates. When empty, a standard Hindi heading is used."
        ),
    )
    wording_hi = models.TextField(
        gettext_lazy("wording in Hindi"),
        blank=True,
        validators=[validate_wording],
        help_text=gettext_lazy(
            "Printed on Hindi and bilingual certificates, with the same placeholders. "
            "When empty, the standard Hindi wording is used."
        ),
    )
    footer = models.CharField(
        gettext_lazy("footer"),
        max_length=200,
        blank=True,
        help_text=gettext_lazy("A short line at the bottom (plain text)."),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("academy"), FieldPanel("is_active")]),
        MultiFieldPanel(
            [
                FieldPanel("layout"),
                FieldPanel("logo"),
                FieldRowPanel([FieldPanel("primary_colour"), FieldPanel("accent_colour")]),
            ],
            heading=gettext_lazy("Look"),
        ),
        FieldPanel("heading"),
        FieldPanel("wording"),
        MultiFieldPanel([FieldPanel("heading_hi"), FieldPanel("wording_hi")], heading=gettext_lazy("Hindi")),
        FieldPanel("footer"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    base_form_class = CertificateTemplateForm

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = gettext_lazy("certificate template")
        verbose_name_plural = gettext_lazy("certificate templates")

    def __str__(self):
        return f"{self.name} (v{self.version})"

    def save(self, *args, **kwargs):
        if self.pk:
            self.version = (
                CertificateTemplate.objects.filter(pk=self.pk).values_list("version", flat=True).first() or 0
            ) + 1
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "version", "updated_at"}
        super().save(*args, **kwargs)

    def hindi_heading(self):
        return self.heading_hi or DEFAULT_HEADING_HI.get(self.kind, "प्रमाणपत्र")

    def hindi_wording(self):
        return self.wording_hi or DEFAULT_WORDING_HI.get(self.kind, DEFAULT_WORDING_HI[Kind.ATTENDANCE])


class SerialCounter(models.Model):
    """The last serial number used by one academy code in one year; locked while issuing."""

    code = models.CharField(max_length=10)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["code", "year"], name="certificates_one_counter_per_code_year")]

    def __str__(self):
        return f"{self.code}-{self.year}: {self.last}"


class Certificate(models.Model):
    VALID, REVOKED, SUPERSEDED = "valid", "revoked", "superseded"
    STATUSES = [
        (VALID, pgettext_lazy("certificate status", "Valid")),
        (REVOKED, pgettext_lazy("certificate status", "Revoked")),
        (SUPERSEDED, pgettext_lazy("certificate status", "Superseded")),
    ]

    kind = models.CharField(max_length=12, choices=Kind.choices)
    serial = models.CharField(max_length=30, unique=True)
    verification_code = models.CharField(max_length=43, unique=True, default=new_verification_code, editable=False)

    # Who and what it is for. The user may later be anonymised (SET_NULL keeps the record).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    source_kind = models.CharField(max_length=12, choices=SourceKind.choices)
    source_id = models.PositiveBigIntegerField(help_text=gettext_lazy("The CoursePage or ColloquiumPage id."))
    academy = models.ForeignKey(
        "academies.Academy", null=True, blank=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    state = models.ForeignKey(
        "regions.State",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=gettext_lazy("The recipient's State/UT at issue (for the register's filter)."),
    )

    # The frozen snapshot: exactly what is printed.
    recipient_name = models.CharField(max_length=150)
    recipient_name_devanagari = models.CharField(max_length=150, blank=True)
    designation = models.CharField(max_length=150, blank=True)
    court_or_office = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=255)
    programme = models.CharField(
        max_length=120, blank=True, help_text=gettext_lazy("e.g. State-level colloquium; edition")
    )
    venue = models.CharField(max_length=255, blank=True)
    start_date = models.DateField()
    end_date = models.DateField()
    hours = models.DecimalField(max_digits=6, decimal_places=2)
    score = models.FloatField(null=True, blank=True)
    academy_name = models.CharField(max_length=160)
    academy_code = models.CharField(max_length=10)
    heading = models.CharField(max_length=120)
    statement = models.TextField(help_text=gettext_lazy("The wording as printed, placeholders filled in."))
    # The language(s) printed, chosen at issue. Hindi and bilingual certificates also freeze their
    # Hindi texts; certificates issued before there was a choice are English.
    language = models.CharField(
        gettext_lazy("language"),
        max_length=4,
        choices=CertificateLanguage.choices,
        default=CertificateLanguage.ENGLISH,
    )
    heading_hi = models.CharField(max_length=120, blank=True)
    title_hi = models.CharField(max_length=255, blank=True)
    statement_hi = models.TextField(blank=True, help_text=gettext_lazy("The Hindi wording as printed."))
    signatories = models.JSONField(
        default=list, blank=True, help_text=gettext_lazy("[{name, designation, signature}] as printed")
    )
    logo_path = models.CharField(max_length=255, blank=True)
    template = models.ForeignKey(
        CertificateTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    template_name = models.CharField(max_length=120)
    template_version = models.PositiveIntegerField(default=0)
    layout = models.CharField(max_length=10, choices=Layout.choices)
    issued_at = models.DateTimeField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    pdf = models.FileField(upload_to="certificates/pdf/%Y/", max_length=255)
    pdf_sha256 = models.CharField(max_length=64, db_index=True)

    status = models.CharField(max_length=12, choices=STATUSES, default=VALID)
    revoked_reason = models.TextField(blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    superseded_by = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="supersedes"
    )
    reissue_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "source_kind", "source_id"],
                condition=Q(status="valid"),
                name="certificates_one_valid_per_person_and_source",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["valid", "revoked", "superseded"]), name="certificates_known_status"
            ),
            models.CheckConstraint(
                condition=~Q(status="revoked") | (Q(revoked_at__isnull=False) & ~Q(revoked_reason="")),
                name="certificates_revoked_has_reason_and_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="superseded") | Q(superseded_by__isnull=False),
                name="certificates_superseded_names_successor",
            ),
            models.CheckConstraint(condition=Q(end_date__gte=F("start_date")), name="certificates_dates_in_order"),
        ]
        indexes = [
            models.Index(fields=["source_kind", "source_id"]),
            models.Index(fields=["academy", "issued_at"]),
        ]
        permissions = [("issue_certificate", "Can issue, revoke and re-issue certificates")]
        verbose_name = gettext_lazy("certificate")
        verbose_name_plural = gettext_lazy("certificates")

    def __str__(self):
        return f"{self.serial} {self.recipient_name}"

    @property
    def verify_url(self):
        return absolute_url(reverse("certificates:verify_code", args=[self.verification_code]))

    @property
    def is_valid(self):
        return self.status == self.VALID

    @property
    def dates_display(self):
        return format_dates(self.start_date, self.end_date)

    @property
    def dates_display_hi(self):
        return format_dates_hi(self.start_date, self.end_date)

    @property
    def in_english(self):
        return self.language != CertificateLanguage.HINDI

    @property
    def in_hindi(self):
        return self.language in (CertificateLanguage.HINDI, CertificateLanguage.BOTH)


def format_dates(start, end):
    if start == end:
        return f"{start.day} {start:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"


def format_dates_hi(start, end):
    """format_dates with the month names in Hindi (Django's own, whatever the active language)."""
    from django.utils import translation
    from django.utils.dateformat import format as date_format

    with translation.override("hi"):
        if start == end:
            return date_format(start, "j F Y")
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}–{date_format(end, 'j F Y')}"
        if start.year == end.year:
            return f"{date_format(start, 'j F')} – {date_format(end, 'j F Y')}"
        return f"{date_format(start, 'j F Y')} – {date_format(end, 'j F Y')}"


class IssueBatch(models.Model):
    """A registrar's "Issue certificates" for one event, run as a background task."""

    QUEUED, RUNNING, FINISHED, FAILED = "queued", "running", "finished", "failed"
    STATUSES = [
        (QUEUED, pgettext_lazy("batch status", "Queued")),
        (RUNNING, pgettext_lazy("batch status", "Running")),
        (FINISHED, pgettext_lazy("batch status", "Finished")),
        (FAILED, pgettext_lazy("batch status", "Failed")),
    ]

    colloquium_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=255)
    academy = models.ForeignKey("academies.Academy", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=STATUSES, default=QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0, help_text=gettext_lazy("Certificates issued now"))
    existing = models.PositiveIntegerField(default=0, help_text=gettext_lazy("Participants who already held one"))
    failed = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(done__lte=F("total")) & Q(failed__lte=F("total")), name="certificates_batch_counts"
            )
        ]

    def __str__(self):
        return f"{self.title}: {self.get_status_display()}"

    @property
    def processed(self):
        return self.done + self.existing + self.failed

    @property
    def percent(self):
        return 100 if not self.total else round(100 * self.processed / self.total)

    @property
    def is_running(self):
        return self.status in (self.QUEUED, self.RUNNING)
