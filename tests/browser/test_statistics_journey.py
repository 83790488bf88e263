"""Browser journeys of the national picture: an anonymous visitor reads the statistics page and
downloads its CSV, whose totals match the page; a verified user sees an academy's nodal officers
and an anonymous visitor does not. Every page passes axe-core."""

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from interstate.models import Contact, ContactKind
from regions.models import State
from tests import factories
from tests.browser.conftest import login, run_axe
from tests.colloquia.conftest import make_index
from tests.national_statistics.conftest import LAST_YEAR, attend, make_statistics_page, past_event

pytestmark = pytest.mark.browser


def test_visitor_reads_the_statistics_and_the_csv_totals_match(page, live_server):
    home = factories.make_home()
    jh = factories.make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")
    mp = factories.make_academy("MPSJA", "MP State Judicial Academy", states=("MP",), high_court="MPHC")
    ranchi = past_event(make_index(jh.page), "Ranchi colloquium")
    attend(ranchi, "district_judge", 6)
    attend(ranchi, "prosecutor", 3)  # a small group: never shown
    attend(past_event(make_index(mp.page), "Bhopal colloquium", state="MP"), "police", 5, state="MP")
    statistics = make_statistics_page(home)

    page.goto(f"{live_server.url}{statistics.url}")
    expect(page.get_by_role("heading", name="Participants by category")).to_be_visible()
    participants = page.locator("#participants-table")
    expect(participants.get_by_role("row", name="Public prosecutors")).to_contain_text("fewer than 5")
    expect(page.get_by_role("img", name="Participants by category")).to_be_visible()
    assert run_axe(page) == []

    page.get_by_label("Year", exact=True).select_option(str(LAST_YEAR))
    page.get_by_label("State/UT", exact=True).select_option("JH")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(f"**{statistics.url}?year={LAST_YEAR}&state=JH")
    shown_totals = {
        table: page.locator(f"#{table}-table tfoot td").first.inner_text().split(" (")[0]
        for table in ("events", "participants", "participants-by-state")
    }
    assert shown_totals == {"events": "1", "participants": "6", "participants-by-state": "6"}
    assert run_axe(page) == []

    with page.expect_download() as started:
        page.get_by_role("link", name="CSV").click()
    download = started.value
    assert download.suggested_filename == f"national-statistics-{LAST_YEAR}-jh.csv"
    lines = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    totals = {
        line["Table"]: line["Value"] for line in lines if line["Row"] == "Total" and line["Measure"] != "Training hours"
    }
    assert totals["Events held"] == shown_totals["events"]
    assert totals["Participants by category"] == shown_totals["participants"]
    assert totals["Participants by State/UT"] == shown_totals["participants-by-state"]
    assert {"3", "9"}.isdisjoint(line["Value"] for line in lines)


def test_only_verified_users_see_an_academys_nodal_officers(page, live_server):
    academy = factories.make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")
    Contact.objects.create(
        academy=academy,
        kind=ContactKind.NODAL_OFFICER,
        state=State.objects.get(code="JH"),
        name="Inspector Demo Officer (fictional)",
        designation="Nodal Officer, AHTU",
        phone="+91 555 010 0101",
    )
    judge = factories.make_user("district_judge", full_name="Verified Judge")

    page.goto(f"{live_server.url}{academy.page.url}")
    section = page.get_by_role("region", name="Contacts and anti-trafficking nodal officers")
    expect(section).to_contain_text("shown only to users whose role has been verified")
    expect(page.get_by_text("Inspector Demo Officer (fictional)")).to_have_count(0)
    assert run_axe(page) == []

    login(page, live_server, judge.email)
    page.goto(f"{live_server.url}{academy.page.url}")
    expect(section.get_by_role("heading", name="Inspector Demo Officer (fictional)")).to_be_visible()
    expect(section.get_by_role("link", name="+91 555 010 0101")).to_be_visible()
    assert run_axe(page) == []
