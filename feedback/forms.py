"""The feedback form and the knowledge test form, built for one event."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .services import rated_sessions
from .services.responses import DIMENSIONS

SCALE = [(str(n), label) for n, label in [(1, _("1 (poor)")), (2, "2"), (3, "3"), (4, "4"), (5, _("5 (excellent)"))]]
DIMENSION_LABELS = {
    "relevance": _("Relevance to your work"),
    "clarity": _("Clarity"),
    "speaker": _("The resource person"),
}
MAX_COMMENT = 2000


def _rating(label, required):
    return forms.TypedChoiceField(
        label=label, choices=SCALE, coerce=int, empty_value=None, required=required, widget=forms.RadioSelect
    )


class FeedbackForm(forms.Form):
    """Overall usefulness (required), each counted session's three ratings (optional), two comments."""

    overall_usefulness = _rating(_("How useful was the event for your work, overall?"), True)
    to_change = forms.CharField(
        label=_("What should the academy change?"),
        required=False,
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    topics_wanted = forms.CharField(
        label=_("Which topics would you like at a future event?"),
        required=False,
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, page, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions = rated_sessions(page)
        self.session_groups = []
        for index, session in enumerate(self.sessions):
            names = []
            for dimension in DIMENSIONS:
                name = f"s{index}_{dimension}"
                self.fields[name] = _rating(DIMENSION_LABELS[dimension], False)
                names.append(name)
            self.session_groups.append((session, names))
        self.fields["overall_usefulness"].error_messages["required"] = _(
            "Choose how useful the event was, from 1 to 5."
        )

    def groups(self):
        """[(session, [bound fields])] for the template."""
        return [(session, [self[name] for name in names]) for session, names in self.session_groups]

    def ratings(self):
        """{session uid: {dimension: value or None}} from the cleaned data."""
        return {
            str(session.uid): {
                dimension: self.cleaned_data.get(name) for dimension, name in zip(DIMENSIONS, names, strict=True)
            }
            for session, names in self.session_groups
        }
