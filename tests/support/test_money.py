"""The money rules: the Rs 2 lakh limit, the sanction, expenditure within it, locking and versions."""

import datetime
import hashlib
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from support import services
from support.forms import ProposalForm
from support.models import Expenditure, SupportRecord

from .conftest import BUDGET, photo, voucher

pytestmark = pytest.mark.django_db


def spend(record, amount, by, head="venue", **kwargs):
    return services.add_expenditure(
        record,
        head=head,
        spent_on=record.event.start_date,
        payee=kwargs.get("payee", "Hotel Capitol Hill"),
        description="Hall and projector",
        amount=Decimal(amount),
        voucher=kwargs.get("file") or voucher(),
        by=by,
    )


def test_a_budget_over_two_lakh_is_refused_naming_the_excess(event, registrar):
    record = services.open_record(event, by=registrar)
    over = {**BUDGET, "miscellaneous": Decimal("15500")}  # Rs 2,05,500
    with pytest.raises(services.Refused) as refused:
        services.save_proposal(record, amounts=over, grantee_kind="state_government", by=registrar)
    assert "Rs 2,05,500" in str(refused.value) and "Rs 5,500 more than" in str(refused.value)
    assert SupportRecord.objects.get(pk=record.pk).budget_total == 0
    form = ProposalForm(
        {"grantee_kind": "state_government", **{f"budget_{head}": str(amount) for head, amount in over.items()}}
    )
    assert not form.is_valid() and "Rs 5,500 more than the MHA limit" in form.non_field_errors()[0]
    # The database refuses it too.
    with pytest.raises(IntegrityError), transaction.atomic():
        SupportRecord.objects.filter(pk=record.pk).update(budget_venue=Decimal("200000.01"))


def test_exactly_two_lakh_is_accepted(event, registrar):
    record = services.open_record(event, by=registrar)
    amounts = {**BUDGET, "miscellaneous": Decimal("10000")}
    record = services.save_proposal(record, amounts=amounts, grantee_kind="autonomous_body", by=registrar)
    assert record.budget_total == Decimal("200000")


def test_the_sanction_is_within_the_proposal_and_the_limit(event, registrar):
    record = services.open_record(event, by=registrar)
    services.save_proposal(record, amounts=BUDGET, grantee_kind="state_government", by=registrar)
    kwargs = {"order_number": "1", "date": datetime.date(2026, 1, 5), "authority": "MHA", "by": registrar}
    with pytest.raises(services.Refused, match="more than the proposal's budget"):
        services.record_sanction(record, amount=Decimal("196000"), **kwargs)
    with pytest.raises(services.Refused, match="at most Rs 2,00,000"):
        services.record_sanction(record, amount=Decimal("250000"), **kwargs)
    assert services.record_sanction(record, amount=Decimal("190000"), **kwargs).sanction_amount == Decimal("190000")


def test_no_expenditure_before_the_sanction(event, registrar):
    record = services.open_record(event, by=registrar)
    with pytest.raises(services.Refused, match="Record the sanction first"):
        spend(record, "100", registrar)


def test_expenditure_over_the_sanction_is_refused_and_leaves_nothing(record, registrar, settings):
    spend(record, "190000", registrar)
    with pytest.raises(services.Refused) as refused:
        spend(record, "5000.50", registrar, payee="Printer")
    assert str(refused.value) == (
        "This would bring the expenditure to Rs 1,95,000.50, Rs 0.50 more than the Rs 1,95,000 sanctioned. "
        "Only Rs 5,000 is left."
    )
    assert list(Expenditure.objects.values_list("payee", flat=True)) == ["Hotel Capitol Hill"]
    spend(record, "5000", registrar, payee="Printer")  # exactly the sanction
    money = services.position(record)
    assert money["spent"] == Decimal("195000") and money["balance"] == 0


def test_a_head_may_exceed_its_proposal_with_a_warning(record, registrar):
    _, warning = spend(record, "31000", registrar)
    assert warning.startswith("Venue: Rs 31,000 spent against Rs 30,000 proposed")
    money = services.position(record)
    assert money["over_heads"][0]["variation"] == Decimal("1000")
    assert money["balance"] == Decimal("164000") and money["to_return"] == Decimal("164000")


