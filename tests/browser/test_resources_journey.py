"""Browser journey: the CSO uploads, the moderator asks for changes, the CSO edits, the moderator approves,
the public finds it by search. Moderation happens on the front end (/resources/moderation/)."""

import re

import pytest
from playwright.sync_api import expect

from resources.models import ResourceIndexPage
from tests import factories
from tests.browser.conftest import login
from tests.resources.builders import PDF
from tests.resources.conftest import make_member, make_org

pytestmark = pytest.mark.browser


def logout(page):
    page.get_by_role("button", name="Sign out").first.click()
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()


def test_resource_journey(page, live_server, tmp_path):
    home = factories.make_home()
    index = ResourceIndexPage(title="Resources", slug="resources", show_in_menus=True)
    home.add_child(instance=index)
    academy = factories.make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")
    moderator = factories.make_staff(academy, "moderator", email="mod@example.test")
    # A second moderator approves: one TOTP code cannot be used twice within its 30 seconds.
    approver = factories.make_staff(academy, "moderator", email="mod2@example.test")
    cso = make_member(make_org("Journey Trust"), email="cso-journey@example.test")
    pdf = tmp_path / "brick-kiln-guide.pdf"
    pdf.write_bytes(PDF)

    # The CSO uploads.
    login(page, live_server, cso.email)
    page.goto(f"{live_server.url}/resources/share/")
    page.get_by_label("Title").fill("Brick kiln field guide")
    page.get_by_label("Summary").fill("Signs of bonded labour at kilns.")
    page.get_by_label("Forced labour").check()
    page.get_by_label("Resource type").select_option("guide")
    page.get_by_label("Licence").select_option("cc-by-4.0")
    page.get_by_label("Author or source").fill("Journey Trust")
    page.locator("#id_states").select_option(label="Jharkhand")
    page.get_by_label("Files").set_input_files(str(pdf))
    page.get_by_role("button", name="Send for review").click()
    page.get_by_text("sent to the academy moderators").wait_for()
    logout(page)

    # The moderator requests changes.
    login(page, live_server, moderator.email, user=moderator)
    page.goto(f"{live_server.url}/resources/moderation/")
    assert "Resources awaiting moderation" in page.content(), (page.url, page.content()[-3000:])
    page.get_by_role("link", name="Brick kiln field guide").click()
    page.get_by_label("Request changes").check()
    page.get_by_label("Note").fill("Please name the districts covered.")
    page.get_by_role("button", name="Record decision").click()
    page.get_by_text("Decision recorded").wait_for()
    logout(page)

    # The CSO sees the note and edits.
    login(page, live_server, cso.email)
    page.goto(f"{live_server.url}/resources/mine/")
    page.get_by_text("Please name the districts covered.").first.wait_for()
    page.get_by_role("link", name="Brick kiln field guide").click()
    page.get_by_role("link", name="Edit this resource").click()
    page.get_by_label("Title").fill("Brick kiln field guide: Ranchi and Hazaribagh")
    page.get_by_role("button", name="Send changes for review").click()
    page.get_by_text("Your changes were sent for review").wait_for()
    logout(page)

    # A moderator approves.
    login(page, live_server, approver.email, user=approver)
    page.goto(f"{live_server.url}/resources/moderation/")
    page.get_by_role("link", name=re.compile("Ranchi and Hazaribagh")).click()
    page.get_by_label("Approve").check()
    page.get_by_role("button", name="Record decision").click()
    page.get_by_text("Decision recorded").wait_for()
    logout(page)

    # The public finds it by search, from the header link.
    page.goto(live_server.url)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Resources").click()
    library_search = page.get_by_role("search", name="Search and filter resources")
    library_search.get_by_label("Search").fill("Hazaribagh")
    library_search.get_by_role("button", name="Search").click()
    page.get_by_text("1 resource found for “Hazaribagh”").wait_for()
    page.get_by_role("link", name=re.compile("Ranchi and Hazaribagh")).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Brick kiln field guide: Ranchi and Hazaribagh"
    expect(page.get_by_role("link", name="brick-kiln-guide.pdf")).to_be_visible()
