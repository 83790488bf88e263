"""The calendar's filters: a value that is not one lists every event, never an error."""

import datetime

import pytest

from colloquia.services import index_listing
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
    return {page.title for page in listing["upcoming"] + listing["past"]}


@pytest.mark.parametrize("year", NOT_YEARS)
def test_a_value_that_is_not_a_year_lists_every_event(events, year):
    national, upcoming, past = events
    assert titles(index_listing(national, {"year": year})) == {upcoming.title, past.title}


def test_a_year_filters(events):
    national, upcoming, past = events
    assert titles(index_listing(national, {"year": "2024"})) == {past.title}
    assert titles(index_listing(national, {"year": "1"})) == set()
    assert titles(index_listing(national, {"year": "9999"})) == set()


@pytest.mark.parametrize("year", NOT_YEARS)
def test_calendar_page_answers_every_year_value(client, events, year):
    national, upcoming, past = events
    response = client.get(national.url, {"year": year})
    assert response.status_code == 200
    body = response.content.decode()
    assert upcoming.title in body and past.title in body
