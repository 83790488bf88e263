"""The public statistics page: small groups are never shown or added in, co-organised events count
once, the CSV and JSON hold the page's numbers, and the page's queries do not grow with the data."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from colloquia.models import Attendance
from home.models import HomePage
from interstate.models import CoOrganiser
from national_statistics.models import StatisticsPage

from .conftest import LAST_YEAR, attend, past_event

pytestmark = pytest.mark.django_db


def tables_of(response):
    return {table["id"]: table for table in response.context["tables"]}


def row(table, label):
    return next(r for r in table["rows"] if r["label"] == label)


def figures(client, page, **params):
    response = client.get(page.url, params)
    assert response.status_code == 200
    return tables_of(response)


def csv_of(client, page, **params):
    response = client.get(page.url + "download/csv/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def json_of(client, page, **params):
    response = client.get(page.url + "download/json/", params)
    assert response.status_code == 200
    return json.loads(response.content)


def test_a_group_of_four_is_hidden_and_a_group_of_five_shown(client, statistics_page, jh_index):
    event = past_event(jh_index, "Ranchi colloquium")
    attend(event, "district_judge", 5)
    attend(event, "prosecutor", 4)

    participants = figures(client, statistics_page)["participants"]
    judges, prosecutors = row(participants, "District and Sessions judges"), row(participants, "Public prosecutors")
    assert (judges["cells"][0].shown, judges["cells"][0].text) == (5, "5")
    # Training hours: five judges at 1 h and 1 h 15 min each.
    assert judges["cells"][1].shown == Decimal("11.25")
    assert (prosecutors["cells"][0].shown, prosecutors["cells"][0].text) == (None, "fewer than 5")
    assert prosecutors["cells"][1].shown is None
    page = client.get(statistics_page.url).content.decode()
    assert "fewer than 5" in page


def test_no_view_lets_a_small_group_be_found_by_subtraction(client, statistics_page, jh_index, mp_index):
    jh = past_event(jh_index, "Ranchi colloquium")
    mp = past_event(mp_index, "Bhopal colloquium", state="MP")
    attend(jh, "district_judge", 5)
    attend(jh, "prosecutor", 4)
    attend(mp, "prosecutor", 4, state="MP")

    for params in ({}, {"state": "JH"}, {"state": "MP"}, {"year": LAST_YEAR}, {"year": LAST_YEAR, "state": "JH"}):
        tables = figures(client, statistics_page, **params)
        total = tables["participants"]["total"]["cells"][0]
        # Neither group of four enters any total: not alone (4), not together (8), not beside the judges (9, 13).
        assert total.shown == (None if params.get("state") == "MP" else 5), params
        assert row(tables["participants"], "Public prosecutors")["cells"][0].shown is None
        by_state = {r["label"]: r["cells"][0] for r in tables["participants-by-state"]["rows"]}
        assert all(cell.shown in (None, 5) for cell in by_state.values())
        assert tables["participants-by-state"]["total"]["cells"][0].shown == total.shown
    # The total says it leaves groups out, and the CSV carries the same words.
    national = figures(client, statistics_page)["participants"]["total"]["cells"][0]
    assert national.note == "leaves out 2 groups of fewer than 5"
    values = {line["Value"] for line in csv_of(client, statistics_page)}
    assert not values & {"4", "8", "9", "13"}


def test_an_event_organised_by_two_academies_counts_once(client, statistics_page, jh_index, other_academy):
    event = past_event(jh_index, "Border-region colloquium")
    CoOrganiser.objects.create(page=event, academy=other_academy)
    attend(event, "police", 6)

    tables = figures(client, statistics_page)
    assert [(r["label"], r["cells"][0].shown) for r in tables["events"]["rows"]] == [(f"Jharkhand, {LAST_YEAR}", 1)]
    assert tables["events"]["total"]["cells"][0].shown == 1
    assert row(tables["participants"], "Police nodal officers (AHTU)")["cells"][0].shown == 6


def test_upcoming_and_unpublished_events_are_not_counted(client, statistics_page, jh_index):
    from tests.colloquia.conftest import make_event

    make_event(jh_index, title="Next month")  # not held yet
    hidden = past_event(jh_index, "Withdrawn from the site")
    attend(hidden, "district_judge", 5)
    hidden.unpublish()

    tables = figures(client, statistics_page)
    assert tables["events"]["rows"] == []
    assert tables["participants"]["total"]["cells"][0].shown == 0


def test_the_csv_and_json_hold_the_numbers_the_page_shows(client, statistics_page, jh_index, mp_index):
    attend(past_event(jh_index, "Ranchi colloquium"), "district_judge", 7)
    attend(past_event(jh_index, "Ranchi workshop", year=LAST_YEAR - 1), "prosecutor", 5)
    attend(past_event(mp_index, "Bhopal colloquium", state="MP"), "cso", 3, state="MP")

    for params in ({}, {"state": "JH"}, {"year": LAST_YEAR}):
        tables = figures(client, statistics_page, **params)
        shown = [
            (table["title"], r["label"], measure["heading"], "" if cell.shown is None else str(cell.shown))
            for table in tables.values()
            for r in table["rows"] + [table["total"]]
            for measure, cell in zip(table["measures"], r["cells"], strict=True)
        ]
        in_csv = [
            (line["Table"], line["Row"], line["Measure"], line["Value"])
            for line in csv_of(client, statistics_page, **params)
        ]
        assert in_csv == shown
        data = json_of(client, statistics_page, **params)
        in_json = [
            (
                table["title"],
                r["label"],
                measure,
                "" if cell["value"] is None else str(Decimal(str(cell["value"])).normalize()),
            )
            for table in data["tables"]
            for r in table["rows"]
            for measure, cell in zip(table["measures"], r["cells"], strict=True)
        ]
        assert in_json == [(a, b, c, str(Decimal(d).normalize()) if d else "") for a, b, c, d in shown]


def test_filters_narrow_the_figures_and_unknown_values_show_everything(client, statistics_page, jh_index, mp_index):
    attend(past_event(jh_index, "Ranchi colloquium"), "district_judge", 5)
    attend(past_event(mp_index, "Bhopal colloquium", state="MP"), "district_judge", 6, state="MP")

    assert figures(client, statistics_page, state="MP")["participants"]["total"]["cells"][0].shown == 6
    assert figures(client, statistics_page, year=LAST_YEAR - 5)["participants"]["total"]["cells"][0].shown == 11
    response = client.get(statistics_page.url, {"state": "<script>", "year": "２０２５"})
    assert response.status_code == 200
    assert response.context["filters"] == {"year": None, "state": None}
    assert tables_of(response)["participants"]["total"]["cells"][0].shown == 11


def test_the_page_queries_do_not_grow_with_the_data(client, statistics_page, jh_index, mp_index):
    attend(past_event(jh_index, "First"), "district_judge", 5)

    def queries():
        from django.core.cache import cache

        cache.clear()  # count the figures' own queries, not a cached copy
        with CaptureQueriesContext(connection) as captured:
            assert client.get(statistics_page.url).status_code == 200
        return len(captured)

    small = queries()
    for n in range(3):
        event = past_event(mp_index, f"More {n}", state="MP")
        attend(event, "prosecutor", 6, state="MP")
        attend(event, "police", 2, state="MP")
    assert queries() == small


def test_new_attendance_shows_at_once_on_the_cached_page(client, page_cache_on, statistics_page, jh_index):
    event = past_event(jh_index, "Ranchi colloquium")
    attend(event, "district_judge", 4)
    first = client.get(statistics_page.url)
    assert first["X-Page-Cache"] == "miss"
    assert client.get(statistics_page.url)["X-Page-Cache"] == "hit"

    attend(event, "district_judge", 1)
    again = client.get(statistics_page.url)
    assert again["X-Page-Cache"] == "miss"
    assert tables_of(again)["participants"]["total"]["cells"][0].shown == 5
    assert Attendance.objects.count() == 10


class TestPageRules(WagtailPageTestCase):
    def test_it_lives_under_the_home_page_once(self):
        self.assertCanCreateAt(HomePage, StatisticsPage)
        self.assertAllowedSubpageTypes(StatisticsPage, {})
        assert StatisticsPage.max_count == 1


def test_the_ministrys_support_is_shown_in_rupees_by_state_and_year_and_in_the_downloads(
    client, statistics_page, jh_index, mp_index, registrar, superuser
):
    from support import services as support
    from tests.support.conftest import open_sanctioned, voucher

    ranchi, bhopal = past_event(jh_index, "Ranchi colloquium"), past_event(mp_index, "Bhopal colloquium", state="MP")
    record = open_sanctioned(ranchi, registrar, amount=Decimal("195000"))
    support.add_expenditure(
        record,
        head="venue",
        spent_on=ranchi.start_date,
        payee="Hotel Example",
        description="Hall for two days",
        amount=Decimal("120500"),
        voucher=voucher(),
        by=registrar,
    )
    open_sanctioned(bhopal, superuser, amount=Decimal("150000"))
    private = past_event(jh_index, "Closed-door colloquium")
    private.unpublish()
    open_sanctioned(private, registrar, amount=Decimal("99000"))  # not a public event: not counted

    table = figures(client, statistics_page)["mha-support"]
    ranchi_row = row(table, f"Jharkhand, {LAST_YEAR}")
    assert [cell.text for cell in ranchi_row["cells"]] == ["1", "Rs 1,95,000", "Rs 1,20,500", "Rs 0"]
    assert [cell.text for cell in table["total"]["cells"]] == ["2", "Rs 3,45,000", "Rs 1,20,500", "Rs 0"]
    assert [cell.text for cell in figures(client, statistics_page, state="MP")["mha-support"]["total"]["cells"]] == [
        "1",
        "Rs 1,50,000",
        "Rs 0",
        "Rs 0",
    ]
    support_lines = {
        (line["Row"], line["Measure"]): line["Value"]
        for line in csv_of(client, statistics_page)
        if line["Table"] == "Support from the Ministry of Home Affairs"
    }
    assert Decimal(support_lines[f"Jharkhand, {LAST_YEAR}", "Sanctioned"]) == Decimal("195000")
    assert Decimal(support_lines["Total", "Spent"]) == Decimal("120500")
