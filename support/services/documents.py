"""The support record's documents as tagged PDFs (core.pdf.render_pdf): the proposal, the
utilisation certificate in the GFR 2017 form of the grantee's kind, and the outcome report;
signing (which stores both signed PDFs with their SHA-256 and locks the record) and corrections.
"""

import base64
import hashlib
import html as html_module
import re

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.audit import record as audit
from colloquia.services import event_has_ended
from core.devanagari import MAX_ALIASES, DevanagariMarkup
from core.pdf import render_pdf

from ..choices import GFR_FORM, GFR_RULE, Document
from ..models import Expenditure, SignedVersion, SupportRecord
from .money import Refused, position, require_open
from .outcome import outcome_figures

# core/devanagari.css: the font aliases DevanagariMarkup sets Devanagari in (Hindi wording, Hindi names).
STYLESHEETS = ("core/devanagari.css", "support/pdf.css")
DEVANAGARI = re.compile("[\u0900-\u097f]")
TAG = re.compile(r"(<[^>]*>)")
TEMPLATES = {
    Document.PROPOSAL: "support/pdf/proposal.html",
    Document.CERTIFICATE: "support/pdf/utilisation_certificate.html",
    Document.REPORT: "support/pdf/outcome_report.html",
}
ACTION_SIGNED = "support.signed"
ACTION_CORRECTION = "support.correction_opened"


def financial_year(date):
    """The Indian financial year (April to March) of `date`: "2026-27"."""
    start = date.year if date.month >= 4 else date.year - 1
    return f"{start}-{str(start + 1)[-2:]}"


def _data_uri(field_file, content_type):
    with field_file.open("rb") as handle:
        return f"data:{content_type};base64,{base64.b64encode(handle.read()).decode('ascii')}"


def signatories(academy):
    """The academy's signatories (its record's "Signatories for certificates"), the Director first."""
    return list(academy.signatories.select_related("signature").order_by("sort_order"))


def signature_block(signatory):
    """Name, designation and (if scanned) the signature image as a data: URI for the PDF."""
    if signatory is None:
        return None
    image = ""
    if signatory.signature_id:
        rendition = signatory.signature.file
        name = rendition.name.lower()
        image = _data_uri(rendition, "image/png" if name.endswith(".png") else "image/jpeg")
    return {"name": signatory.name, "designation": signatory.designation, "image": image}


def _context(record, *, signed=None, signatory=None, now=None):
    now = now or timezone.now()
    money = position(record)
    sanction_or_event = record.sanction_date or record.event.start_date
    return {
        "record": record,
        "event": record.event,
        "academy": record.academy,
        "money": money,
        "expenditure": list(Expenditure.objects.filter(record=record)),
        "gfr_form": GFR_FORM[record.grantee_kind],
        "gfr_rule": GFR_RULE[record.grantee_kind],
        "financial_year": financial_year(sanction_or_event),
        "signed": signed,
        "signature": signature_block(signatory),
        "version": signed.number if signed else record.version,
        "printed_at": now,
    }


def devanagari_html(document):
    """`document` (HTML) with every text of its body that holds Devanagari set through one DevanagariMarkup.

    The body's text between tags is unescaped, then escaped again by the markup, which sets each
    syllable in its own font alias so that the PDF's text copies out as typed (core.devanagari).
    The head (title, description) is left as it is: its text is metadata, not drawn.
    """
    if not DEVANAGARI.search(document):
        return document
    markup = DevanagariMarkup(aliases=MAX_ALIASES)
    start = document.find("</head>")
    head, body = (document[:start], document[start:]) if start >= 0 else ("", document)
    parts = TAG.split(body)
    for index in range(0, len(parts), 2):  # the even parts are text, the odd ones tags
        text = parts[index]
        if DEVANAGARI.search(text):
            raw = html_module.unescape(text)
            before = " " if raw[:1].isspace() else ""
            after = " " if raw[-1:].isspace() else ""
            parts[index] = f"{before}{markup(raw)}{after}"
    return head + "".join(parts)


def page_numbers_css():
    """The "Page N of M" footer of every page, in the active language."""
    words = _("Page %(page)s of %(pages)s") % {"page": '" counter(page) "', "pages": '" counter(pages) "'}
    return '@page { @bottom-right { content: "' + words.replace("\\", "").replace("\n", " ") + '"; } }'


