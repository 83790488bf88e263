"""Public verification, and the learner's own certificates and transcript."""

import hashlib
import io
import logging
import re

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from core.cache import depends_on
from core.file_store import RETRY_AFTER_SECONDS, STORE_UNREACHABLE

from . import open_badges, ratelimit
from .forms import CertificateLanguageForm, VerifyCodeForm, VerifyCredentialForm, VerifyFileForm
from .models import Certificate, CertificateLanguage, language_for
from .pdf import render_transcript
from .services import CertificateStateError, certificates_of, reissue, transcript_data, verification_tag

logger = logging.getLogger("colloquium.certificates")

CODE_RE = re.compile(r"/certificates/verify/([A-Za-z0-9_-]{16,43})/?")
PUBLIC_FIELDS = (
    "pk",
    "kind",
    "serial",
    "verification_code",
    "recipient_name",
    "recipient_name_devanagari",
    "designation",
    "court_or_office",
    "title",
    "programme",
    "venue",
    "start_date",
    "end_date",
    "hours",
    "score",
    "academy_name",
    "heading",
    "statement",
    "language",
    "heading_hi",
    "title_hi",
    "statement_hi",
    "signatories",
    "issued_at",
    "status",
    "revoked_reason",
    "revoked_at",
    "pdf",
    "pdf_sha256",
    "superseded_by__serial",
    "superseded_by__verification_code",
)


def _too_many(request):
    response = render(request, "certificates/rate_limited.html", status=429)
    response["Retry-After"] = "60"
    return response


def _public(code):
    return (
        Certificate.objects.select_related("superseded_by").only(*PUBLIC_FIELDS).filter(verification_code=code).first()
    )


def _supersedes(cert):
    return Certificate.objects.filter(superseded_by=cert).only("serial", "verification_code").first()


def find_code_in_pdf(data):
    """The verification code printed in (or linked from) a certificate PDF, or None."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        for page in reader.pages[:3]:
            match = CODE_RE.search((page.extract_text() or "").replace("\n", ""))
            if match:
                return match.group(1)
            for annotation in page.get("/Annots") or []:
                uri = (annotation.get_object().get("/A") or {}).get("/URI")
                match = CODE_RE.search(str(uri or ""))
                if match:
                    return match.group(1)
    except (PdfReadError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return None


def _check_credential(request):
    """The verify page's credential form, bound, and its result (None until it is valid)."""
    form = VerifyCredentialForm(request.POST, request.FILES, max_bytes=open_badges.MAX_CREDENTIAL_BYTES)
    if not form.is_valid():
        return form, None
    try:
        checked = open_badges.verify_credential(form.cleaned_data["text"])
    except open_badges.CredentialRefused as refusal:
        form.add_error(None, str(refusal))
        return form, None
    return form, {"outcome": checked.outcome, "cert": checked.cert, "credential": True}


def _check_pdf(request):
    """The verify page's PDF form, bound, and its result (None until it is valid)."""
    form = VerifyFileForm(request.POST, request.FILES)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data["pdf"].read()
    digest = hashlib.sha256(data).hexdigest()
    genuine = Certificate.objects.filter(pdf_sha256=digest).only(*PUBLIC_FIELDS).first()
    if genuine:
        return form, {"outcome": "genuine", "cert": genuine}
    code = find_code_in_pdf(data)
    cert = _public(code) if code else None
    return form, {"outcome": "altered" if cert else "unknown", "cert": cert, "digest": digest}


@require_http_methods(["GET", "POST"])
def verify(request):
    """Enter a code, upload a PDF to check it is the genuine, unaltered file, or check an Open Badges credential."""
    code_form = VerifyCodeForm(request.GET or None)
    file_form = VerifyFileForm()
    credential_form = VerifyCredentialForm(max_bytes=open_badges.MAX_CREDENTIAL_BYTES)
    result = None
    if request.method == "GET" and request.GET:
        if ratelimit.hit(request):
            return _too_many(request)
        if code_form.is_valid():
            return redirect("certificates:verify_code", code=code_form.cleaned_data["code"])
    if request.method == "POST":
        if ratelimit.hit(request):
            return _too_many(request)
        if request.POST.get("check") == "credential":
            credential_form, result = _check_credential(request)
        else:
            file_form, result = _check_pdf(request)
    return render(
        request,
        "certificates/verify.html",
        {"code_form": code_form, "file_form": file_form, "credential_form": credential_form, "result": result},
    )


def verify_code(request, code):
    if ratelimit.hit(request):
        return _too_many(request)
    depends_on(verification_tag(code))  # before the read: a revocation meanwhile makes the page stale
    cert = _public(code)
    if cert is None:
        return render(request, "certificates/not_found.html", {"code": code[:60]}, status=404)
    return render(request, "certificates/verify_detail.html", {"cert": cert, "supersedes": _supersedes(cert)})


