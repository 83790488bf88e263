"""Browser journey: what a CSO member sees when an upload is refused.

A PDF with script hidden in an LZW/ASCII85 object stream is refused with the reason and every
other entry kept; an upload over the size limit gets a page that states the limit (413).
"""

import re

import pytest
from django.template.defaultfilters import filesizeformat
from playwright.sync_api import expect

from resources.models import Resource, ResourceIndexPage
from tests import factories
from tests.browser.conftest import login, run_axe
from tests.resources.conftest import make_member, make_org
from tests.resources.pdf_builder import document

pytestmark = pytest.mark.browser

TITLE = "Brick kiln field guide"


def fill_the_form(page, live_server, path):
    home = factories.make_home()
    home.add_child(instance=ResourceIndexPage(title="Resources", slug="resources", show_in_menus=True))
    factories.make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")
    cso = make_member(make_org("Journey Trust"), email="cso-refusals@example.test")
    login(page, live_server, cso.email)
    page.goto(f"{live_server.url}/resources/share/")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Summary").fill("Signs of bonded labour at kilns.")
    page.get_by_label("Forced labour").check()
    page.get_by_label("Resource type").select_option("guide")
    page.get_by_label("Licence").select_option("cc-by-4.0")
    page.get_by_label("Author or source").fill("Journey Trust")
    page.locator("#id_states").select_option(label="Jharkhand")
    page.get_by_label("Files").set_input_files(str(path))
    page.get_by_role("button", name="Send for review").click()


def test_a_pdf_with_hidden_script_is_refused_with_the_reason(page, live_server, tmp_path):
    hostile = tmp_path / "kiln-guide.pdf"
    pdf = document(catalog_extra="/OpenAction 4 0 R").add_compressed(4, "<< /S /JavaScript /JS (app.alert\\(1\\)) >>")
    hostile.write_bytes(pdf.build(objstm_filters=("ASCII85Decode", "LZWDecode")))
    fill_the_form(page, live_server, hostile)

    expect(page.get_by_text(re.compile("“kiln-guide.pdf” was refused: the PDF contains JavaScript"))).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    expect(page.get_by_label("Author or source")).to_have_value("Journey Trust")
    assert not Resource.objects.exists()
    assert run_axe(page) == []


def test_an_upload_over_the_limit_gets_a_page_that_states_the_limit(page, live_server, tmp_path, settings):
    settings.UPLOAD_MAX_BYTES = 256 * 1024
    big = tmp_path / "big-guide.pdf"
    big.write_bytes(b"%PDF-1.7\n" + b"0" * (1024 * 1024))
    fill_the_form(page, live_server, big)

    expect(page.get_by_role("heading", name="Upload too large")).to_be_visible()
    expect(page.get_by_text(f"add up to more than {filesizeformat(256 * 1024)}")).to_be_visible()
    expect(page.get_by_text("Nothing was saved")).to_be_visible()
    assert not Resource.objects.exists()
    assert run_axe(page) == []
    # As the page says: Back returns to the form with what was typed.
    page.go_back()
    expect(page.get_by_label("Title")).to_have_value(TITLE)
