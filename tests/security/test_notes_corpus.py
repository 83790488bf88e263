"""The shared attack corpus against private notes: every payload through the note formatter, and a
sample through the HTTP form, the lesson page, the module's notes page and the PDF.

Runs only when ../shared/corpus exists (the `corpus_dir` fixture skips otherwise)."""

import pytest
from django.test import Client
from django.urls import reverse

from courses import services as courses
from notes.formatting import note_html
from notes.models import Note
from tests.courses.conftest import make_index, make_module
from tests.security.test_resources_corpus import FORBIDDEN, audit, load_payloads

pytestmark = [pytest.mark.corpus, pytest.mark.django_db]


def test_every_payload_through_the_note_formatter_is_inert(corpus_dir):
    payloads = load_payloads(corpus_dir)
    failures = []
    for payload in payloads:
        html = str(note_html(payload))
        parsed = audit(html)
        if (
            parsed.problems
            or set(parsed.tags) & FORBIDDEN
            or set(parsed.tags) - {"p", "br", "strong", "em", "ul", "ol", "li", "a"}
        ):
            failures.append((payload, html))
    assert len(payloads) > 2000
    assert not failures, failures[:5]


def test_a_sample_through_the_form_and_every_page_that_shows_a_note(corpus_dir, academy, judge):
    module = make_module(make_index(academy.page, slug="corpus-modules"), lessons=1)
    lesson = courses.lessons_for(module)[0]
    browser = Client()
    browser.force_login(judge)
    payloads = load_payloads(corpus_dir)[::40]
    for payload in payloads:
        response = browser.post(reverse("notes:lesson", args=[lesson.pk]), {"body": payload})
        assert response.status_code in (302, 400)
        if response.status_code == 400:
            continue  # refused with its reason (too long, a NUL character): the form came back, nothing saved
        note = Note.objects.filter(user=judge).first()
        if note is None:
            continue  # a payload of only spaces deletes the note
        assert note.body == payload.strip()  # kept as typed; cleaned only on the way out
        for address in (lesson.url, reverse("notes:module", args=[module.pk]), reverse("notes:note", args=[note.pk])):
            html = browser.get(address).content.decode()
            main = html[html.index("<main") : html.index("</main>")]
            parsed = audit(main)
            assert not parsed.problems and not set(parsed.tags) & FORBIDDEN - {"form"}, (payload, address)
    pdf = browser.get(reverse("notes:module_pdf", args=[module.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
