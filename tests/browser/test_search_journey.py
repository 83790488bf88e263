"""Browser journey: a visitor searches the site, with ordinary words and with stray punctuation,
and opens addresses typed or pasted by hand (a calendar year, a resource with a wrong slug)."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from courses.models import LessonPage
from home.models import StandardPage
from resources import services
from resources.models import ResourceIndexPage
from tests import factories
from tests.browser.conftest import run_axe
from tests.colloquia.conftest import make_event
from tests.colloquia.conftest import make_index as make_colloquium_index
from tests.courses.conftest import make_index as make_course_index
from tests.courses.conftest import make_module
from tests.resources.conftest import make_member, make_org, submit

pytestmark = pytest.mark.browser


def search_from_header(page, text):
    page.locator("#site-search").fill(text)
    page.locator("#site-search").press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))


def test_visitor_searches_and_sees_summaries_or_nothing_found(page, live_server):
    home = factories.make_home()
    home.add_child(
        instance=StandardPage(title="About Colloquium", slug="about", introduction="Training on human trafficking law.")
    )
    module = make_module(make_course_index(home), title="The trafficking offence", lessons=0, questions=0)
    module.add_child(
        instance=LessonPage(
            title="Witness protection",
            slug="witness-protection",
            body=[
                ("heading", {"text": "The risk is real", "level": "h2"}),
                ("paragraph", "<p>Trafficking is organised crime; witnesses need protection.</p>"),
            ],
        )
    )

    page.goto(f"{live_server.url}/")
    search_from_header(page, "trafficking")
    expect(page.get_by_text("3 pages found for “trafficking”.")).to_be_visible()
    results = page.locator("ol.search-results > li")
    expect(results).to_have_count(3)
    lesson = results.filter(has=page.get_by_role("link", name="Witness protection"))
    expect(lesson.locator(".meta")).to_have_text("Trafficking is organised crime; witnesses need protection.")
    about = results.filter(has=page.get_by_role("link", name="About Colloquium"))
    expect(about.locator(".meta")).to_have_text("Training on human trafficking law.")
    assert run_axe(page) == []

    # A stray quote is not a query syntax error: the visitor is told nothing matched.
    search_from_header(page, '"')
    expect(page.get_by_text('Nothing found for “"”.', exact=False)).to_be_visible()
    expect(page.locator("ol.search-results")).to_have_count(0)
    assert run_axe(page) == []

    # Quotes around a word still find it; the page's own form keeps what was typed.
    page.get_by_label("Search for").fill('"witness')
    page.get_by_label("Search for").press("Enter")
    page.wait_for_url(re.compile(r"q=%22witness"))
    expect(page.get_by_role("link", name="Witness protection")).to_be_visible()
    expect(page.get_by_label("Search for")).to_have_value('"witness')


def test_addresses_typed_by_hand(page, live_server):
    home = factories.make_home()
    academy = factories.make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")
    make_colloquium_index(home, "Colloquia and conferences", "colloquia")
    academy_index = make_colloquium_index(academy.page)
    make_event(academy_index, title="Jharkhand colloquium")
    make_event(academy_index, title="Old colloquium", start=datetime.date(2024, 3, 5), registration_open=False)

    # A year no date can hold lists every upcoming event; the past one is in the archive, by year.
    page.goto(f"{live_server.url}/colloquia/?year=0")
    expect(page.get_by_role("link", name="Jharkhand colloquium")).to_be_visible()
    expect(page.get_by_role("link", name="Old colloquium")).to_have_count(0)
    expect(page.locator("#f-year")).to_have_value("")
    page.get_by_role("navigation", name="Past events by year").get_by_role("link", name="2024").click()
    page.wait_for_url(f"{live_server.url}/colloquia/archive/2024/")
    expect(page.get_by_role("link", name="Old colloquium")).to_be_visible()
    assert run_axe(page) == []

    # A resource address with the wrong slug moves to the resource's own address.
    index = ResourceIndexPage(title="Resources", slug="resources", show_in_menus=True)
    home.add_child(instance=index)
    moderator = factories.make_staff(academy, "moderator")
    version = submit(make_member(make_org("Journey Trust")))
    services.decide(version, moderator, "approve")
    own_url = version.resource.get_url(index)
    page.goto(f"{live_server.url}/resources/{version.resource_id}-x/?from=mail")
    page.wait_for_url(f"{live_server.url}{own_url}?from=mail")
    expect(page.get_by_role("heading", name=version.title)).to_be_visible()
