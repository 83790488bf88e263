from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from academies.models import Academy
from regions.models import State

from .choices import Audience, Decision, Language, Licence, ResourceType, TargetMode
from .files import ACCEPTED_HELP, check_upload, max_upload_size
from .models import Topic

MAX_FILES = 10
FILES_AGAIN = gettext_lazy("Nothing was saved. Your other entries are kept below; choose your files again.")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one <input type="file" multiple>; each is checked by resources.files."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.docx,.odt,.pptx,.xlsx,.png,.jpg,.jpeg"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploads = [item for item in data if item] if isinstance(data, list | tuple) else [data] if data else []
        if not uploads:
            if self.required:
                raise ValidationError(_("Choose at least one file."), code="required")
            return []
        if len(uploads) > MAX_FILES:
            raise ValidationError(
                ngettext("At most %(count)s file per resource.", "At most %(count)s files per resource.", MAX_FILES)
                % {"count": MAX_FILES}
            )
        checked, errors = [], []
        for upload in uploads:
            try:
                checked.append(check_upload(upload, upload.name))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return checked


class ResourceForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    summary = forms.CharField(label=gettext_lazy("Summary"), max_length=600, widget=forms.Textarea(attrs={"rows": 3}))
    description = forms.CharField(
        label=gettext_lazy("Description"),
        required=False,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        # Plain words: Django's form templates print help_text unescaped, so tag names would become markup.
        help_text=gettext_lazy(
            "Optional. You may format it with simple HTML: paragraphs, bold, italic, links, bulleted and "
            "numbered lists, and headings. Anything else is removed."
        ),
    )
    topics = forms.ModelMultipleChoiceField(
        label=gettext_lazy("Topics"), queryset=Topic.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    resource_type = forms.ChoiceField(label=gettext_lazy("Resource type"), choices=ResourceType.choices)
    language = forms.ChoiceField(label=gettext_lazy("Language"), choices=Language.choices)
    states = forms.ModelMultipleChoiceField(
        queryset=State.objects.all(),
        required=False,
        label=gettext_lazy("States/UTs it concerns"),
        help_text=gettext_lazy("Leave empty if it concerns all of India."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    audience = forms.ChoiceField(label=gettext_lazy("Audience"), choices=Audience.choices)
    licence = forms.ChoiceField(label=gettext_lazy("Licence"), choices=Licence.choices)
    author_source = forms.CharField(label=gettext_lazy("Author or source"), max_length=200)
    content_note = forms.BooleanField(
        required=False,
        label=gettext_lazy("Content note: describes abuse or exploitation that some readers may find distressing"),
    )
    target_mode = forms.ChoiceField(
        choices=TargetMode.choices, widget=forms.RadioSelect, initial=TargetMode.STATES, label=gettext_lazy("Send to")
    )
    target_academies = forms.ModelMultipleChoiceField(
        queryset=Academy.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Academies (if you choose)"),
    )
    files = MultipleFileField(label=gettext_lazy("Files"))

    def __init__(self, *args, existing_files=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _(
            "%(accepted)s; at most %(size)s MB in all. Hold Ctrl or ⌘ to choose several."
        ) % {"accepted": ACCEPTED_HELP, "size": max_upload_size() // (1024 * 1024)}
        self.existing_files = list(existing_files)
        if self.existing_files:
            self.fields["files"].required = False
            self.fields["files"].label = _("Add files")
            self.fields["remove_files"] = forms.MultipleChoiceField(
                required=False,
                label=_("Remove these files"),
                choices=[(str(f.pk), f.original_name) for f in self.existing_files],
                widget=forms.CheckboxSelectMultiple,
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("target_mode") == TargetMode.CHOSEN and not cleaned.get("target_academies"):
            self.add_error(
                "target_academies", _("Choose at least one academy, or send it to the academies of its States.")
            )
        if self.existing_files and "files" in cleaned:
            removed = set(cleaned.get("remove_files") or [])
            kept = [f for f in self.existing_files if str(f.pk) not in removed]
            if not kept and not cleaned.get("files"):
                self.add_error("files", _("A resource needs at least one file."))
            cleaned["kept_files"] = kept
        return cleaned


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=gettext_lazy("Decision"), choices=Decision.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("Required to request changes or reject; the organisation sees it."),
    )

    def clean(self):
        cleaned = super().clean()
        needs_note = cleaned.get("decision") in (Decision.REQUEST_CHANGES, Decision.REJECT)
        if needs_note and not cleaned.get("note", "").strip():
            self.add_error("note", _("Say what needs to change, or why it is rejected."))
        return cleaned
