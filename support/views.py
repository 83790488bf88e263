"""The support record's admin screens (behind the admin's two-factor step).

Every view loads the record through `_record`: without the model permission Wagtail's refusal
(a redirect to the dashboard); a record the user may not see answers 404 (no hint it exists);
a write by someone who may only read (MHA reviewers) is refused like a missing permission.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.audit import log_refusal
from colloquia.models import ColloquiumPage

from . import services
from .choices import GFR_FORM, BudgetHead, Document, budget_field
from .forms import CorrectionForm, ExpenditureForm, PhotographForm, ProposalForm, RefundForm, SanctionForm, SignForm
from .models import Expenditure, Photograph, SignedVersion, SupportRecord
from .services.access import KEEP_PERMISSION, VIEW_PERMISSION

# A served voucher or photograph may be shown in the browser (PDF, images) but never run anything.
FILE_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'none'"
INLINE_TYPES = {"application/pdf", "image/png", "image/jpeg"}


def _record(request, pk, *, keep=False):
    if not request.user.has_perm(KEEP_PERMISSION if keep else VIEW_PERMISSION):
        raise PermissionDenied
    record = get_object_or_404(SupportRecord.objects.select_related("event", "event__state", "academy"), pk=pk)
    if not services.may_view(request.user, record):
        log_refusal(request, f"support record {pk}", "outside the user's academies")
        raise Http404
    if keep and not services.may_keep(request.user, record):
        log_refusal(request, f"support record {pk}", "read-only for this user")
        raise PermissionDenied
    return record


def _detail(record):
    return redirect("support_record", record.pk)


def _serve(field_file, *, name, content_type, inline=None):
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    inline = content_type in INLINE_TYPES if inline is None else inline
    response = FileResponse(handle, as_attachment=not inline, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cache-Control"] = "private, no-store"
    return response


def open_records(request):
    """The events of the keeper's academies that have no support record yet; POST opens one."""
    if not request.user.has_perm(KEEP_PERMISSION):
        raise PermissionDenied
    academies = services.keeper_academies(request.user)
    events = (
        ColloquiumPage.originals.filter(academy__in=academies)
        .exclude(pk__in=SupportRecord.objects.values("event_id"))
        .select_related("academy", "state")
        .order_by("-start_date")
    )
    if request.method == "POST":
        event = events.filter(pk=request.POST.get("event")).first()
        if event is None:
            log_refusal(request, f"support open {request.POST.get('event')!r}", "not an event of the user's academies")
            raise Http404
        record = services.open_record(event, by=request.user)
        messages.success(
            request,
            _("Support record opened for %(event)s. Enter the proposal's budget first.") % {"event": event.title},
        )
        return redirect("support_proposal", record.pk)
    return TemplateResponse(
        request,
        "support/admin/open.html",
        {"page_title": _("Open a support record"), "header_icon": "doc-full", "events": events},
    )


def record_detail(request, pk):
    record = _record(request, pk)
    may_keep = services.may_keep(request.user, record)
    return TemplateResponse(
        request,
        "support/admin/detail.html",
        {
            "page_title": record.event.title,
            "header_icon": "doc-full",
            "record": record,
            "money": services.position(record),
            "expenditure": record.expenditure.all(),
            "photographs": record.photographs.all(),
            "versions": record.versions.select_related("signed_by", "superseded_by"),
            "gfr_form": GFR_FORM[record.grantee_kind],
            "may_keep": may_keep,
            "editable": may_keep and not record.locked,
            "signing_problem": services.signing_problem(record),
        },
    )


def _form_page(request, record, form, *, title, action, multipart=False, intro="", problems=()):
    return TemplateResponse(
        request,
        "support/admin/form.html",
        {
            "page_title": title,
            "header_icon": "doc-full",
            "record": record,
            "form": form,
            "action": action,
            "multipart": multipart,
            "intro": intro,
            "problems": problems,
        },
    )


