"""An event's questions as one form, added to its registration and nomination-acceptance forms.

colloquia shows it through the `colloquium_registration_form_extensions` hook
(colloquia.extensions): `save(registration)` runs inside the registration's transaction,
`discard()` removes the files `save` stored if that transaction fails.
"""

from django import forms
from django.core.files.base import ContentFile
from django.utils.html import conditional_escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from resources.files import ACCEPTED_HELP, check_upload, max_upload_size

from .choices import QuestionKind
from .models import Answer

K = QuestionKind
PREFIX = "questions"
# What a date field accepts: the browser's date picker sends 2026-03-14; typed, 14/03/2026 as written in India.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]
YES_NO = [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]
SHORT_TEXT_LENGTH = 255
LONG_TEXT_LENGTH = 5000
FILE_ACCEPT = ".pdf,.docx,.odt,.pptx,.xlsx,.png,.jpg,.jpeg"


class CheckedFileField(forms.FileField):
    """A file whose content resources.files.check_upload has accepted; cleaned, it is a CheckedFile."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": FILE_ACCEPT}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload:
            return None
        return check_upload(upload, upload.name)


def _megabytes(size):
    return f"{size / (1024 * 1024):g} MB"


def field_name(question):
    return f"q{question.pk}"


def field_for(question):
    """The form field that asks `question`."""
    label = question.label if question.required else _("%(question)s (optional)") % {"question": question.label}
    # Django's field templates print help text unescaped: an editor's text is escaped here.
    help_text = conditional_escape(question.help_text)
    common = {"label": label, "required": question.required}
    kind = question.kind
    if kind == K.FILE:
        accepted = _("%(formats)s, at most %(size)s.") % {
            "formats": ACCEPTED_HELP,
            "size": _megabytes(max_upload_size()),
        }
        return CheckedFileField(help_text=f"{help_text} {accepted}".strip(), **common)
    common["help_text"] = help_text
    if kind == K.LONG_TEXT:
        return forms.CharField(max_length=LONG_TEXT_LENGTH, widget=forms.Textarea(attrs={"rows": 4}), **common)
    if kind == K.SINGLE_CHOICE:
        return forms.ChoiceField(
            choices=[(choice, choice) for choice in question.choice_list()], widget=forms.RadioSelect, **common
        )
    if kind == K.MULTIPLE_CHOICE:
        return forms.MultipleChoiceField(
            choices=[(choice, choice) for choice in question.choice_list()],
            widget=forms.CheckboxSelectMultiple,
            **common,
        )
    if kind == K.DATE:
        return forms.DateField(
            input_formats=DATE_INPUT_FORMATS,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={"invalid": gettext_lazy("Enter a date such as 14/03/2026.")},
            **common,
        )
    if kind == K.YES_NO:
        return forms.TypedChoiceField(
            choices=YES_NO, coerce=lambda value: value == "yes", empty_value=None, widget=forms.RadioSelect, **common
        )
    return forms.CharField(max_length=SHORT_TEXT_LENGTH, **common)


def _is_empty(value):
    return value is None or value == "" or value == []


class AnswersForm(forms.Form):
    """The questions of one event; each question is a field named after its id."""

    def __init__(self, questions, *args, **kwargs):
        kwargs.setdefault("prefix", PREFIX)
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[field_name(question)] = field_for(question)
        self.stored = []  # (storage, name) of each file `save` wrote

    def save(self, registration):
        """Store the answers of a valid form for `registration`, replacing any it had (registering again)."""
        Answer.objects.filter(registration=registration).delete()  # their files go once the transaction commits
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            if _is_empty(value):
                continue
            answer = Answer(registration=registration, question=question, question_label=question.label)
            answer.kind = question.kind
            if question.kind == K.FILE:
                answer.file_name = value.name
                answer.content_type = value.content_type
                answer.size = value.size
                answer.sha256 = value.sha256
                answer.file.save(value.name, ContentFile(value.content), save=False)
                self.stored.append((answer.file.storage, answer.file.name))
            elif question.kind == K.DATE:
                answer.value = value.isoformat()
            else:
                answer.value = value
            answer.save()

    def discard(self):
        """Remove the files `save` wrote: the transaction they belonged to did not commit."""
        for storage, name in self.stored:
            storage.delete(name)
        self.stored = []


def registration_form(page, data=None, files=None):
    """The hook function: `page`'s questions as a form (bound when `data` is given), or None when it asks none."""
    questions = list(page.registration_questions.all())
    if not questions:
        return None
    return AnswersForm(questions, data=data, files=files)
