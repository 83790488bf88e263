"""A certificate's page (revoke, re-issue) and bulk issue, in the Wagtail admin; every view scoped by
academy. The register itself, with its CSV and XLSX, is a ModelViewSet (certificates.viewsets).

Registrars of academy A see and act on A's certificates and events only; platform
administrators (academies.services.acts_for_all) on all. A certificate with no academy
(national) is for platform administrators only.
"""

import io
import zipfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from wagtail.models import Page

from academies.services import REGISTRAR, academies_for, academy_for_page, acts_for_all, is_staff_of
from accounts.audit import log_refusal
from colloquia.models import ColloquiumPage
from colloquia.services import eligible_participants, event_details

from .forms import EarlyBatchForm, ReissueForm, RevokeForm
from .models import Certificate, IssueBatch, SourceKind
from .services import BatchRefused, CertificateStateError, batch_refusal, reissue, revoke
from .tasks import start_batch


def registrar_academies(user):
    return academies_for(user, REGISTRAR)


def _require_registrar(request):
    if not registrar_academies(request.user).exists():
        log_refusal(request, "certificate register", "not a registrar")
        raise PermissionDenied


def _certificate_or_404(request, pk):
    cert = get_object_or_404(Certificate.objects.select_related("academy", "superseded_by", "user"), pk=pk)
    if not (acts_for_all(request.user) or is_staff_of(request.user, cert.academy, REGISTRAR)):
        log_refusal(request, f"certificate {pk}", "registrar of another academy")
        raise Http404
    return cert


def scoped_events(user):
    """Colloquium pages in the sections of academies `user` is registrar of."""
    qs = ColloquiumPage.originals.all()
    if not acts_for_all(user):
        pages = [academy.page for academy in registrar_academies(user).select_related("page") if academy.page_id]
        if not pages:
            return ColloquiumPage.originals.none()
        condition = None
        for page in pages:
            part = ColloquiumPage.originals.descendant_of(page)
            condition = part if condition is None else condition | part
        qs = condition
    return qs.order_by("-first_published_at", "title")


def _event_or_404(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, ColloquiumPage):
        raise Http404
    if not (acts_for_all(request.user) or is_staff_of(request.user, academy_for_page(page), REGISTRAR)):
        log_refusal(request, f"event {page_id}", "registrar of another academy")
        raise Http404
    return page


def detail(request, pk):
    _require_registrar(request)
    return _detail_page(request, _certificate_or_404(request, pk))


def _detail_page(request, cert, *, revoke_form=None, reissue_form=None, status=200):
    """The certificate's page; a form that was refused comes back bound, with its errors and entries."""
    user = cert.user
    return TemplateResponse(
        request,
        "certificates/admin/detail.html",
        {
            "page_title": gettext("Certificate %(serial)s") % {"serial": cert.serial},
            "header_icon": "doc-full",
            "cert": cert,
            "supersedes": Certificate.objects.filter(superseded_by=cert).first(),
            "revoke_form": revoke_form or RevokeForm(),
            "reissue_form": reissue_form
            or ReissueForm(
                initial={"full_name": user.full_name, "name_devanagari": user.name_devanagari} if user else None
            ),
        },
        status=status,
    )


@require_POST
def revoke_view(request, pk):
    _require_registrar(request)
    cert = _certificate_or_404(request, pk)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Give the reason for revoking."))
        return _detail_page(request, cert, revoke_form=form, status=400)
    try:
        revoke(cert, reason=form.cleaned_data["reason"], by=request.user)
        messages.success(request, gettext("Certificate %(serial)s revoked.") % {"serial": cert.serial})
    except CertificateStateError as error:
        messages.error(request, str(error))
    return redirect("certificates_admin_detail", pk=cert.pk)


@require_POST
def reissue_view(request, pk):
    _require_registrar(request)
    cert = _certificate_or_404(request, pk)
    form = ReissueForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("The certificate was not re-issued: correct the form below."))
        return _detail_page(request, cert, reissue_form=form, status=400)
    try:
        new = reissue(
            cert,
            by=request.user,
            reason=form.cleaned_data["reason"],
            name=form.cleaned_data["full_name"],
            name_devanagari=form.cleaned_data["name_devanagari"],
            language=form.cleaned_data.get("language") or None,
        )
    except CertificateStateError as error:
        messages.error(request, str(error))
        return redirect("certificates_admin_detail", pk=cert.pk)
    messages.success(
        request,
        gettext("Re-issued as %(new)s; %(old)s is now superseded.") % {"new": new.serial, "old": cert.serial},
    )
    return redirect("certificates_admin_detail", pk=new.pk)


