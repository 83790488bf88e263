from django import forms
from django.utils.translation import gettext_lazy as _

from .services import session_label


class DeskForm(forms.Form):
    """The desk's one form: a ticket number (typed, or filled in by the camera) for a session."""

    ticket = forms.CharField(label=_("Ticket number"), max_length=64, required=False)
    session = forms.TypedChoiceField(
        label=_("Session"),
        coerce=int,
        error_messages={
            "invalid_choice": _("Choose a session of this event from the list; the agenda may have changed."),
        },
    )

    def __init__(self, *args, sessions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sessions = {session.pk: session for session in sessions}
        self.fields["session"].choices = [(session.pk, session_label(session)) for session in sessions]
        self.fields["ticket"].widget.attrs.update(
            {
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "autofocus": True,
                "class": "desk-ticket",
                "aria-describedby": "desk-ticket-help",
            }
        )

    def clean_session(self):
        return self.sessions[self.cleaned_data["session"]]
