"""The calendar a page at a time: upcoming events on the index, past ones in the archive by year."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from colloquia.models import ColloquiumPage
from colloquia.services.listing import EVENTS_PER_PAGE
from regions.models import State

from .conftest import make_event, make_index

pytestmark = pytest.mark.django_db


def add_events(index, count, *, first_day, step=1, state="JH", prefix="Event"):
    """`count` live one-day events `step` days apart from `first_day`, titled "<prefix> 001" onwards."""
    state = State.objects.get(code=state)
    events = []
    for n in range(count):
        day = first_day + datetime.timedelta(days=n * step)
        event = ColloquiumPage(
            title=f"{prefix} {n + 1:03d}",
            slug=f"{prefix.lower()}-{n + 1:03d}",
            venue="Judicial Academy, Ranchi",
            start_date=day,
            end_date=day,
            state=state,
        )
        index.add_child(instance=event)
        events.append(event)
    return events


def titles(body, prefix="Event"):
    return re.findall(rf">({prefix} \d{{3}})</a>", body)


def head_link(body, rel):
    found = re.search(rf'<link rel="{rel}" href="([^"]*)">', body)
    return found.group(1).replace("&amp;", "&") if found else None


@pytest.fixture
def calendar(home, academy):
    national = make_index(home, "Colloquia and conferences", "colloquia")
    return national, make_index(academy.page)


def soon():
    return timezone.localdate() + datetime.timedelta(days=3)


def test_page_two_lists_the_next_events_in_date_order(client, calendar):
    national, academy_index = calendar
    add_events(academy_index, EVENTS_PER_PAGE + 3, first_day=soon())
    first = client.get(national.url).content.decode()
    second = client.get(national.url, {"page": "2"}).content.decode()
    assert titles(first) == [f"Event {n:03d}" for n in range(1, EVENTS_PER_PAGE + 1)]
    assert titles(second) == [f"Event {n:03d}" for n in range(EVENTS_PER_PAGE + 1, EVENTS_PER_PAGE + 4)]
    assert "Page 2 of 2" in second
    assert f"{EVENTS_PER_PAGE + 3} events not yet over" in first


def test_filters_survive_in_the_page_links(client, calendar):
    national, academy_index = calendar
    add_events(academy_index, EVENTS_PER_PAGE * 2 + 1, first_day=soon())
    add_events(academy_index, 3, first_day=soon(), state="MP", prefix="Elsewhere")
    body = client.get(national.url, {"state": "JH", "kind": "", "page": "2"}).content.decode()
    assert "Elsewhere" not in body
    # Blank filters are left out; the chosen ones stay, and page 1 is the listing's own address.
    assert head_link(body, "prev") == f"{national.url}?state=JH"
    assert head_link(body, "next") == f"{national.url}?state=JH&page=3"
    assert f'href="{national.url}?state=JH&amp;page=3" rel="next"' in body
    assert '<a href="/colloquia/?state=JH&amp;page=2" aria-label="Page 2" aria-current="page">2</a>' in body


def test_rel_links_only_where_there_is_a_neighbouring_page(client, calendar):
    national, academy_index = calendar
    add_events(academy_index, 3, first_day=soon())
    body = client.get(national.url).content.decode()
    assert head_link(body, "prev") is None and head_link(body, "next") is None
    assert 'class="pagination"' not in body  # one page: no page list
    add_events(academy_index, EVENTS_PER_PAGE, first_day=soon() + datetime.timedelta(days=10), prefix="More")
    first = client.get(national.url).content.decode()
    last = client.get(national.url, {"page": "2"}).content.decode()
    assert head_link(first, "prev") is None and head_link(first, "next") == f"{national.url}?page=2"
    assert head_link(last, "prev") == national.url and head_link(last, "next") is None
    assert '<nav class="pagination" aria-label="Pages of upcoming events">' in first


@pytest.mark.parametrize("page", ["0", "-1", "abc", "1.5", "²", "99999999999999999999", "9" * 5000, "3", "1e999"])
def test_a_page_number_that_is_not_one_shows_the_first_or_last_page(client, calendar, page):
    national, academy_index = calendar
    add_events(academy_index, EVENTS_PER_PAGE + 1, first_day=soon())
    response = client.get(national.url, {"page": page})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Page 1 of 2" in body or "Page 2 of 2" in body
    if page == "3":  # past the end: the last page
        assert titles(body) == [f"Event {EVENTS_PER_PAGE + 1:03d}"]


def test_query_count_is_the_same_with_5_or_60_events(client, calendar):
    national, academy_index = calendar

    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    add_events(academy_index, 5, first_day=soon())
    add_events(academy_index, 5, first_day=datetime.date(2023, 1, 2), prefix="Old")
    pages = [national.url, national.url + "?page=2", national.url + "archive/", academy_index.url]
    small = [count(url) for url in pages]
    add_events(academy_index, 55, first_day=soon() + datetime.timedelta(days=30), prefix="Later")
    add_events(academy_index, 55, first_day=datetime.date(2024, 1, 2), step=3, prefix="Older")
    large = [count(url) for url in pages]
    assert small == large


def test_the_filters_offer_the_states_and_years_of_events_published_since_the_last_visit(client, calendar):
    national, academy_index = calendar
    add_events(academy_index, 2, first_day=soon())
    other = State.objects.exclude(code="JH").order_by("name").first()
    next_year = soon().year + 1
    body = client.get(national.url).content.decode()
    assert f'<option value="{other.code}"' not in body and f'<option value="{next_year}"' not in body
    # Kept between visits (they read every live event), the choices follow each new event at once.
    add_events(academy_index, 1, first_day=datetime.date(next_year, 2, 1), state=other.code, prefix="Later")
    body = client.get(national.url).content.decode()
    assert f'<option value="{other.code}"' in body and f'<option value="{next_year}"' in body


def test_the_archive_lists_a_past_years_events_and_no_upcoming_ones(client, calendar):
    national, academy_index = calendar
    past = make_event(academy_index, title="Colloquium of 2024", start=datetime.date(2024, 3, 5))
    older = make_event(academy_index, title="Colloquium of 2023", start=datetime.date(2023, 11, 1))
    upcoming = make_event(academy_index, title="Colloquium to come")
    body = client.get(national.url + "archive/2024/").content.decode()
    assert past.title in body and older.title not in body and upcoming.title not in body
    assert "<h1>Past events in 2024</h1>" in body
    # Every year with past events is a link; the year shown is marked as the current one.
    assert f'<a href="{national.url}archive/2024/" aria-current="page">2024</a>' in body
    assert f'<a href="{national.url}archive/2023/">2023</a>' in body
    everything = client.get(national.url + "archive/").content.decode()
    assert past.title in everything and older.title in everything and upcoming.title not in everything
    assert everything.index(past.title) < everything.index(older.title)  # latest first
    # The index lists only what has not ended, and points to the archive's years.
    index = client.get(national.url).content.decode()
    assert upcoming.title in index and past.title not in index
    assert f'href="{national.url}archive/2024/"' in index


def test_an_ongoing_event_stays_on_the_index(client, calendar):
    national, academy_index = calendar
    ongoing = make_event(
        academy_index, title="Ongoing colloquium", start=timezone.localdate() - datetime.timedelta(days=1), days=3
    )
    assert ongoing.title in client.get(national.url).content.decode()
    assert ongoing.title not in client.get(national.url + "archive/").content.decode()


def test_the_archive_keeps_its_filters_and_paginates(client, calendar):
    national, academy_index = calendar
    add_events(academy_index, EVENTS_PER_PAGE + 2, first_day=datetime.date(2024, 1, 8))
    add_events(academy_index, 2, first_day=datetime.date(2024, 6, 3), state="MP", prefix="Elsewhere")
    body = client.get(national.url + "archive/2024/", {"state": "JH", "page": "2"}).content.decode()
    # Latest first: page 2 holds the two earliest.
    assert titles(body) == ["Event 002", "Event 001"] and "Elsewhere" not in body
    assert head_link(body, "prev") == f"{national.url}archive/2024/?state=JH"
    assert head_link(body, "next") is None
    # The year links keep the State/UT chosen.
    assert f'href="{national.url}archive/2024/?state=JH"' in body
    assert f'href="{national.url}?state=JH"' in body  # back to the upcoming events


def test_a_year_that_is_over_moves_to_its_archive_with_the_other_filters(client, calendar):
    national, academy_index = calendar
    response = client.get(national.url, {"year": "2024", "state": "JH", "page": "3"})
    assert response.status_code == 301
    assert response["Location"] == f"{national.url}archive/2024/?state=JH"
    this_year = str(timezone.localdate().year)
    assert client.get(national.url, {"year": this_year}).status_code == 200


@pytest.mark.parametrize("year", ["0", "10000", "99999999999999999999"])
def test_an_archive_year_no_date_can_hold_is_not_found(client, calendar, year):
    national, _ = calendar
    assert client.get(f"{national.url}archive/{year}/").status_code == 404


def test_a_year_without_events_says_so(client, calendar):
    national, _ = calendar
    response = client.get(f"{national.url}archive/1999/")
    assert response.status_code == 200
    assert "No past events in 1999 match these filters." in response.content.decode()


def test_an_academys_calendar_has_its_own_archive(client, calendar, other_academy):
    national, academy_index = calendar
    mine = make_event(academy_index, title="Our old colloquium", start=datetime.date(2024, 3, 5))
    theirs = make_event(make_index(other_academy.page), title="Their old colloquium", start=datetime.date(2024, 4, 1))
    body = client.get(academy_index.url + "archive/2024/").content.decode()
    assert mine.title in body and theirs.title not in body


def test_events_below_the_calendar_are_still_served_and_their_files_too(client, calendar):
    _, academy_index = calendar
    event = make_event(academy_index, title="State colloquium")
    assert client.get(event.url).status_code == 200
    assert client.get(event.url + "agenda.ics").status_code == 200
    assert client.get(academy_index.url + "no-such-event/").status_code == 404