def test_a_hostile_voucher_is_refused_with_the_reason(record, registrar):
    page = voucher("bill.pdf", b"<html><script>alert(1)</script></html>", "application/pdf")
    with pytest.raises(ValidationError) as refused:
        spend(record, "100", registrar, file=page)
    assert "bill.pdf" in str(refused.value)
    assert not Expenditure.objects.exists()


def test_a_photograph_must_be_an_image(record, registrar):
    with pytest.raises(services.Refused, match="must be a PNG or JPEG"):
        services.add_photograph(record, image=voucher(), caption="Not a photo", by=registrar)
    assert services.add_photograph(record, image=photo(), caption="Inaugural session", by=registrar).pk


def test_signing_locks_every_write_and_a_correction_is_a_new_version(record, registrar, signatory):
    entry, _ = spend(record, "150000", registrar)
    first = services.sign(record, signatory=signatory, by=registrar)
    record.refresh_from_db()
    assert record.locked and first.number == 1
    certificate_bytes = first.certificate_pdf.open("rb").read()
    writes = [
        lambda: spend(record, "10", registrar),
        lambda: services.save_proposal(record, amounts=BUDGET, grantee_kind="autonomous_body", by=registrar),
        lambda: services.record_sanction(
            record, order_number="x", date=record.sanction_date, amount=Decimal("1"), authority="x", by=registrar
        ),
        lambda: services.remove_expenditure(entry, by=registrar),
        lambda: services.add_photograph(record, image=photo(), caption="x", by=registrar),
        lambda: services.record_refund(record, reference="x", refunded_on=record.sanction_date, by=registrar),
        lambda: services.sign(record, signatory=signatory, by=registrar),
    ]
    for write in writes:
        with pytest.raises(services.Refused):
            write()
    assert Expenditure.objects.count() == 1

    with pytest.raises(services.Refused, match="Say what is being corrected"):
        services.open_correction(record, reason=" ", by=registrar)
    record = services.open_correction(record, reason="A printer's bill was left out", by=registrar)
    assert record.version == 2 and not record.locked
    spend(record, "4000", registrar, head="certificates_printing", payee="Printer")
    second = services.sign(record, signatory=signatory, by=registrar)
    assert second.number == 2
    first.refresh_from_db()
    assert first.correction_reason == "A printer's bill was left out" and first.superseded_at
    # The first version's PDF is kept unchanged; each version's hash matches its file.
    assert first.certificate_pdf.open("rb").read() == certificate_bytes
    for version in (first, second):
        assert hashlib.sha256(version.certificate_pdf.open("rb").read()).hexdigest() == version.certificate_sha256
        assert hashlib.sha256(version.report_pdf.open("rb").read()).hexdigest() == version.report_sha256
    assert Decimal(first.figures["spent"]) == 150000 and Decimal(second.figures["spent"]) == 154000


def test_signing_waits_for_the_event_and_the_expenditure(record, registrar, signatory):
    assert services.signing_problem(record) == "Enter the expenditure, with its vouchers, first."
    spend(record, "100", registrar)
    before = datetime.datetime.combine(record.event.start_date, datetime.time(8), tzinfo=datetime.UTC)
    assert services.signing_problem(record, now=before) == (
        "The event has not ended: the certificate accounts for money already spent."
    )
    assert services.signing_problem(record) == ""


def test_supported_event_totals(record, registrar, signatory, other_record):
    spend(record, "150000", registrar)
    services.sign(record, signatory=signatory, by=registrar)
    totals = services.supported_event_totals()
    assert totals == {
        "events": 1,  # the other record has no sanction yet
        "sanctioned": Decimal("195000"),
        "spent": Decimal("150000"),
        "returned": Decimal("45000"),
    }
    assert services.supported_event_totals(state="MP")["events"] == 0
    assert services.supported_event_totals(year=record.event.start_date.year)["events"] == 1
