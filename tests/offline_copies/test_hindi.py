"""Offline copies in Hindi: made in the language asked for (each its own stored file), their fixed text in Hindi."""

import io
import zipfile

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from pypdf import PdfReader

from offline_copies import services
from offline_copies.models import Kind, OfflineCopy

pytestmark = pytest.mark.django_db


def text_of(copy):
    reader = PdfReader(copy.file.open("rb"))
    # pypdf puts a second space where two font aliases meet; the characters are as typed.
    return " ".join("".join(page.extract_text() for page in reader.pages).split())


def test_the_module_pdf_in_hindi_is_its_own_copy(module):
    with translation.override("en"):  # an earlier request in this process may have left Hindi active
        english = services.stored_copy(module, Kind.MODULE_PDF)
    with translation.override("hi"):
        hindi = services.stored_copy(module, Kind.MODULE_PDF)
        assert services.stored_copy(module, Kind.MODULE_PDF).pk == hindi.pk  # kept, not made again
    assert hindi.pk != english.pk and hindi.source_key != english.source_key
    # Neither language's copy removes the other's: both are of the current revisions.
    assert set(OfflineCopy.objects.filter(page_id=module.pk).values_list("pk", flat=True)) == {english.pk, hindi.pk}
    text = text_of(hindi)
    assert "विषय-सूची" in text and "पाठ 2 / 6" in text and "6 पाठ · लगभग" in text
    assert "विषय-वस्तु संबंधी सूचना:" in text and "Contents" not in text and "Lesson 2 of 6" not in text
    assert "Trafficking after July 2024" in text  # the module's own text is as published
    assert "Lesson 2 of 6" in text_of(english)


def test_the_lesson_pdf_in_hindi(module):
    lesson = module.get_children().specific()[1]
    with translation.override("hi"):
        text = text_of(services.stored_copy(lesson, Kind.LESSON_PDF))
    assert "पाठ 2 / 6" in text and "पढ़ने के लिए ऑफ़लाइन प्रति" in text and "वीडियो:" in text


def test_the_epub_in_hindi_says_its_language(module):
    with translation.override("hi"):
        copy = services.stored_copy(module, Kind.MODULE_EPUB)
    with zipfile.ZipFile(io.BytesIO(copy.file.open("rb").read())) as book:
        package = book.read("OEBPS/package.opf").decode()
        nav = book.read("OEBPS/nav.xhtml").decode()
        chapter = book.read("OEBPS/lesson-01.xhtml").decode()
    assert "<dc:language>hi</dc:language>" in package and 'xml:lang="hi"' in package
    assert '<h1 id="toc-title">विषय-सूची</h1>' in nav and "पाठ 1 / 6" in chapter


def test_the_download_links_are_in_hindi(module, judge):
    request = RequestFactory().get("/")
    request.user = judge
    with translation.override("hi"):
        html = render_to_string(
            "offline_copies/includes/download_links.html", {"module_page": module, "request": request}
        )
    assert "ऑफ़लाइन पढ़ें" in html and "संपूर्ण मॉड्यूल डाउनलोड करें (PDF)" in html and "Read offline" not in html
