"""The calendar's filters: a value that is not one lists every event, never an error.

The index lists the events that have not ended and its archive those that have
(colloquia.services.listing), so a year that is not one lists every upcoming event on the index.
"""

import datetime
from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from colloquia.services import archive_listing, upcoming_listing
from tests.colloquia.conftest import make_event, make_index

# Not years a date can hold: 0, a superscript digit int() refuses, other digits, five digits, more
# digits than int() reads, a sign, letters, a NUL character.
NOT_YEARS = ["0", "²", "١٢", "10000", "99999999999999999999", "9" * 5000, "-1", "+2024", "20x4", "2024.0"]


@pytest.fixture
def events(home, academy):
    national = make_index(home, "Colloquia and conferences", "colloquia")
    upcoming = make_event(make_index(academy.page), title="Jharkhand colloquium")
    past = make_event(
        upcoming.get_parent(), title="Old colloquium", start=datetime.date(2024, 3, 5), registration_open=False
    )
    return national, upcoming, past


def titles(listing):
    return {page.title for page in listing["events"]}


@pytest.mark.parametrize("year", NOT_YEARS)
def test_a_value_that_is_not_a_year_lists_every_event(events, year):
    national, upcoming, past = events
    assert titles(upcoming_listing(national, QueryDict(urlencode({"year": year})))) == {upcoming.title}
    assert titles(archive_listing(national, QueryDict(urlencode({"year": year})))) == {past.title}


def test_a_year_filters(events):
    national, upcoming, past = events
    this_year = upcoming.start_date.year
    assert titles(upcoming_listing(national, QueryDict(f"year={this_year}"))) == {upcoming.title}
    assert titles(upcoming_listing(national, QueryDict("year=9999"))) == set()
    assert titles(archive_listing(national, QueryDict(), year=2024)) == {past.title}
    assert titles(archive_listing(national, QueryDict(), year=1)) == set()


@pytest.mark.parametrize("year", NOT_YEARS)
def test_calendar_page_answers_every_year_value(client, events, year):
    national, upcoming, past = events
    response = client.get(national.url, {"year": year})
    assert response.status_code == 200
    body = response.content.decode()
    assert upcoming.title in body and past.title not in body
    # The past event is a year link away, in the archive.
    assert f'href="{national.url}archive/2024/"' in body
