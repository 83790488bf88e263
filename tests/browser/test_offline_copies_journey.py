"""A judge downloads a module as a PDF and as an EPUB from the module page, and the lesson from a lesson page.

Both files open: the PDF is tagged, has a contents page whose entries are bookmarks, and page numbers;
the EPUB starts with its uncompressed mimetype and lists the lessons in order. Downloading marks nothing.
"""

import io
import zipfile

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from courses.models import LessonProgress
from tests.courses.conftest import make_index, make_module
from tests.factories import make_academy, make_user
from tests.offline_copies.conftest import law_lessons, publish

from .conftest import login, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _download(page, name):
    with page.expect_download() as info:
        page.get_by_role("link", name=name).click()
    download = info.value
    with open(download.path(), "rb") as handle:
        return download.suggested_filename, handle.read()


def test_judge_downloads_the_module_as_pdf_and_epub(page, live_server):
    academy = make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")
    module = make_module(make_index(academy.page), lessons=6, questions=2, title="Trafficking after July 2024")
    law_lessons(module)
    publish(module)
    judge = make_user("district_judge", email="judge@example.test", full_name="Smt. Anjali Verma")

    login(page, live_server, judge.email)
    page.goto(live_server.url + module.url)
    page.get_by_role("button", name="Enrol in this module").click()
    offline = page.get_by_role("complementary", name="Read offline")
    expect(offline.get_by_role("link", name="Download the whole module (PDF)")).to_be_visible()
    assert run_axe(page) == []

    name, body = _download(page, "Download the whole module (PDF)")
    assert name.startswith(module.slug + "-") and name.endswith(".pdf")
    reader = PdfReader(io.BytesIO(body))
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged
    assert [item.title for item in reader.outline if not isinstance(item, list)] == [module.title]
    assert "Contents" in reader.pages[1].extract_text()
    assert [i.title for i in reader.outline[1] if not isinstance(i, list)][:3] == ["Contents", "Lesson 1", "Lesson 2"]
    assert f"Page 3 of {len(reader.pages)}" in reader.pages[2].extract_text()

    name, body = _download(page, "Download the whole module for e-readers (EPUB)")
    assert name.startswith(module.slug + "-") and name.endswith(".epub")
    assert body[30:58] == b"mimetypeapplication/epub+zip"
    book = zipfile.ZipFile(io.BytesIO(body))
    assert "Lesson 6" in book.read("OEBPS/lesson-06.xhtml").decode()

    response = page.request.get(live_server.url + f"/offline-copies/modules/{module.pk}/module.epub")
    assert response.ok and response.headers["content-type"] == "application/epub+zip"

    page.goto(live_server.url + module.get_children().first().url)
    name, body = _download(page, "Download this lesson (PDF)")
    assert body.startswith(b"%PDF-") and "Lesson 1 of 6" in PdfReader(io.BytesIO(body)).pages[0].extract_text()
    assert run_axe(page) == []
    assert not LessonProgress.objects.filter(enrolment__user=judge).exists()