def events(request):
    """Events the registrar may issue attendance certificates for, with recent batches."""
    _require_registrar(request)
    pages = list(scoped_events(request.user)[:200])
    batches = IssueBatch.objects.filter(colloquium_id__in=[p.pk for p in pages]).order_by("-created_at")[:20]
    return TemplateResponse(
        request,
        "certificates/admin/events.html",
        {
            "page_title": gettext("Issue attendance certificates"),
            "header_icon": "doc-full",
            "events": pages,
            "batches": batches,
        },
    )


def issue_event(request, page_id):
    _require_registrar(request)
    page = _event_or_404(request, page_id)
    form = EarlyBatchForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            batch, created = start_batch(page, by=request.user, early_reason=form.cleaned_data["reason"])
        except BatchRefused as refusal:
            form.add_error("reason", str(refusal))
        else:
            if not created:
                messages.info(request, gettext("Certificates for this event are already being issued."))
            return redirect("certificates_admin_batch", pk=batch.pk)
    return TemplateResponse(
        request,
        "certificates/admin/issue_confirm.html",
        {
            "page_title": gettext("Issue certificates: %(title)s") % {"title": page.title},
            "header_icon": "doc-full",
            "event": event_details(page),
            "page": page,
            "eligible": eligible_participants(page),
            "issued": Certificate.objects.filter(
                source_kind=SourceKind.COLLOQUIUM, source_id=page.pk, status=Certificate.VALID
            ).count(),
            "not_ended": batch_refusal(page),
            "form": form,
        },
    )


def _batch_or_404(request, pk):
    _require_registrar(request)
    batch = get_object_or_404(IssueBatch, pk=pk)
    if not (acts_for_all(request.user) or is_staff_of(request.user, batch.academy, REGISTRAR)):
        log_refusal(request, f"certificate batch {pk}", "registrar of another academy")
        raise Http404
    return batch


def batch_view(request, pk):
    batch = _batch_or_404(request, pk)
    return TemplateResponse(
        request,
        "certificates/admin/batch.html",
        {
            "page_title": gettext("Issuing: %(title)s") % {"title": batch.title},
            "header_icon": "doc-full",
            "batch": batch,
            "progress_url": reverse("certificates_admin_batch_progress", args=[batch.pk]),
        },
    )


def batch_progress(request, pk):
    """The batch's figures as JSON for the progress page's script; the same checks as the page."""
    batch = _batch_or_404(request, pk)
    return JsonResponse(
        {
            "status": batch.status,
            "status_label": batch.get_status_display(),
            "running": batch.is_running,
            "total": batch.total,
            "processed": batch.processed,
            "done": batch.done,
            "existing": batch.existing,
            "failed": batch.failed,
            "percent": batch.percent,
            "errors": batch.errors,
        }
    )


def event_zip(request, page_id):
    """Every valid certificate PDF of one event in a ZIP."""
    _require_registrar(request)
    page = _event_or_404(request, page_id)
    certs = Certificate.objects.filter(
        source_kind=SourceKind.COLLOQUIUM, source_id=page.pk, status=Certificate.VALID
    ).only("serial", "pdf", "recipient_name")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for cert in certs.iterator():
            with cert.pdf.open("rb") as handle:
                archive.writestr(f"{cert.serial}.pdf", handle.read())
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="certificates-event-{page.pk}.zip"'
    return response


def admin_urls():
    from django.urls import path

    return [
        path("certificates/<int:pk>/", detail, name="certificates_admin_detail"),
        path("certificates/<int:pk>/revoke/", revoke_view, name="certificates_admin_revoke"),
        path("certificates/<int:pk>/reissue/", reissue_view, name="certificates_admin_reissue"),
        path("certificates/events/", events, name="certificates_admin_events"),
        path("certificates/events/<int:page_id>/issue/", issue_event, name="certificates_admin_issue"),
        path("certificates/events/<int:page_id>/pdfs.zip", event_zip, name="certificates_admin_zip"),
        path("certificates/batches/<int:pk>/", batch_view, name="certificates_admin_batch"),
        path("certificates/batches/<int:pk>/progress/", batch_progress, name="certificates_admin_batch_progress"),
    ]


def register_url():
    return reverse("certificates_register:index")
