from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from colloquia.choices import RegistrationStatus

from .models import ReminderKind
from .placeholders import allowed_list, problems
from .recipients import Audience, category_choices, state_choices

MAX_BODY = 20_000


class ComposeForm(forms.Form):
    """Recipients (each filter empty for "any") and the message, with its placeholders checked."""

    statuses = forms.MultipleChoiceField(
        label=gettext_lazy("Registration status"),
        choices=RegistrationStatus.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Tick none for every status."),
    )
    categories = forms.MultipleChoiceField(
        label=gettext_lazy("Category"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Tick none for every category."),
    )
    states = forms.MultipleChoiceField(
        label=gettext_lazy("State/UT"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "From the participants' profiles. Tick none for every State/UT; a nominee who has not "
            "accepted yet has no State/UT, so is left out when you tick one."
        ),
    )
    subject = forms.CharField(label=gettext_lazy("Subject"), max_length=200)
    body = forms.CharField(
        label=gettext_lazy("Message"),
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 14}),
    )

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = category_choices(page)
        self.fields["states"].choices = state_choices(page)
        self.fields["body"].help_text = _("Plain text. Placeholders: %(placeholders)s.") % {
            "placeholders": allowed_list()
        }

    @staticmethod
    def _checked(text):
        found = problems(text)
        if found:
            raise forms.ValidationError(found)
        return text

    def clean_subject(self):
        # A header is one line, whatever was posted.
        return self._checked(" ".join(self.cleaned_data["subject"].split()))

    def clean_body(self):
        return self._checked(self.cleaned_data["body"].replace("\r\n", "\n"))

    def audience(self):
        data = self.cleaned_data
        return Audience(statuses=data["statuses"], categories=data["categories"], states=data["states"])


class ReminderSwitchesForm(forms.Form):
    """One tick box per kind of reminder."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in ReminderKind:
            self.fields[kind.value] = forms.BooleanField(label=kind.label, required=False)

    def wanted(self):
        return {kind: self.cleaned_data[kind.value] for kind in ReminderKind}
