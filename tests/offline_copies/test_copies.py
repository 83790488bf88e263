"""Stored copies: rendered once per published revision, rendered again after a new one, old files removed."""

import io
import re

import pytest
from pypdf import PdfReader

from offline_copies import services
from offline_copies.models import Kind, OfflineCopy
from offline_copies.services import render

from .conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch):
    """Counts the PDF and EPUB renders (the real ones still run)."""
    counted = []
    for kind, renderer in list(services.copies.RENDERERS.items()):

        def counting(source, _renderer=renderer, _kind=kind):
            counted.append(_kind)
            return _renderer(source)

        monkeypatch.setitem(services.copies.RENDERERS, kind, counting)
    return counted


def outline(reader):
    """[(depth, title, page number from 1)] of the PDF's bookmarks."""
    items = []

    def walk(entries, depth):
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                items.append((depth, entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline, 0)
    return items


def test_module_pdf_is_tagged_with_outline_contents_and_page_numbers(module):
    copy = services.stored_copy(module, Kind.MODULE_PDF)
    reader = PdfReader(copy.file.open("rb"))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"])  # tagged (PDF/UA-1)
    assert root["/Lang"] == "en"
    assert reader.metadata.title == module.title
    assert reader.metadata.author == "Jharkhand State Judicial Academy"
    assert "6 lessons · about 2 hours · published" in reader.pages[0].extract_text()

    marks = outline(reader)
    assert marks[0][:2] == (0, module.title)
    lessons = [(title, number) for depth, title, number in marks if depth == 1 and title.startswith("Lesson")]
    assert [title for title, _ in lessons] == [f"Lesson {n}" for n in range(1, 7)]  # in the module's order
    assert (1, "Contents", 2) in marks

    pages = [page.extract_text() for page in reader.pages]
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {total}" in text
    # The contents page gives each lesson the page its bookmark points at.
    for title, number in lessons:
        assert re.search(rf"\d\. {title} \.+ {number}\b", pages[1]), (title, number)
    lesson_two = pages[lessons[1][1] - 1]
    assert "Lesson 2 of 6" in lesson_two
    assert "Content note: Describes the sexual exploitation of a minor." in lesson_two
    assert "BNS 143 (formerly IPC 370)" in lesson_two
    assert "Vishal Jeet v. Union of India, (1990) 3 SCC 318" in lesson_two
    assert "Video: https://www.youtube.com/watch?v=abc123" in lesson_two


def test_links_in_a_copy_point_at_the_site(module, settings):
    settings.SITE_URL = "https://training.example.in"
    (lesson,) = services.sources.with_bodies(services.module_source(module, Kind.MODULE_PDF).lessons[:1])
    html = services.bodies.body_html(lesson, demote=1)
    assert "href='https://training.example.in/modules/'" in html
    assert "<h3>Why Lesson 1 matters</h3>" in html  # a lesson's h2 is an h3 inside the whole module


def test_lesson_pdf_is_tagged_and_named_for_the_module_and_date(module):
    lesson = services.module_source(module, Kind.MODULE_PDF).lessons[2]
    copy = services.stored_copy(lesson, Kind.LESSON_PDF)
    date = lesson.last_published_at.astimezone().date().isoformat()
    assert copy.filename == f"{module.slug}-03-{lesson.slug}-{date}.pdf"
    reader = PdfReader(copy.file.open("rb"))
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    text = reader.pages[0].extract_text()
    assert "Lesson 3" in text and "Lesson 3 of 6" in text and module.title in text
    assert outline(reader)[0][1] == "Lesson 3"


def test_a_copy_is_rendered_once_per_revision(module, renders):
    first = services.stored_copy(module, Kind.MODULE_PDF)
    again = services.stored_copy(module, Kind.MODULE_PDF)
    assert again.pk == first.pk and renders == [Kind.MODULE_PDF]
    services.stored_copy(module, Kind.MODULE_EPUB)
    services.stored_copy(module, Kind.MODULE_EPUB)
    assert renders == [Kind.MODULE_PDF, Kind.MODULE_EPUB]
    date = module.last_published_at.astimezone().date().isoformat()
    assert first.filename == f"{module.slug}-{date}.pdf" and first.file.name.endswith(first.filename)
    assert first.revision_id == module.live_revision_id and first.size > 10_000


def test_a_new_revision_of_a_lesson_makes_a_new_file_and_removes_the_old(
    module, renders, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        old = services.stored_copy(module, Kind.MODULE_PDF)
    storage, old_name = old.file.storage, old.file.name
    lesson = module.get_children().last().specific
    lesson.title = "Lesson 6, revised"
    with django_capture_on_commit_callbacks(execute=True):
        publish(lesson)
        new = services.stored_copy(module, Kind.MODULE_PDF)
    assert new.pk != old.pk and renders == [Kind.MODULE_PDF, Kind.MODULE_PDF]
    assert "Lesson 6, revised" in "".join(page.extract_text() for page in PdfReader(new.file.open("rb")).pages)
    assert list(OfflineCopy.objects.filter(page=module)) == [new]
    assert not storage.exists(old_name) and storage.exists(new.file.name)


def test_republishing_the_module_makes_a_new_epub(module, renders):
    old = services.stored_copy(module, Kind.MODULE_EPUB)
    module.summary = "A new summary."
    publish(module)
    new = services.stored_copy(module, Kind.MODULE_EPUB)
    assert new.pk != old.pk and new.revision_id == module.live_revision_id
    assert renders == [Kind.MODULE_EPUB, Kind.MODULE_EPUB]


def test_unpublishing_removes_the_copies(module, django_capture_on_commit_callbacks):
    copy = services.stored_copy(module, Kind.MODULE_PDF)
    storage, name = copy.file.storage, copy.file.name
    with django_capture_on_commit_callbacks(execute=True):
        module.unpublish()
    assert not OfflineCopy.objects.filter(page=module).exists()
    assert not storage.exists(name)


def test_a_learners_notes_go_after_their_lessons_in_a_copy_never_stored(module, judge):
    lessons = services.module_source(module, Kind.MODULE_PDF).lessons
    notes = [
        {
            "lesson": lessons[1],
            "body_html": "<p>MY-NOTE: check BNS 143(4) & the age proof.</p>",
            "updated_at": module.last_published_at,
        },
    ]
    body, filename = services.module_pdf_with_notes(module, judge, notes)
    assert filename.endswith("-with-my-notes.pdf")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    assert "MY-NOTE: check BNS 143(4) & the age proof." in text
    assert "My notes on this lesson" in text and f"With the private notes of {judge.get_full_name()}" in text
    assert not OfflineCopy.objects.exists()
    plain = "".join(
        p.extract_text() for p in PdfReader(services.stored_copy(module, Kind.MODULE_PDF).file.open("rb")).pages
    )
    assert "MY-NOTE" not in plain


def test_renderers_are_the_ones_stored(module):
    # The stored copy is what the renderer makes, not a stand-in.
    source = services.module_source(module, Kind.MODULE_EPUB)
    assert services.copies.RENDERERS[Kind.MODULE_EPUB] is render.module_epub
    assert render.module_epub(source)[:2] == b"PK"


def test_hindi_in_a_lesson_prints_in_devanagari_and_copies_out_as_typed(module):
    hindi = "मानव तस्करी के पीड़ितों का पुनर्वास और प्रतिकर"
    lesson = module.get_children().specific()[0]
    lesson.body = [("paragraph", f"<p>In Hindi: <span lang='hi'>{hindi}</span>, then English.</p>")]
    publish(lesson)
    reader = PdfReader(services.stored_copy(module, Kind.MODULE_PDF).file.open("rb"))
    # pypdf puts a second space where two font aliases meet; the characters are as typed.
    text = " ".join("".join(page.extract_text() for page in reader.pages).split())
    assert f"In Hindi: {hindi}, then English." in text
    fonts = {
        str(font.get_object()["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()
    }
    # Noto Sans Devanagari, and its per-syllable aliases (core.devanagari), are embedded.
    assert any(name.endswith("+Noto-Sans-Devanagari") for name in fonts), fonts
    assert any(name.endswith("+Deva0") for name in fonts), fonts
