"""Browser journeys: a registrar enters expenditure with a voucher, signs, and downloads the
utilisation certificate and the outcome report; the MHA reviewer reads two States' records and
cannot edit one."""

import re

import pytest
from playwright.sync_api import expect

from support.models import Expenditure, SupportRecord
from tests.browser.conftest import login, run_axe
from tests.colloquia.conftest import make_index
from tests.resources.builders import PDF
from tests.support.conftest import attend, make_past_event, make_reviewer, open_sanctioned


@pytest.fixture
def jh_record(academy, registrar, judge):
    from academies.models import Signatory

    Signatory.objects.create(academy=academy, name="Justice (Retd.) A. Kumar", designation="Director")
    event = make_past_event(make_index(academy.page), title="State Judicial Colloquium 2026")
    attend(event, judge)
    return open_sanctioned(event, registrar)


@pytest.mark.browser
def test_registrar_enters_expenditure_signs_and_downloads(live_server, page, registrar, jh_record):
    login(page, live_server, registrar.email)
    page.goto(f"{live_server.url}/admin/support/")
    page.get_by_role("link", name="State Judicial Colloquium 2026").click()
    expect(page.get_by_role("heading", name="Expenditure")).to_be_visible()
    assert run_axe(page) == []

    page.get_by_role("link", name="Enter expenditure").click()
    page.get_by_label("Head").select_option("venue")
    page.get_by_label("Date").fill(str(jh_record.event.start_date))
    page.get_by_label("Payee").fill("Academy auditorium")
    page.get_by_label("Purpose").fill("Hall, sound and projection")
    page.get_by_label("Amount (Rs)").fill("29500")
    page.get_by_label("Voucher").set_input_files(
        {"name": "hall-bill.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    assert run_axe(page) == []
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Academy auditorium: Venue entered.")).to_be_visible()
    expect(page.get_by_role("link", name="hall-bill.pdf")).to_be_visible()
    assert Expenditure.objects.get(record=jh_record).amount == 29500

    page.get_by_role("link", name="Sign the utilisation certificate").click()
    page.get_by_label("Signed by").select_option(label="Justice (Retd.) A. Kumar, Director")
    page.get_by_label(re.compile("I have checked the figures")).check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Version 1 signed; the record is locked.")).to_be_visible()
    assert SupportRecord.objects.get(pk=jh_record.pk).locked
    assert run_axe(page) == []

    for name in ("Utilisation certificate, version 1 (PDF)", "Outcome report, version 1 (PDF)"):
        with page.expect_download() as download:
            page.get_by_role("link", name=name).click()
        with open(download.value.path(), "rb") as handle:
            assert handle.read(5) == b"%PDF-"
    expect(page.get_by_role("link", name="Enter expenditure")).to_have_count(0)


@pytest.mark.browser
def test_reviewer_sees_two_states_and_cannot_edit(live_server, page, jh_record, other_academy, superuser):
    mp = open_sanctioned(
        make_past_event(make_index(other_academy.page), title="MP State Colloquium", state="MP"), superuser
    )
    reviewer = make_reviewer()
    login(page, live_server, reviewer.email)
    page.goto(f"{live_server.url}/admin/support/")
    table = page.get_by_role("table")
    expect(table.get_by_role("row", name=re.compile("State Judicial Colloquium 2026"))).to_contain_text("Jharkhand")
    expect(table.get_by_role("row", name=re.compile("MP State Colloquium"))).to_contain_text("Madhya Pradesh")
    expect(page.get_by_role("link", name="Open a support record for an event")).to_have_count(0)
    assert run_axe(page) == []

    page.get_by_role("link", name="MP State Colloquium").click()
    expect(page.get_by_text("You can read this record")).to_be_visible()
    expect(page.get_by_role("link", name="Edit the proposal")).to_have_count(0)
    assert run_axe(page) == []
    page.goto(f"{live_server.url}/admin/support/{mp.pk}/proposal/")
    page.wait_for_url(f"{live_server.url}/admin/")
    expect(page.get_by_text(re.compile("do not have permission"))).to_be_visible()
    assert SupportRecord.objects.get(pk=mp.pk).budget_total == mp.budget_total
