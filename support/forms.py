"""The keeper's forms. Each keeps what was typed when it is refused: the views render it again
with the errors, and a refused file is named in the error so it can be chosen again."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resources.files import ACCEPTED_HELP

from .choices import BudgetHead, GranteeKind, budget_field
from .services import budget_problem

RUPEES = {"min_value": Decimal("0"), "max_digits": 10, "decimal_places": 2}


class ProposalForm(forms.Form):
    grantee_kind = forms.ChoiceField(
        label=gettext_lazy("The grantee is"),
        choices=GranteeKind.choices,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("Decides the form of the utilisation certificate (General Financial Rules 2017)."),
    )
    proposed_on = forms.DateField(
        label=gettext_lazy("Proposal date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    proposal_note = forms.CharField(
        label=gettext_lazy("Justification"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for head in BudgetHead:
            self.fields[budget_field(head)] = forms.DecimalField(
                label=_("%(head)s (Rs)") % {"head": head.label}, initial=0, **RUPEES
            )

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
    sanction_order_number = forms.CharField(label=gettext_lazy("Sanction order number"), max_length=120)
    sanction_date = forms.DateField(label=gettext_lazy("Sanction date"), widget=forms.DateInput(attrs={"type": "date"}))
    sanction_amount = forms.DecimalField(label=gettext_lazy("Amount sanctioned (Rs)"), **RUPEES)
    sanctioning_authority = forms.CharField(label=gettext_lazy("Sanctioning authority"), max_length=200)

    def clean_sanction_date(self):
        date = self.cleaned_data["sanction_date"]
        if date > timezone.localdate():
            raise ValidationError(_("A sanction date cannot be in the future."))
        return date


class ExpenditureForm(forms.Form):
    head = forms.ChoiceField(label=gettext_lazy("Head"), choices=BudgetHead.choices)
    spent_on = forms.DateField(label=gettext_lazy("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    payee = forms.CharField(label=gettext_lazy("Payee"), max_length=200)
    description = forms.CharField(label=gettext_lazy("Purpose"), max_length=300)
    amount = forms.DecimalField(
        label=gettext_lazy("Amount (Rs)"), min_value=Decimal("0.01"), max_digits=10, decimal_places=2
    )
    voucher = forms.FileField(label=gettext_lazy("Voucher"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["voucher"].help_text = _("The bill or receipt: %(accepted)s.") % {"accepted": ACCEPTED_HELP}


class PhotographForm(forms.Form):
    image = forms.FileField(label=gettext_lazy("Photograph"), help_text=gettext_lazy("PNG or JPEG."))
    caption = forms.CharField(
        label=gettext_lazy("Caption"),
        max_length=200,
        help_text=gettext_lazy("Printed under the photograph: who and what it shows."),
    )


class RefundForm(forms.Form):
    refund_reference = forms.CharField(label=gettext_lazy("Refund reference"), max_length=120)
    refunded_on = forms.DateField(label=gettext_lazy("Refunded on"), widget=forms.DateInput(attrs={"type": "date"}))


class SignForm(forms.Form):
    signatory = forms.ModelChoiceField(queryset=None, empty_label=None, label=gettext_lazy("Signed by"))
    confirm = forms.BooleanField(
        label=gettext_lazy("I have checked the figures and the vouchers; sign this version and lock the record.")
    )

    def __init__(self, *args, signatories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signatory"].queryset = signatories


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("What is being corrected"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Kept with the signed version, which stays as it was."),
    )
