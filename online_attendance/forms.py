"""The registrar's forms: the upload, the choice of columns for an unknown layout, a match by hand."""

from django import forms
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .parsing import MAX_BYTES, Mapping


def session_label(session):
    """“05 Mar 2026, 10:00–11:00: Technical session (Online)”, the month in the active language."""
    return (
        f"{date_format(session.date, 'd M Y')}, {session.start_time:%H:%M}–{session.end_time:%H:%M}: "
        f"{session.title} ({session.get_mode_display()})"
    )


class ReportUploadForm(forms.Form):
    session = forms.TypedChoiceField(coerce=int, label=gettext_lazy("Session"))
    report = forms.FileField(
        label=gettext_lazy("Attendance report (CSV)"),
        help_text=gettext_lazy(
            "The meeting's participant or attendance report as downloaded from Zoom, Microsoft Teams or "
            "Google Meet; any other CSV with names or emails and join and leave times also works. At most 2 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv,.txt"}),
    )

    def __init__(self, *args, sessions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions = {session.pk: session for session in sessions}
        self.fields["session"].choices = [(pk, session_label(s)) for pk, s in self.sessions.items()]

    def clean_report(self):
        report = self.cleaned_data["report"]
        if report.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB; an attendance report is far smaller."))
        return report

    def clean_session(self):
        return self.sessions[self.cleaned_data["session"]]


MAPPING_FIELDS = [
    ("name", gettext_lazy("Name"), gettext_lazy("The participant's name as the meeting showed it.")),
    ("email", gettext_lazy("Email"), gettext_lazy("Matched first, when the report has it.")),
    (
        "joined",
        gettext_lazy("Join time"),
        gettext_lazy("When they joined (date and time, or a time on the session's day)."),
    ),
    ("left", gettext_lazy("Leave time"), gettext_lazy("When they left. Or choose the duration instead.")),
    (
        "duration",
        gettext_lazy("Duration"),
        gettext_lazy("Time in the meeting for that row (minutes, “1h 5m”, “0:45:00”)."),
    ),
]


class MappingForm(forms.Form):
    """Which column holds what, for a report whose layout is not known."""

    def __init__(self, *args, header=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("Not in this report"))] + [
            (str(number), heading or _("Column %(number)s") % {"number": number + 1})
            for number, heading in enumerate(header)
        ]
        for name, label, help_text in MAPPING_FIELDS:
            self.fields[name] = forms.ChoiceField(label=label, choices=choices, required=False, help_text=help_text)

    def clean(self):
        cleaned = super().clean()
        chosen = [value for value in cleaned.values() if value != ""]
        if len(chosen) != len(set(chosen)):
            raise forms.ValidationError(_("Each column can be chosen for one thing only."))
        mapping = self.mapping()
        problem = mapping.problem()
        if problem:
            raise forms.ValidationError(problem)
        return cleaned

    def mapping(self):
        values = {name: self.cleaned_data.get(name, "") for name, _, _ in MAPPING_FIELDS}
        return Mapping(**{name: int(value) for name, value in values.items() if value not in ("", None)})


class MatchForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, max_length=400)
    registration = forms.TypedChoiceField(
        coerce=int, required=False, empty_value=None, label=gettext_lazy("Participant")
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registration"].choices = [("", _("Leave unmatched"))] + [
            (r.pk, f"{r.name} ({r.email})") for r in candidates
        ]
