"""What the proposal, the utilisation certificate and the outcome report say."""

import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from support import services
from support.choices import Document

from .conftest import photo, voucher

pytestmark = pytest.mark.django_db


def text_of(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_outcome_figures(record, judge, prosecutor):
    figures = services.outcome_figures(record.event)
    assert figures["sessions_planned"] == 4 and figures["sessions_held"] == 4
    assert figures["approved"] == 2 and figures["participants"] == 1
    assert figures["by_category"] == [("District and Sessions judges", 1)]
    assert figures["by_state"] == [("Jharkhand", 1)]
    assert figures["attendance_rate"] == 0.5  # 4 of 8 session places
    assert figures["certificates_issued"] == 0 and figures["eligible"] == 1
    assert figures["feedback"]["responses"] == 0


def test_the_certificate_follows_the_grantees_form_and_the_report_its_figures(record, registrar, signatory):
    services.add_expenditure(
        record,
        head="venue",
        spent_on=record.event.start_date,
        payee="Hotel",
        description="Hall",
        amount=Decimal("150000"),
        voucher=voucher(),
        by=registrar,
    )
    services.add_photograph(record, image=photo(), caption="The inaugural session", by=registrar)
    state = text_of(services.render_document(record, Document.CERTIFICATE, signatory=signatory))
    assert "Form GFR 12-C (General Financial Rules 2017, Rule 239)" in state
    assert "DRAFT" in state and "Countersigned" in state
    assert "a sum of Rs 1,50,000 has been utilised" in state and "balance of Rs 45,000" in state
    assert "Justice (Retd.) A. Kumar" in state and "11/MHA/WS/2026" in state.replace(" ", "")  # a narrow column wraps
    record.grantee_kind = "autonomous_body"
    record.save()
    body = text_of(services.render_document(record, Document.CERTIFICATE))
    assert "Form GFR 12-A (General Financial Rules 2017, Rule 238(1))" in body and "Countersigned" not in body
    version = services.sign(record, signatory=signatory, by=registrar)
    signed = text_of(version.certificate_pdf.open("rb").read())
    assert "DRAFT" not in signed and "Version 1, signed" in signed
    report = text_of(version.report_pdf.open("rb").read())
    assert "4 of 4 sessions planned were held" in report
    assert "1 of 2 approved participants attended; attendance rate 50%" in report
    assert "District and Sessions judges" in report and "The inaugural session" in report
    proposal = text_of(services.render_document(record, Document.PROPOSAL))
    assert "Rs 1,95,000" in proposal and "Boarding and lodging" in proposal
