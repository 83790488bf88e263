"""Public verification, and the learner's own certificates and transcript."""

import hashlib
import re

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.cache import depends_on

from . import ratelimit
from .forms import VerifyCodeForm, VerifyFileForm
from .models import Certificate
from .pdf import render_transcript
from .services import certificates_of, transcript_data, verification_tag

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


@require_http_methods(["GET", "POST"])
def verify(request):
    """Enter a code, or upload a PDF to check it is the genuine, unaltered file."""
    code_form = VerifyCodeForm(request.GET or None)
    file_form = VerifyFileForm()
    result = None
    if request.method == "GET" and request.GET:
        if ratelimit.hit(request):
            return _too_many(request)
        if code_form.is_valid():
            return redirect("certificates:verify_code", code=code_form.cleaned_data["code"])
    if request.method == "POST":
        if ratelimit.hit(request):
            return _too_many(request)
        file_form = VerifyFileForm(request.POST, request.FILES)
        if file_form.is_valid():
            data = file_form.cleaned_data["pdf"].read()
            digest = hashlib.sha256(data).hexdigest()
            genuine = Certificate.objects.filter(pdf_sha256=digest).only(*PUBLIC_FIELDS).first()
            if genuine:
                result = {"outcome": "genuine", "cert": genuine}
            else:
                code = find_code_in_pdf(data)
                cert = _public(code) if code else None
                result = {"outcome": "altered" if cert else "unknown", "cert": cert, "digest": digest}
    return render(
        request,
        "certificates/verify.html",
        {"code_form": code_form, "file_form": file_form, "result": result},
    )


def verify_code(request, code):
    if ratelimit.hit(request):
        return _too_many(request)
    depends_on(verification_tag(code))  # before the read: a revocation meanwhile makes the page stale
    cert = _public(code)
    if cert is None:
        return render(request, "certificates/not_found.html", {"code": code[:60]}, status=404)
    return render(request, "certificates/verify_detail.html", {"cert": cert, "supersedes": _supersedes(cert)})


def _pdf_response(cert, *, attachment):
    try:
        handle = cert.pdf.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404("The stored PDF is missing.") from error
    response = FileResponse(
        handle, content_type="application/pdf", as_attachment=attachment, filename=f"{cert.serial}.pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-transform"
    return response


def verify_pdf(request, code):
    """The stored PDF, for anyone holding its code (the code is the secret the holder chose to share)."""
    if ratelimit.hit(request):
        return _too_many(request)
    cert = get_object_or_404(Certificate.objects.only("pk", "serial", "pdf"), verification_code=code)
    return _pdf_response(cert, attachment=False)


@never_cache
@login_required
def mine(request):
    return render(request, "certificates/mine.html", {"certificates": certificates_of(request.user)})


@never_cache
@login_required
def download(request, pk):
    # Owner only; anyone else gets the same 404 as a certificate that does not exist.
    cert = get_object_or_404(Certificate.objects.only("pk", "serial", "pdf"), pk=pk, user=request.user)
    return _pdf_response(cert, attachment=True)


@never_cache
@login_required
def transcript(request):
    certificates, total = transcript_data(request.user)
    body = render_transcript(request.user, certificates, total, timezone.localtime())
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="colloquium-transcript.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
