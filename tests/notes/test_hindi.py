"""The notes app in Hindi: the note under a lesson, the note pages, a form error, messages and the PDF."""

import io

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.utils import translation
from pypdf import PdfReader

from courses import services as courses
from notes import services
from notes.forms import NoteForm
from notes.models import MAX_NOTE_LENGTH
from tests.factories import hindi_url, signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request to /hi/ leaves Hindi active in this thread (LocaleMiddleware): later tests start in English."""
    yield
    translation.activate("en")


@pytest.fixture
def lessons(module):
    return courses.lessons_for(module)


@pytest.fixture
def note(judge, lessons):
    return services.save_note(judge, lessons[1], "Section 143 BNS: **consent is irrelevant**.")


def test_the_note_under_a_lesson_reads_in_hindi(judge, lessons, note):
    # The lesson is a Wagtail page: served inside translation.override until its /hi/ address routes.
    request = RequestFactory().get(lessons[1].url)
    request.user = judge
    request.session = SessionStore()
    with translation.override("hi"):
        response = lessons[1].specific.serve(request)
        response.render()
    page = response.content.decode()
    assert "मेरी टिप्पणियाँ" in page and "इस पाठ पर मेरी निजी टिप्पणी" in page and "टिप्पणी सहेजें" in page
    assert "My private note on this lesson" not in page and "Save note" not in page


def test_the_module_notes_and_note_pages_read_in_hindi(judge, module, note):
    browser = signed_in(judge)
    page = browser.get(hindi_url("notes:module", args=[module.pk])).content.decode()
    assert f"मेरी टिप्पणियाँ: {module.title}" in page and "मेरी टिप्पणियाँ डाउनलोड करें (PDF)" in page
    assert "Download my notes" not in page
    page = browser.get(hindi_url("notes:note", args=[note.pk])).content.decode()
    assert "निजी: इसे केवल आप पढ़ सकते हैं।" in page and 'data-confirm="यह टिप्पणी हटाएँ?' in page


def test_a_note_form_error_and_the_saved_message_read_in_hindi(judge, lessons):
    browser = signed_in(judge)
    url = hindi_url("notes:lesson", args=[lessons[0].pk])
    response = browser.post(url, {"body": "x" * (MAX_NOTE_LENGTH + 1)})
    page = response.content.decode()
    assert response.status_code == 400
    assert "“" in page and "पर मेरी टिप्पणी" in page and "Save note" not in page
    with translation.override("hi"):
        form = NoteForm({"body": "x" * (MAX_NOTE_LENGTH + 1)})
        assert not form.is_valid()
        error = form.errors["body"][0]
    assert "अधिकतम 20000 वर्ण" in error and "Ensure this value" not in error  # Django's own message, in Hindi
    response = browser.post(url, {"body": "पहला विचार"}, follow=True)
    assert "आपकी टिप्पणी सहेज ली गई है।" in response.content.decode()


def test_the_notes_pdf_is_in_hindi(judge, module, note):
    response = signed_in(judge).get(hindi_url("notes:module_pdf", args=[module.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "consent is irrelevant" in text  # the note as written
    assert "Lesson 2" in text  # the lesson's title, as written
    assert "My notes" not in text and "Private notes, downloaded" not in text and "Last changed" not in text
    # The title and language of the tagged PDF are Hindi's (the text layer of Devanagari depends on the font).
    assert reader.metadata.title == f"मेरी टिप्पणियाँ: {module.title}"
    assert str(reader.trailer["/Root"]["/Lang"]) == "hi-IN"
