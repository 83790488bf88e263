"""The keeper's forms. Each keeps what was typed when it is refused: the views render it again
with the errors, and a refused file is named in the error so it can be chosen again."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from resources.files import ACCEPTED_HELP

from .choices import BudgetHead, GranteeKind, budget_field
from .services import budget_problem

RUPEES = {"min_value": Decimal("0"), "max_digits": 10, "decimal_places": 2}


class ProposalForm(forms.Form):
    grantee_kind = forms.ChoiceField(
        label="The grantee is",
        choices=GranteeKind.choices,
        widget=forms.RadioSelect,
        help_text="Decides the form of the utilisation certificate (General Financial Rules 2017).",
    )
    proposed_on = forms.DateField(label="Proposal date", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    proposal_note = forms.CharField(label="Justification", required=False, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for head in BudgetHead:
            self.fields[budget_field(head)] = forms.DecimalField(label=f"{head.label} (Rs)", initial=0, **RUPEES)

    def amounts(self):
        return {head: self.cleaned_data.get(budget_field(head)) or Decimal("0") for head in BudgetHead}

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            problem = budget_problem(self.amounts())
            if problem:
                raise ValidationError(problem)
        return cleaned


class SanctionForm(forms.Form):
    sanction_order_number = forms.CharField(label="Sanction order number", max_length=120)
    sanction_date = forms.DateField(label="Sanction date", widget=forms.DateInput(attrs={"type": "date"}))
    sanction_amount = forms.DecimalField(label="Amount sanctioned (Rs)", **RUPEES)
    sanctioning_authority = forms.CharField(label="Sanctioning authority", max_length=200)

    def clean_sanction_date(self):
        date = self.cleaned_data["sanction_date"]
        if date > timezone.localdate():
            raise ValidationError("A sanction date cannot be in the future.")
        return date


class ExpenditureForm(forms.Form):
    head = forms.ChoiceField(label="Head", choices=BudgetHead.choices)
    spent_on = forms.DateField(label="Date", widget=forms.DateInput(attrs={"type": "date"}))
    payee = forms.CharField(max_length=200)
    description = forms.CharField(label="Purpose", max_length=300)
    amount = forms.DecimalField(label="Amount (Rs)", min_value=Decimal("0.01"), max_digits=10, decimal_places=2)
    voucher = forms.FileField(help_text=f"The bill or receipt: {ACCEPTED_HELP}.")


class PhotographForm(forms.Form):
    image = forms.FileField(label="Photograph", help_text="PNG or JPEG.")
    caption = forms.CharField(max_length=200, help_text="Printed under the photograph: who and what it shows.")


class RefundForm(forms.Form):
    refund_reference = forms.CharField(label="Refund reference", max_length=120)
    refunded_on = forms.DateField(label="Refunded on", widget=forms.DateInput(attrs={"type": "date"}))


class SignForm(forms.Form):
    signatory = forms.ModelChoiceField(queryset=None, empty_label=None, label="Signed by")
    confirm = forms.BooleanField(
        label="I have checked the figures and the vouchers; sign this version and lock the record."
    )

    def __init__(self, *args, signatories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signatory"].queryset = signatories


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label="What is being corrected",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept with the signed version, which stays as it was.",
    )
