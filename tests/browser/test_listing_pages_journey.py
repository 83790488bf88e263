"""Browser journey: a visitor filters the calendar and the library, moves page by page with the
filters kept, and finds a past event in the archive; every page passes axe-core."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from colloquia.services.listing import EVENTS_PER_PAGE
from resources.models import ResourceIndexPage
from tests import factories
from tests.browser.conftest import run_axe
from tests.colloquia.conftest import make_event
from tests.colloquia.conftest import make_index as make_colloquium_index
from tests.colloquia.test_pagination import add_events
from tests.resources import test_pagination as library_pages
from tests.resources.conftest import make_org

pytestmark = pytest.mark.browser


def test_visitor_pages_through_the_colloquia_calendar_and_its_archive(page, live_server):
    home = factories.make_home()
    academy = factories.make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")
    national = make_colloquium_index(home, "Colloquia and conferences", "colloquia")
    calendar = make_colloquium_index(academy.page)
    add_events(calendar, EVENTS_PER_PAGE + 2, first_day=timezone.localdate() + datetime.timedelta(days=5))
    add_events(calendar, 2, first_day=timezone.localdate() + datetime.timedelta(days=5), state="MP", prefix="Far")
    make_event(calendar, title="Old colloquium", start=datetime.date(2024, 3, 5), registration_open=False)

    page.goto(f"{live_server.url}{national.url}")
    page.get_by_label("State/UT").select_option("JH")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"/colloquia/\?state=JH&"))
    pages = page.get_by_role("navigation", name="Pages of upcoming events")
    expect(pages.get_by_role("link", name="Page 1")).to_have_attribute("aria-current", "page")
    assert run_axe(page) == []

    pages.get_by_role("link", name="Next page").click()
    page.wait_for_url(f"{live_server.url}{national.url}?state=JH&page=2")
    expect(page.get_by_role("link", name=f"Event {EVENTS_PER_PAGE + 2:03d}")).to_be_visible()
    expect(page.get_by_role("link", name="Far 001")).to_have_count(0)
    expect(page.locator('link[rel="prev"]')).to_have_attribute("href", f"{national.url}?state=JH")

    page.get_by_role("navigation", name="Past events by year").get_by_role("link", name="2024").click()
    page.wait_for_url(f"{live_server.url}{national.url}archive/2024/?state=JH")
    expect(page.get_by_role("heading", name="Past events in 2024")).to_be_visible()
    expect(page.get_by_role("link", name="Old colloquium")).to_be_visible()
    assert run_axe(page) == []


def test_visitor_pages_through_the_library_with_a_search(page, live_server, monkeypatch):
    monkeypatch.setattr("resources.models.PAGE_SIZE", library_pages.PER_PAGE)
    home = factories.make_home()
    index = ResourceIndexPage(title="Resources", slug="resources", show_in_menus=True)
    home.add_child(instance=index)
    library_pages.publish(make_org(), library_pages.PER_PAGE + 1)

    page.goto(f"{live_server.url}/resources/")
    library = page.get_by_role("search", name="Search and filter resources")
    library.get_by_label("Search").fill("signs")
    library.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/resources/\?q=signs&"))
    assert run_axe(page) == []
    page.get_by_role("navigation", name="Pages of resources").get_by_role("link", name="Page 2").click()
    page.wait_for_url(f"{live_server.url}/resources/?q=signs&page=2")
    expect(page.get_by_role("link", name="Guide 004")).to_be_visible()
    expect(page.locator("#r-q")).to_have_value("signs")
    assert run_axe(page) == []
