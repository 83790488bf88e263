from allauth.account.adapter import get_adapter
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm

from regions.models import HighCourt, State

from .models import User
from .names import PrintedTextField
from .roles import declarable_roles

PROFILE_FIELDS = [
    "full_name",
    "name_devanagari",
    "role",
    "designation",
    "court_or_office",
    "district",
    "state",
    "high_court",
    "preferred_language",
    "devanagari_digits",
]
# The profile fields that print on certificates.
PRINTED_FIELDS = ["full_name", "name_devanagari", "designation", "court_or_office"]

LANGUAGE_LABEL = _("Language for pages and emails")
DEVANAGARI_DIGITS_LABEL = _("Show numbers in Devanagari digits (०१२३) in Hindi pages")


def language_choices():
    """The site's languages, each named in itself, after "as my browser says" (stored blank)."""
    return [("", _("As my browser says")), *settings.LANGUAGES]


class ProfileFieldsMixin:
    """Labels and help shared by the sign-up and profile forms."""

    def setup_profile_fields(self):
        self.label_suffix = ""
        self.fields["full_name"].help_text = User._meta.get_field("full_name").help_text
        instance = getattr(self, "instance", None)
        self.fields["role"].choices = [
            ("", _("Choose your role")),
            *declarable_roles(instance.role if instance else ""),
        ]
        self.fields["role"].required = True
        self.fields["state"].empty_label = _("Choose a State/UT")
        self.fields["high_court"].empty_label = _("Not applicable")
        self.fields["designation"].help_text = _("e.g. Additional Sessions Judge, Special Public Prosecutor.")
        self.fields["preferred_language"].choices = language_choices()
        self.fields["preferred_language"].label = LANGUAGE_LABEL
        self.fields["devanagari_digits"].label = DEVANAGARI_DIGITS_LABEL


class SignupForm(ProfileFieldsMixin, AllauthSignupForm):
    """allauth's sign-up plus what certificates and role checks need."""

    full_name = PrintedTextField(max_length=150, label=_("Full name"))
    name_devanagari = PrintedTextField(max_length=150, required=False, label=_("Name in Devanagari"))
    role = forms.ChoiceField(choices=declarable_roles(), label=_("Role"))
    designation = PrintedTextField(max_length=150, required=False, label=_("Designation"))
    court_or_office = PrintedTextField(max_length=200, required=False, label=_("Court or office"))
    district = forms.CharField(max_length=100, required=False, label=_("District"))
    state = forms.ModelChoiceField(queryset=State.objects.all(), label=_("State/UT"))
    high_court = forms.ModelChoiceField(queryset=HighCourt.objects.all(), required=False, label=_("High Court"))
    preferred_language = forms.ChoiceField(choices=[], required=False)
    devanagari_digits = forms.BooleanField(required=False)

    field_order = ["email", "password1", "password2", *PROFILE_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_profile_fields()
        # Optional; preselected with the language the sign-up page is read in.
        active = translation.get_language() or ""
        codes = {code for code, _name in settings.LANGUAGES}
        language = active if active in codes else active.split("-")[0]
        if language in codes:
            self.fields["preferred_language"].initial = language

    def try_save(self, request):
        if self.account_already_exists:
            # Enumeration prevention: allauth answers a taken address as it answers a new one,
            # but without building an account it would answer many times faster (no password
            # hash), and the delay alone would tell that the address has an account. So build,
            # without saving, the user a new address would get: the same adapter code, the
            # password hashed with the configured hasher.
            adapter = get_adapter(request)
            adapter.save_user(request, adapter.new_user(request), self, commit=False)
        return super().try_save(request)


class ProfileForm(ProfileFieldsMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = PROFILE_FIELDS
        # The model's field names give English labels; these are the translated ones.
        labels = {
            "full_name": _("Full name"),
            "name_devanagari": _("Name in Devanagari"),
            "role": _("Role"),
            "designation": _("Designation"),
            "court_or_office": _("Court or office"),
            "district": _("District"),
            "state": _("State/UT"),
            "high_court": _("High Court"),
        }
        field_classes = dict.fromkeys(PRINTED_FIELDS, PrintedTextField)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_profile_fields()
        self.fields["state"].required = True


class RoleDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("verify", _("Verify")), ("reject", _("Reject"))], label=_("Decision"))
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label=_("Note"),
        help_text=_("Sent to the user. Required when rejecting."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not data.get("note", "").strip():
            self.add_error("note", _("Say why the role could not be verified."))
        return data


class DeletionRequestForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account will be anonymised and cannot be restored."),
    )


# The user model has no first or last name (one full name, as printed on certificates);
# Wagtail's forms declare both as required, so without this no user could be saved.
NO_SPLIT_NAME = {"first_name", "last_name"}


class WagtailUserEditForm(UserEditForm):
    full_name = PrintedTextField(max_length=150, required=True, label=_("Full name"))
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        fields = (set(UserEditForm.Meta.fields) - NO_SPLIT_NAME) | {"full_name"}


class WagtailUserCreationForm(UserCreationForm):
    full_name = PrintedTextField(max_length=150, required=True, label=_("Full name"))
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        fields = (set(UserCreationForm.Meta.fields) - NO_SPLIT_NAME) | {"full_name"}
