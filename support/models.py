"""The MHA support record of an event and what hangs from it: expenditure with vouchers,
photographs for the outcome report, and the signed versions of the utilisation certificate.

Plain Django models (learner-data style, not pages or snippets). Amounts are rupees with
paise (Decimal). The rules (the Rs 2 lakh limit, spending within the sanction, locking) are
in support.services; the database also refuses a budget or a sanction over the limit.
Files (vouchers, photographs, signed PDFs) live in the private storage the resources app
uses, under random names, and are served only by the permission-checking views.
"""

import os
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from colloquia.models import MHA_LIMIT
from resources.storage import private_storage

from .choices import BudgetHead, GranteeKind, budget_field

__all__ = ["Expenditure", "Photograph", "SignedVersion", "SupportRecord"]

ZERO = Decimal("0")


def _private_name(folder, filename):
    """A random name under support/<folder>/; the (sanitised) name given is kept only in the database."""
    extension = os.path.splitext(filename)[1].lower()[:6]
    return f"support/{folder}/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{extension}"


def voucher_file_name(instance, filename):
    return _private_name("vouchers", filename)


def photograph_file_name(instance, filename):
    return _private_name("photographs", filename)


def signed_pdf_file_name(instance, filename):
    return _private_name("signed", filename)


def _amount(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name, max_digits=10, decimal_places=2, validators=[MinValueValidator(ZERO)], **kwargs
    )


class SupportRecord(models.Model):
    """One event's MHA support, from the proposal to the signed utilisation certificate."""

    event = models.OneToOneField("colloquia.ColloquiumPage", on_delete=models.PROTECT, related_name="+")
    academy = models.ForeignKey("academies.Academy", on_delete=models.PROTECT, related_name="+")
    grantee_kind = models.CharField(
        _("the grantee is"),
        max_length=20,
        choices=GranteeKind.choices,
        default=GranteeKind.STATE_GOVERNMENT,
        help_text=_("Decides the form of the utilisation certificate under the General Financial Rules 2017."),
    )

    # The proposal: the budget by head.
    budget_venue = _amount(BudgetHead.VENUE.label, default=ZERO)
    budget_boarding_lodging = _amount(BudgetHead.BOARDING_LODGING.label, default=ZERO)
    budget_participant_travel = _amount(BudgetHead.PARTICIPANT_TRAVEL.label, default=ZERO)
    budget_resource_persons = _amount(BudgetHead.RESOURCE_PERSONS.label, default=ZERO)
    budget_course_material = _amount(BudgetHead.COURSE_MATERIAL.label, default=ZERO)
    budget_certificates_printing = _amount(BudgetHead.CERTIFICATES_PRINTING.label, default=ZERO)
    budget_miscellaneous = _amount(BudgetHead.MISCELLANEOUS.label, default=ZERO)
    proposal_note = models.TextField(_("justification"), blank=True, help_text=_("Printed with the proposal."))
    proposed_on = models.DateField(_("proposal date"), null=True, blank=True)

    # The sanction.
    sanction_order_number = models.CharField(_("sanction order number"), max_length=120, blank=True)
    sanction_date = models.DateField(_("sanction date"), null=True, blank=True)
    sanction_amount = _amount(_("amount sanctioned"), null=True, blank=True)
    sanctioning_authority = models.CharField(
        max_length=200, blank=True, help_text=_("e.g. Ministry of Home Affairs (Women Safety Division), through …")
    )

    # The unspent balance returned to the Government.
    refund_reference = models.CharField(
        _("refund reference"), max_length=120, blank=True, help_text=_("The challan, transfer or letter number.")
    )
    refunded_on = models.DateField(_("refunded on"), null=True, blank=True)

    # Signing locks the record; a correction opens the next version.
    version = models.PositiveIntegerField(default=1, editable=False)
    signed_at = models.DateTimeField(null=True, blank=True, editable=False)

    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("support record")
        permissions = [("review_all_records", "Can read every academy's support records (MHA reviewers)")]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    budget_venue__lte=MHA_LIMIT
                    - F("budget_boarding_lodging")
                    - F("budget_participant_travel")
                    - F("budget_resource_persons")
                    - F("budget_course_material")
                    - F("budget_certificates_printing")
                    - F("budget_miscellaneous")
                ),
                name="support_budget_within_mha_limit",
            ),
            models.CheckConstraint(
                condition=Q(sanction_amount__isnull=True) | Q(sanction_amount__lte=MHA_LIMIT),
                name="support_sanction_within_mha_limit",
            ),
        ]

    def __str__(self):
        return gettext("Support record: %(title)s") % {"title": self.event.title}

    @property
    def locked(self):
        return self.signed_at is not None

    @property
    def sanctioned(self):
        return self.sanction_amount is not None

    def budget(self):
        """[(head, amount)] in the order of BudgetHead."""
        return [(head, getattr(self, budget_field(head))) for head in BudgetHead]

    @property
    def budget_total(self):
        return sum((amount for _, amount in self.budget()), ZERO)


class Expenditure(models.Model):
    """One payment under a head, with its voucher."""

    record = models.ForeignKey(SupportRecord, on_delete=models.CASCADE, related_name="expenditure")
    head = models.CharField(max_length=30, choices=BudgetHead.choices)
    spent_on = models.DateField(_("date"))
    payee = models.CharField(max_length=200)
    description = models.CharField(max_length=300)
    amount = models.DecimalField(max_digits=10, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))])
    voucher = models.FileField(storage=private_storage, upload_to=voucher_file_name, max_length=200)
    voucher_name = models.CharField(max_length=120, help_text=_("The sanitised name the file was given."))
    voucher_content_type = models.CharField(max_length=120)
    voucher_sha256 = models.CharField(max_length=64)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    entered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["spent_on", "pk"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="support_expenditure_positive")]

    def __str__(self):
        return f"{self.get_head_display()}: {self.payee}"


class Photograph(models.Model):
    """A photograph of the event for its outcome report (PNG or JPEG, checked and re-encoded)."""

    record = models.ForeignKey(SupportRecord, on_delete=models.CASCADE, related_name="photographs")
    image = models.FileField(storage=private_storage, upload_to=photograph_file_name, max_length=200)
    image_name = models.CharField(max_length=120)
    content_type = models.CharField(max_length=40)
    caption = models.CharField(max_length=200, help_text=_("Printed under the photograph; say who and what it shows."))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.caption


class SignedVersion(models.Model):
    """The utilisation certificate and the outcome report as signed, kept unchanged with their hashes.

    A correction leaves this row and its PDFs as they are and opens the record's next version.
    """

    record = models.ForeignKey(SupportRecord, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    signed_at = models.DateTimeField(default=timezone.now)
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    signatory_name = models.CharField(max_length=120)
    signatory_designation = models.CharField(max_length=160)
    figures = models.JSONField(default=dict, help_text=_("The totals as certified."))
    certificate_pdf = models.FileField(storage=private_storage, upload_to=signed_pdf_file_name, max_length=200)
    certificate_sha256 = models.CharField(max_length=64)
    report_pdf = models.FileField(storage=private_storage, upload_to=signed_pdf_file_name, max_length=200)
    report_sha256 = models.CharField(max_length=64)
    superseded_at = models.DateTimeField(null=True, blank=True)
    superseded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    correction_reason = models.TextField(blank=True, help_text=_("Why the next version was opened."))

    class Meta:
        ordering = ["record", "number"]
        constraints = [models.UniqueConstraint(fields=["record", "number"], name="support_version_once")]

    def __str__(self):
        return f"{self.record} (version {self.number})"
