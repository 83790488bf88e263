"""Browser journey: /resources/share/ as the demo accounts see it (issue items 13 and 22).

The demo CSO member sees the form with its help text as text (no stray links or lists, axe
clean); the demo's pending judicial officer is told sharing is for members of verified civil
society organisations and how an organisation joins.
"""

import io

import pytest
from playwright.sync_api import expect

from demo.loaders import academies as academies_demo
from demo.loaders import accounts as accounts_demo
from demo.loaders import home as home_demo
from demo.loaders import resources as resources_demo
from tests.browser.conftest import login, run_axe

pytestmark = pytest.mark.browser

HELP_TEXT = (
    "Optional. You may format it with simple HTML: paragraphs, bold, italic, links, bulleted and numbered lists, "
    "and headings. Anything else is removed."
)


@pytest.fixture
def demo(transactional_db):
    """The demo accounts, site, academies and library, as `make run` loads them."""
    for loader in (accounts_demo, home_demo, academies_demo, resources_demo):
        loader.load(io.StringIO())


def test_the_demo_cso_member_reads_the_help_text_as_text(live_server, page, demo):
    login(page, live_server, "cso@demo.test", accounts_demo.demo_password())
    page.goto(f"{live_server.url}/resources/share/")
    expect(page.get_by_role("heading", name="Share a resource")).to_be_visible()
    help_text = page.locator("#id_description_helptext")
    expect(help_text).to_be_visible()
    expect(help_text).to_have_text(HELP_TEXT)
    expect(help_text.locator("*")).to_have_count(0)  # text, not markup turned into elements
    assert run_axe(page) == []


def test_the_demo_pending_officer_is_told_sharing_is_for_verified_cso_members(live_server, page, demo):
    login(page, live_server, "pending@demo.test", accounts_demo.demo_password())
    page.goto(f"{live_server.url}/resources/share/")
    expect(page.locator("#upload-gate")).to_contain_text(
        "Sharing resources is for members of verified civil society organisations."
    )
    expect(page.locator("#upload-gate")).not_to_contain_text("awaiting verification")
    expect(page.get_by_role("heading", name="How an organisation joins")).to_be_visible()
    join = page.locator("#how-to-join")
    expect(join.get_by_role("link", name="Academies")).to_have_attribute("href", "/academies/")
    expect(join.get_by_role("link", name="Contact")).to_have_attribute("href", "/contact/")
    assert run_axe(page) == []
