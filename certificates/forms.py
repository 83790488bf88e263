from django import forms
from django.utils.translation import gettext_lazy

from accounts.names import PrintedTextField

from .models import CertificateLanguage

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class VerifyCodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Verification code"),
        max_length=200,
        help_text=gettext_lazy("The code printed under the QR code, or the whole verification address."),
    )

    def clean_code(self):
        value = self.cleaned_data["code"].strip().rstrip("/")
        # Accept the full printed URL as well as the bare code.
        return value.rsplit("/", 1)[-1]


class VerifyFileForm(forms.Form):
    pdf = forms.FileField(
        label=gettext_lazy("Certificate PDF"), help_text=gettext_lazy("The PDF file you were given (at most 10 MB).")
    )

    def clean_pdf(self):
        upload = self.cleaned_data["pdf"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                gettext_lazy("That file is larger than 10 MB; a certificate PDF is much smaller.")
            )
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(gettext_lazy("That file is not a PDF."))
        return upload


class VerifyCredentialForm(forms.Form):
    """An Open Badges credential, pasted or as its file (.jwt, or .json holding the signed token)."""

    credential = forms.CharField(
        label=gettext_lazy("Paste the credential"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false", "autocomplete": "off"}),
        help_text=gettext_lazy("The signed token (it starts with “ey”), or the JSON your wallet exported."),
    )
    credential_file = forms.FileField(
        label=gettext_lazy("Or choose the credential file"),
        required=False,
        help_text=gettext_lazy("The .jwt file downloaded from “My certificates”, or a .json file (at most 64 KB)."),
    )

    def __init__(self, *args, max_bytes, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_bytes = max_bytes

    def clean(self):
        data = super().clean()
        upload, text = data.get("credential_file"), data.get("credential") or ""
        if upload is not None:
            if upload.size > self.max_bytes:
                raise forms.ValidationError(
                    gettext_lazy("That file is larger than 64 KB; a credential from this platform is about 4 KB.")
                )
            try:
                text = upload.read(self.max_bytes + 1).decode("utf-8")
            except UnicodeDecodeError as error:
                raise forms.ValidationError(
                    gettext_lazy("That file is not text, so it is not a credential.")
                ) from error
        if not text.strip():
            raise forms.ValidationError(gettext_lazy("Paste the credential or choose its file."))
        data["text"] = text
        return data


class RevokeForm(forms.Form):
    """Shown on a certificate's admin page beside ReissueForm: each has its own id prefix
    (id_revoke_reason, id_reissue_reason), so every label points at its own field while
    both still post a plain `reason`."""

    reason = forms.CharField(
        label=gettext_lazy("Reason for revoking"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_revoke_%s")
        super().__init__(*args, **kwargs)


class ReissueForm(forms.Form):
    full_name = PrintedTextField(label=gettext_lazy("Name as it must print"), max_length=150)
    name_devanagari = PrintedTextField(label=gettext_lazy("Name in Devanagari"), max_length=150, required=False)
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the certificate"),
        choices=[("", gettext_lazy("As the certificate being replaced")), *CertificateLanguage.choices],
        required=False,
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason for re-issuing"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=gettext_lazy("e.g. Name corrected from 'Anjli' to 'Anjali' at the recipient's request."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "id_reissue_%s")
        super().__init__(*args, **kwargs)


class EarlyBatchForm(forms.Form):
    """The registrar's written reason for issuing an event's certificates before it has ended."""

    reason = forms.CharField(
        label=gettext_lazy("Reason for issuing before the event ends"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
        help_text=gettext_lazy(
            "e.g. The valedictory session was cancelled; every participant attended the sessions held."
        ),
    )


class CertificateLanguageForm(forms.Form):
    """The learner's choice of the language(s) their certificate is printed in."""

    language = forms.ChoiceField(
        label=gettext_lazy("Print this certificate in"),
        choices=CertificateLanguage.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose the language of the certificate.")},
    )
