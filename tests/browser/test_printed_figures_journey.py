"""Browser journey: money, hours and times read the same way wherever a person meets them."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from certificates.models import Kind, SourceKind
from certificates.services import IssueContext, issue_certificate
from tests.browser.conftest import login, run_axe
from tests.certificates.conftest import snapshot
from tests.colloquia.conftest import make_event, make_index


@pytest.mark.browser
def test_visitor_reads_rupees_hours_and_ist_on_an_event(live_server, page, academy):
    event = make_event(
        make_index(academy.page),
        sessions=[(0, "10:00", "12:30", "TS-I: The law after BNS", "technical", True)],
        start=datetime.date(2026, 1, 12),
        mha_supported=True,
        amount_sanctioned=Decimal("195000"),
    )
    page.goto(f"{live_server.url}{event.url}")
    details = page.get_by_role("complementary", name="Event details")
    expect(details).to_contain_text("Under the MHA scheme (Rs 1,95,000 sanctioned)")
    expect(details).to_contain_text("IST (UTC+05:30)")
    expect(details).not_to_contain_text("Asia/Kolkata")
    expect(page.get_by_text("All times IST (UTC+05:30).")).to_be_visible()
    expect(page.get_by_text("Total time of counted sessions: 2.5 hours.")).to_be_visible()
    assert run_axe(page) == []


@pytest.mark.browser
def test_judge_reads_hours_without_trailing_zeros(live_server, page, academy, judge):
    context = IssueContext.build(Kind.ATTENDANCE, academy)
    issue_certificate(
        judge, SourceKind.COLLOQUIUM, 9101, snapshot(title="Half-day colloquium", hours="2.50"), context=context
    )
    login(page, live_server, judge.email)
    page.goto(f"{live_server.url}/certificates/")
    row = page.get_by_role("row").filter(has_text="Half-day colloquium")
    expect(row.get_by_role("cell", name="2.5", exact=True)).to_be_visible()
    expect(row).not_to_contain_text("2.50")
    assert run_axe(page) == []