def proposal(request, pk):
    record = _record(request, pk, keep=True)
    initial = {
        "grantee_kind": record.grantee_kind,
        "proposed_on": record.proposed_on,
        "proposal_note": record.proposal_note,
        **{budget_field(head): amount for head, amount in record.budget()},
    }
    form = ProposalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_proposal(
                record,
                amounts=form.amounts(),
                grantee_kind=form.cleaned_data["grantee_kind"],
                note=form.cleaned_data["proposal_note"],
                proposed_on=form.cleaned_data["proposed_on"],
                by=request.user,
            )
        except services.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Proposal saved."))
            return _detail(record)
    return _form_page(
        request,
        record,
        form,
        title=_("Proposal: %(event)s") % {"event": record.event.title},
        action=reverse("support_proposal", args=[record.pk]),
        intro=_("The budget by head. The MHA supports at most Rs 2,00,000 per event."),
    )


def sanction(request, pk):
    record = _record(request, pk, keep=True)
    initial = {
        "sanction_order_number": record.sanction_order_number,
        "sanction_date": record.sanction_date,
        "sanction_amount": record.sanction_amount,
        "sanctioning_authority": record.sanctioning_authority,
    }
    form = SanctionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_sanction(
                record,
                order_number=data["sanction_order_number"],
                date=data["sanction_date"],
                amount=data["sanction_amount"],
                authority=data["sanctioning_authority"],
                by=request.user,
            )
        except services.Refused as refusal:
            form.add_error("sanction_amount", str(refusal))
        else:
            messages.success(request, _("Sanction saved."))
            return _detail(record)
    return _form_page(
        request,
        record,
        form,
        title=_("Sanction: %(event)s") % {"event": record.event.title},
        action=reverse("support_sanction", args=[pk]),
    )


def _add_with_file(request, pk, form_class, file_field, save, screen):
    """A screen that adds an entry with an uploaded file (a voucher, a photograph). `save(record,
    data)` stores it through the service and returns the messages to show, as (level, text);
    `screen` is (its title, its URL name)."""
    title, url_name = screen
    record = _record(request, pk, keep=True)
    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            shown = save(record, form.cleaned_data)
        except ValidationError as error:  # the file itself was refused: said beside it
            form.add_error(file_field, error)
        except services.Refused as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            for level, text in shown:
                messages.add_message(request, level, text)
            return _detail(record)
    title = _("%(screen)s: %(event)s") % {"screen": title, "event": record.event.title}
    return _form_page(request, record, form, title=title, action=reverse(url_name, args=[pk]), multipart=True)


def _remove(request, pk, model, entry_id, *, remove, removed):
    """Remove one entry of the record through the service `remove`; `removed(entry)` says what went."""
    record = _record(request, pk, keep=True)
    entry = get_object_or_404(model, pk=entry_id, record=record)
    try:
        remove(entry, by=request.user)
        messages.success(request, removed(entry))
    except services.Refused as refusal:
        messages.error(request, str(refusal))
    return _detail(record)


def add_expenditure(request, pk):
    def save(record, data):
        entry, warning = services.add_expenditure(
            record,
            head=data["head"],
            spent_on=data["spent_on"],
            payee=data["payee"],
            description=data["description"],
            amount=data["amount"],
            voucher=data["voucher"],
            by=request.user,
        )
        shown = [
            (
                messages.SUCCESS,
                _("%(payee)s: %(head)s entered.") % {"payee": entry.payee, "head": BudgetHead(entry.head).label},
            )
        ]
        return shown + ([(messages.WARNING, warning)] if warning else [])

    screen = (_("Expenditure"), "support_add_expenditure")
    return _add_with_file(request, pk, ExpenditureForm, "voucher", save, screen)


@require_POST
def remove_expenditure(request, pk, entry_id):
    removed = lambda entry: _("%(payee)s: entry removed.") % {"payee": entry.payee}  # noqa: E731
    return _remove(request, pk, Expenditure, entry_id, remove=services.remove_expenditure, removed=removed)


def add_photograph(request, pk):
    def save(record, data):
        services.add_photograph(record, image=data["image"], caption=data["caption"], by=request.user)
        return [(messages.SUCCESS, _("Photograph added."))]

    screen = (_("Photograph"), "support_add_photograph")
    return _add_with_file(request, pk, PhotographForm, "image", save, screen)