def _pdf_response(request, cert, *, attachment):
    # Read here, not while streaming: a store that stops answering gets a page saying so, not a
    # response cut off mid-way (S3 downloads the whole object on the first read anyway).
    try:
        with cert.pdf.open("rb") as handle:
            content = handle.read()
    except (FileNotFoundError, ValueError) as error:
        raise Http404("The stored PDF is missing.") from error
    except STORE_UNREACHABLE:
        logger.exception("certificate %s: the file store did not answer", cert.serial)
        response = render(request, "certificates/file_unavailable.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    response = FileResponse(
        io.BytesIO(content), content_type="application/pdf", as_attachment=attachment, filename=f"{cert.serial}.pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-transform"
    return response


def verify_pdf(request, code):
    """The stored PDF, for anyone holding its code (the code is the secret the holder chose to share)."""
    if ratelimit.hit(request):
        return _too_many(request)
    cert = get_object_or_404(Certificate.objects.only("pk", "serial", "pdf"), verification_code=code)
    return _pdf_response(request, cert, attachment=False)


@never_cache
@login_required
def mine(request):
    return render(
        request,
        "certificates/mine.html",
        {
            "certificates": certificates_of(request.user),
            "language_choices": CertificateLanguage.choices,
            "preferred_language": language_for(request.user),
        },
    )


@never_cache
@login_required
@require_POST
def choose_language(request, pk):
    """Print one of my certificates in another language: a copy is issued in it (a new serial, the
    profile's current details) and the one it replaces is marked superseded, like any re-issue."""
    cert = get_object_or_404(Certificate, pk=pk, user=request.user)
    form = CertificateLanguageForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("language", [])))
        return redirect("certificates:mine")
    language = form.cleaned_data["language"]
    label = CertificateLanguage(language).label
    if language == cert.language:
        messages.info(request, gettext("This certificate is already printed in %(language)s.") % {"language": label})
        return redirect("certificates:mine")
    with translation.override("en"):  # the audit log's reason is kept in English
        reason = f"Printed in {CertificateLanguage(language).label} at the recipient's request."
    try:
        new = reissue(cert, by=request.user, reason=reason, language=language)
    except CertificateStateError as error:
        messages.error(request, str(error))
        return redirect("certificates:mine")
    messages.success(
        request,
        gettext("Your certificate is now printed in %(language)s, as %(new)s; %(old)s is superseded.")
        % {"language": label, "new": new.serial, "old": cert.serial},
    )
    return redirect("certificates:mine")


@never_cache
@login_required
def download(request, pk):
    # Owner only; anyone else gets the same 404 as a certificate that does not exist.
    cert = get_object_or_404(Certificate.objects.only("pk", "serial", "pdf"), pk=pk, user=request.user)
    return _pdf_response(request, cert, attachment=True)


@never_cache
@login_required
def transcript(request):
    certificates, total = transcript_data(request.user)
    body = render_transcript(request.user, certificates, total, timezone.localtime())
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="colloquium-transcript.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@login_required
def download_credential(request, pk):
    """The certificate as a signed Open Badges 3.0 credential (VC-JWT), owner only like the PDF."""
    cert = get_object_or_404(Certificate, pk=pk, user=request.user)
    response = HttpResponse(open_badges.credential_for(cert, request.user.email), content_type=open_badges.MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{cert.serial}.jwt"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _public_json(data, *, cache_control="no-cache"):
    # Wallets and verifiers in a browser fetch these from other origins; nothing here is private.
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = cache_control
    return response


def jwks(request):
    """Every public key a credential of ours may be signed with (retired ones too), at /.well-known/jwks.json."""
    return _public_json({"keys": [key.as_jwk() for key in open_badges.published_keys()]})


def credential_key(request, thumbprint):
    """One public key as a JWK: what a credential's `kid` names. A key never changes under its thumbprint."""
    key = open_badges.published_key(thumbprint)
    if key is None:
        raise Http404("No such key.")
    return _public_json(key.as_jwk(), cache_control="public, max-age=86400, immutable")


def credential_issuer(request, code):
    """The issuer profile a credential names: the academy (its name as printed on its newest certificate)."""
    if code == "platform":
        return _public_json(open_badges.issuer_profile(code, settings.SITE_NAME))
    name = (
        Certificate.objects.filter(academy_code=code)
        .order_by("-issued_at")
        .values_list("academy_name", flat=True)
        .first()
    )
    if name is None:
        raise Http404("No such issuer.")
    return _public_json(open_badges.issuer_profile(code, name))


def credential_status(request, number):
    """The signed revocation list (W3C Bitstring Status List) that wallets check; made fresh on each request."""
    response = HttpResponse(open_badges.status_list_credential(number), content_type=open_badges.MEDIA_TYPE)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "no-cache"
    return response