def render_document(record, kind, *, signed=None, signatory=None, now=None, language=None):
    """PDF bytes of `kind` (a Document) for `record`; unsigned certificates and reports say DRAFT.

    The fixed wording is in `language`, by default the active one (the request's: /hi/ prints in Hindi).
    """
    with translation.override(language or translation.get_language()):
        context = _context(record, signed=signed, signatory=signatory, now=now)
        if kind == Document.REPORT:
            figures = outcome_figures(record.event)
            context["outcome"] = figures
            context["photographs"] = [
                {"caption": photo.caption, "src": _data_uri(photo.image, photo.content_type)}
                for photo in record.photographs.all()
            ]
        html = devanagari_html(render_to_string(TEMPLATES[Document(kind)], context))
        return render_pdf(html, stylesheets=STYLESHEETS, inline_css=(page_numbers_css(),))


def signing_problem(record, now=None):
    """Why the utilisation certificate cannot be signed yet, or ""."""
    if record.locked:
        return _("Version %(number)s is already signed.") % {"number": record.version}
    if record.sanction_amount is None:
        return _("Record the sanction first.")
    if not event_has_ended(record.event, now=now):
        return _("The event has not ended: the certificate accounts for money already spent.")
    if not record.expenditure.exists():
        return _("Enter the expenditure, with its vouchers, first.")
    return ""


def sign(record, *, signatory, by, now=None):
    """Sign the current version: render and store the certificate and the outcome report, then lock.

    The PDFs are rendered before the transaction (WeasyPrint takes a moment); if the record
    changed meanwhile (another keeper's entry), nothing is stored and the signer is asked again.
    """
    now = now or timezone.now()
    record = SupportRecord.objects.select_related("event", "academy").get(pk=record.pk)
    problem = signing_problem(record, now=now)
    if problem:
        raise Refused(problem)
    seen = record.updated_at
    number = record.version
    stub = SignedVersion(record=record, number=number, signed_at=now)
    certificate = render_document(record, Document.CERTIFICATE, signed=stub, signatory=signatory, now=now)
    report = render_document(record, Document.REPORT, signed=stub, signatory=signatory, now=now)
    money = position(record)
    with transaction.atomic():
        current = SupportRecord.objects.select_for_update().get(pk=record.pk)
        require_open(current)
        if current.updated_at != seen or current.version != number:
            raise Refused(_("The record changed while the documents were being prepared. Check it and sign again."))
        version = SignedVersion(
            record=current,
            number=number,
            signed_at=now,
            signed_by=by,
            signatory_name=signatory.name if signatory else "",
            signatory_designation=signatory.designation if signatory else "",
            figures={
                key: str(money[key]) if money[key] is not None else None
                for key in ("proposed", "sanctioned", "spent", "balance", "to_return")
            },
            certificate_sha256=hashlib.sha256(certificate).hexdigest(),
            report_sha256=hashlib.sha256(report).hexdigest(),
        )
        slug = current.event.slug
        version.certificate_pdf.save(f"uc-{slug}-v{number}.pdf", ContentFile(certificate), save=False)
        version.report_pdf.save(f"outcome-{slug}-v{number}.pdf", ContentFile(report), save=False)
        try:
            version.save()
        except Exception:
            version.certificate_pdf.delete(save=False)
            version.report_pdf.delete(save=False)
            raise
        current.signed_at = now
        current.updated_by = by
        current.save(update_fields=["signed_at", "updated_by", "updated_at"])
    audit(current, ACTION_SIGNED, by, version=number)
    return version


def open_correction(record, *, reason, by):
    """Unlock a signed record as its next version; the signed version and its PDFs stay as they are."""
    reason = (reason or "").strip()
    if not reason:
        raise Refused(_("Say what is being corrected: it is kept with the signed version."))
    with transaction.atomic():
        current = SupportRecord.objects.select_for_update().get(pk=record.pk)
        if not current.locked:
            raise Refused(_("The record is not signed: change it directly."))
        SignedVersion.objects.filter(record=current, number=current.version).update(
            superseded_at=timezone.now(), superseded_by=by, correction_reason=reason
        )
        current.version += 1
        current.signed_at = None
        current.updated_by = by
        current.save(update_fields=["version", "signed_at", "updated_by", "updated_at"])
    audit(current, ACTION_CORRECTION, by, version=current.version, reason=reason)
    return current