@require_POST
def remove_photograph(request, pk, photo_id):
    removed = lambda photo: _("Photograph removed.")  # noqa: E731
    return _remove(request, pk, Photograph, photo_id, remove=services.remove_photograph, removed=removed)


def refund(request, pk):
    record = _record(request, pk, keep=True)
    initial = {"refund_reference": record.refund_reference, "refunded_on": record.refunded_on}
    form = RefundForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_refund(
                record,
                reference=form.cleaned_data["refund_reference"],
                refunded_on=form.cleaned_data["refunded_on"],
                by=request.user,
            )
        except services.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Refund recorded."))
            return _detail(record)
    return _form_page(
        request,
        record,
        form,
        title=_("Refund of the unspent balance: %(event)s") % {"event": record.event.title},
        action=reverse("support_refund", args=[pk]),
        intro=_("The challan, transfer or letter by which the unspent balance went back to the Government."),
    )


def sign(request, pk):
    record = _record(request, pk, keep=True)
    signatories = record.academy.signatories.order_by("sort_order")
    form = SignForm(request.POST or None, signatories=signatories)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.sign(record, signatory=form.cleaned_data["signatory"], by=request.user)
        except services.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request, _("Version %(number)s signed; the record is locked.") % {"number": version.number}
            )
            return _detail(record)
    problems = [services.signing_problem(record)]
    if not signatories.exists():
        problems.append(_("The academy's record names no signatory: an administrator adds the Director there."))
    return _form_page(
        request,
        record,
        form,
        problems=[problem for problem in problems if problem] if not form.errors else [],
        title=_("Sign the utilisation certificate: %(event)s") % {"event": record.event.title},
        action=reverse("support_sign", args=[pk]),
        intro=_(
            "Signing stores the utilisation certificate and the outcome report as they are now, and locks the "
            "record. A later correction opens a new version; this one is kept."
        ),
    )


def correct(request, pk):
    record = _record(request, pk, keep=True)
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.open_correction(record, reason=form.cleaned_data["reason"], by=request.user)
        except services.Refused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("A correction is open as a new version; the signed version is kept."))
            return _detail(record)
    return _form_page(
        request,
        record,
        form,
        title=_("Correct: %(event)s") % {"event": record.event.title},
        action=reverse("support_correct", args=[pk]),
    )


def document(request, pk, kind):
    """The current (draft) document: the proposal, or an unsigned certificate or report."""
    record = _record(request, pk)
    try:
        kind = Document(kind)
    except ValueError as error:
        raise Http404 from error
    pdf = services.render_document(record, kind, signatory=record.academy.signatories.order_by("sort_order").first())
    response = HttpResponse(pdf, content_type="application/pdf")
    suffix = "" if kind == Document.PROPOSAL else "-draft"
    response["Content-Disposition"] = f'attachment; filename="{kind}-{record.event.slug}{suffix}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def signed_document(request, pk, number, kind):
    record = _record(request, pk)
    version = get_object_or_404(SignedVersion, record=record, number=number)
    field = {Document.CERTIFICATE.value: version.certificate_pdf, Document.REPORT.value: version.report_pdf}.get(kind)
    if field is None:
        raise Http404
    return _serve(field, name=f"{kind}-{record.event.slug}-v{number}.pdf", content_type="application/pdf", inline=False)


def voucher(request, pk, entry_id, name):
    record = _record(request, pk)
    entry = get_object_or_404(Expenditure, pk=entry_id, record=record)
    if name != entry.voucher_name:
        return redirect("support_voucher", record.pk, entry.pk, entry.voucher_name)
    return _serve(entry.voucher, name=entry.voucher_name, content_type=entry.voucher_content_type)


def photograph(request, pk, photo_id, name):
    record = _record(request, pk)
    photo = get_object_or_404(Photograph, pk=photo_id, record=record)
    if name != photo.image_name:
        return redirect("support_photograph", record.pk, photo.pk, photo.image_name)
    return _serve(photo.image, name=photo.image_name, content_type=photo.content_type)
