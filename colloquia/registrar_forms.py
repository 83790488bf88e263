"""The forms of the registrar's list screens: notes for bulk decisions, the waiting list, promoting
beyond the quota, registering or inviting someone on their behalf, and accept-by dates."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import AdminDateInput

from .choices import Category
from .forms import NominationUploadForm

ACCEPT_BY_DAYS = 14  # how long a nominee has to answer, unless the registrar says otherwise


class NoteForm(forms.Form):
    """The confirmation of a bulk decision: an optional note that goes into each person's email."""

    note = forms.CharField(
        label=gettext_lazy("Note for the email (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Sent to each person with the decision, e.g. the reporting time or why no place was free."
        ),
    )


class WaitlistPositionForm(forms.Form):
    position = forms.IntegerField(label=gettext_lazy("Position"), min_value=1, max_value=100_000)


class PromoteForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for a place beyond the quota"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Needed only when no place of this category is free. It is recorded in the audit log."),
    )

    NEEDED = gettext_lazy("No place is free: write why this person must have one. It is recorded.")

    def __init__(self, *args, over_quota=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.over_quota = over_quota
        self.fields["reason"].required = over_quota
        self.fields["reason"].error_messages["required"] = self.NEEDED

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if self.over_quota and not reason:
            raise forms.ValidationError(self.NEEDED)
        return reason


def _audience_choices(page):
    labels = dict(Category.choices)
    return [(category, labels.get(category, category)) for category in page.audience_roles()]


def _default_accept_by(page):
    today = timezone.localdate()
    return max(
        today, min(today + datetime.timedelta(days=ACCEPT_BY_DAYS), page.start_date - datetime.timedelta(days=1))
    )


class AcceptByMixin:
    """An accept-by date: after the end of that day, in the event's time zone, the invitation lapses."""

    def _init_accept_by(self, page, *, required=True, help_text=""):
        self.page = page
        self.fields["accept_by"] = forms.DateField(
            label=_("Accept by"),
            widget=AdminDateInput,
            initial=_default_accept_by(page),
            required=required,
            help_text=help_text
            or _(
                "The invitation lapses at the end of this day if it is not accepted; its place then goes "
                "to the waiting list."
            ),
        )

    def clean_accept_by(self):
        day = self.cleaned_data["accept_by"]
        if day is None:
            return None
        today = timezone.localdate()
        if day < today:
            raise forms.ValidationError(_("The accept-by date cannot be in the past."))
        if day > self.page.start_date:
            raise forms.ValidationError(_("The accept-by date must be on or before the event's first day."))
        # The end of that day where the event takes place.
        return datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=self.page.zone)


class NominationImportForm(AcceptByMixin, NominationUploadForm):
    """The nominations CSV, with the date by which the nominees must accept."""

    def __init__(self, *args, page=None, **kwargs):
        super().__init__(*args, page=page, **kwargs)
        self._init_accept_by(
            page,
            required=False,
            help_text=_(
                "Each invitation holds a place while places are free, and lapses at the end of this day "
                "if it is not accepted; its place then goes to the waiting list. Leave empty for invitations "
                "that hold no place and never lapse."
            ),
        )


class ResendInvitationForm(AcceptByMixin, forms.Form):
    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self._init_accept_by(page)


class RegisterAccountForm(forms.Form):
    """Register someone who already has an account, in one of the event's categories."""

    email = forms.EmailField(label=gettext_lazy("Email address of their account"))
    category = forms.ChoiceField(label=gettext_lazy("Category"))

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = _audience_choices(page)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No account uses this address. Invite the person by email instead."))
        self.user = user
        return email


class InvitePersonForm(AcceptByMixin, forms.Form):
    """Invite someone by email, as a nomination: they accept (creating their account) or decline."""

    name = forms.CharField(label=gettext_lazy("Name"), max_length=160)
    email = forms.EmailField(label=gettext_lazy("Email address"))
    designation = forms.CharField(label=gettext_lazy("Designation"), max_length=160, required=False)
    category = forms.ChoiceField(label=gettext_lazy("Category"))
    nominating_office = forms.CharField(label=gettext_lazy("Nominating court or office"), max_length=200)

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = _audience_choices(page)
        self._init_accept_by(page)

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if self.page.registrations.filter(email=email).exists():
            raise forms.ValidationError(_("This address is already registered or invited for this event."))
        return email
