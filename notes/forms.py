from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_NOTE_LENGTH


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("My private note on this lesson"),
        required=False,
        max_length=MAX_NOTE_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Only you can read it. A blank line starts a paragraph; “- ” starts a list item; "
            "**bold** and _italic_ work. Save an empty note to delete it."
        ),
    )
