"""What a person sees of the profile rules: no "Academy staff" to choose, and a hidden character
in a name that would print on a certificate is refused with a message naming it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login, run_axe

pytestmark = pytest.mark.browser


def role_options(page):
    return page.get_by_label("Role").locator("option").all_inner_texts()


def test_signup_offers_no_academy_staff_role(page, live_server, home):
    page.goto(f"{live_server.url}/accounts/signup/")
    options = role_options(page)
    assert "District/Sessions judge" in options and "Academy staff" not in options


def test_a_hidden_direction_character_in_the_name_is_refused_and_entries_kept(page, live_server, judge):
    login(page, live_server, judge.email)
    page.goto(f"{live_server.url}/accounts/profile/")
    assert "Academy staff" not in role_options(page)

    # Pasted from elsewhere: a right-to-left override that would print the name backwards.
    page.get_by_label("Full name").fill("Test \u202eegduJ")
    page.get_by_label("Court or office").fill("Civil Court, Dumka")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text(re.compile(r"U\+202E RIGHT-TO-LEFT OVERRIDE"))).to_be_visible()
    assert page.get_by_label("Court or office").input_value() == "Civil Court, Dumka"
    assert not run_axe(page), "profile page with an error has serious accessibility violations"

    page.get_by_label("Full name").fill("Test Judge")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_text("Your profile has been saved.")).to_be_visible()
    judge.refresh_from_db()
    assert (judge.full_name, judge.court_or_office) == ("Test Judge", "Civil Court, Dumka")
