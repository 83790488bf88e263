from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.roles import Role
from regions.models import HighCourt, State


class CsvEnrolForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file of email addresses"),
        help_text=_("One email per line, or a column headed 'email'. If any row has a problem, nobody is enrolled."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 2 MB; split it into smaller files."))
        return upload


class CohortEnrolForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=[c for c in Role.choices if c[0] != Role.ACADEMY_STAFF])
    state = forms.ModelChoiceField(State.objects.order_by("name"), required=False, label=_("State/UT"))
    high_court = forms.ModelChoiceField(HighCourt.objects.order_by("name"), required=False, label=_("High Court"))

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("state") and not cleaned.get("high_court"):
            raise forms.ValidationError(_("Choose a State/UT or a High Court."))
        return cleaned
