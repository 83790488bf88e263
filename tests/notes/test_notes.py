"""A learner's private notes: written under a lesson, gathered per module, downloaded as a PDF, in the
personal-data download and deleted with the account; nobody else, staff included, can read them."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from accounts.services import anonymise_user, export_personal_data
from courses import services as courses
from notes import services
from notes.formatting import note_html
from notes.models import Note
from tests.factories import make_staff, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def lessons(module):
    return courses.lessons_for(module)


@pytest.fixture
def note(judge, lessons):
    return services.save_note(
        judge, lessons[1], "Section 143 BNS: **consent is irrelevant**.\n\n- check age\n- check means"
    )


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_learner_writes_a_note_under_a_lesson_and_edits_it(judge, lessons):
    browser = signed_in(judge)
    page = browser.get(lessons[0].url).content.decode()
    assert 'id="my-note"' in page and "My private note on this lesson" in page
    response = browser.post(reverse("notes:lesson", args=[lessons[0].pk]), {"body": "First thought."})
    assert response.status_code == 302 and response.url == f"{lessons[0].url}#my-note"
    browser.post(reverse("notes:lesson", args=[lessons[0].pk]), {"body": "Second thought."})
    assert list(Note.objects.filter(user=judge).values_list("body", flat=True)) == ["Second thought."]
    assert "Second thought." in browser.get(lessons[0].url).content.decode()  # the form shows it again


def test_an_empty_note_is_deleted(judge, lessons, note):
    signed_in(judge).post(reverse("notes:lesson", args=[lessons[1].pk]), {"body": "   "})
    assert not Note.objects.filter(pk=note.pk).exists()


def test_a_note_too_long_comes_back_with_its_text_and_the_reason(judge, lessons):
    text = "x" * 20_001
    response = signed_in(judge).post(reverse("notes:lesson", args=[lessons[0].pk]), {"body": text})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ensure this value has at most 20000 characters" in html and text in html
    assert not Note.objects.exists()


def test_the_module_page_of_notes_lists_them_in_lesson_order(judge, module, lessons):
    services.save_note(judge, lessons[2], "About lesson three.")
    services.save_note(judge, lessons[0], "About lesson one.")
    html = signed_in(judge).get(reverse("notes:module", args=[module.pk])).content.decode()
    assert html.index("About lesson one.") < html.index("About lesson three.")
    assert reverse("notes:module_pdf", args=[module.pk]) in html


def test_notes_for_gives_the_module_pdf_each_lesson_with_cleaned_html(judge, module, lessons, note):
    services.save_note(judge, lessons[0], "<script>alert(1)</script> plain")
    found = courses_order = services.notes_for(judge, module)
    assert [item["lesson"].pk for item in courses_order] == [lessons[0].pk, lessons[1].pk]
    assert set(found[0]) == {"lesson", "note", "body_html", "updated_at"}
    assert "<script>" not in found[0]["body_html"] and "&lt;script&gt;" in found[0]["body_html"]
    assert "<strong>consent is irrelevant</strong>" in found[1]["body_html"]
    assert "<ul><li>check age</li><li>check means</li></ul>" in found[1]["body_html"]
    assert services.notes_for(make_user("district_judge"), module) == []


def test_the_notes_pdf_holds_the_notes_as_text(judge, module, note):
    response = signed_in(judge).get(reverse("notes:module_pdf", args=[module.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="my-notes-{module.slug}.pdf"'
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "My notes: " + module.title in text and "consent is irrelevant" in text and "Lesson 2" in text
    assert bool(reader.trailer["/Root"]["/MarkInfo"]["/Marked"])  # tagged (PDF/UA)


def test_formatting_keeps_only_simple_markup():
    assert note_html("a\nb\n\nc") == "<p>a<br>b</p><p>c</p>"
    assert note_html("1. one\n2. two") == "<ol><li>one</li><li>two</li></ol>"
    assert note_html("_see_ https://indiankanoon.org/doc/1/") == (
        '<p><em>see</em> <a href="https://indiankanoon.org/doc/1/" rel="nofollow noopener noreferrer">'
        "https://indiankanoon.org/doc/1/</a></p>"
    )
    assert note_html('<a href="javascript:alert(1)">x</a>') == '<p>&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;</p>'
    assert note_html("snake_case_name stays") == "<p>snake_case_name stays</p>"


def test_notes_are_in_the_personal_data_download(client, judge, note, module):
    data = export_personal_data(judge)
    assert data["lesson_notes"] == [
        {
            "module": module.title,
            "lesson": "Lesson 2",
            "note": note.body,
            "created_at": note.created_at.isoformat(),
            "updated_at": note.updated_at.isoformat(),
        }
    ]
    client.force_login(judge)
    assert "consent is irrelevant" in client.get("/accounts/personal-data/").content.decode()


def test_notes_are_deleted_with_the_account(judge, prosecutor, lessons, note):
    kept = services.save_note(prosecutor, lessons[1], "Someone else's")
    anonymise_user(judge)
    assert not Note.objects.filter(pk=note.pk).exists()
    assert Note.objects.filter(pk=kept.pk).exists()


# --- Nobody else reads a note: 404 at every address, for learners, staff and superusers alike ---


def _people(academy, superuser):
    return {
        "another learner": make_user("district_judge"),
        "the academy's editor": make_staff(academy, "editor"),
        "the academy's registrar": make_staff(academy, "registrar"),
        "the academy's moderator": make_staff(academy, "moderator"),
        "a superuser": superuser,
    }


def test_nobody_else_reaches_a_note_by_its_address(judge, academy, superuser, module, lessons, note):
    for who, person in _people(academy, superuser).items():
        browser = signed_in(person)
        assert browser.get(reverse("notes:note", args=[note.pk])).status_code == 404, who
        assert browser.post(reverse("notes:delete", args=[note.pk])).status_code == 404, who
        assert "consent is irrelevant" not in browser.get(reverse("notes:module", args=[module.pk])).content.decode()
        pdf = browser.get(reverse("notes:module_pdf", args=[module.pk])).content
        assert "consent" not in " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages), who
        assert "consent is irrelevant" not in browser.get(lessons[1].url).content.decode(), who
    assert Note.objects.filter(pk=note.pk).exists()
    # A note that does not exist answers the same: nobody learns that someone wrote one.
    assert signed_in(make_user("district_judge")).get(reverse("notes:note", args=[note.pk + 1000])).status_code == 404


def test_the_writer_reads_and_deletes_their_note(judge, note, module):
    browser = signed_in(judge)
    html = browser.get(reverse("notes:note", args=[note.pk])).content.decode()
    assert "<strong>consent is irrelevant</strong>" in html
    response = browser.post(reverse("notes:delete", args=[note.pk]), {"back": "module"})
    assert response.status_code == 302 and response.url == reverse("notes:module", args=[module.pk])
    assert not Note.objects.exists()


def test_a_visitor_is_sent_to_sign_in(client, module, lessons, note):
    for address in (
        reverse("notes:note", args=[note.pk]),
        reverse("notes:module", args=[module.pk]),
        reverse("notes:module_pdf", args=[module.pk]),
        reverse("notes:lesson", args=[lessons[0].pk]),
    ):
        response = client.get(address)
        assert response.status_code == 302 and response.url.startswith("/accounts/login/?next="), address
    assert "Sign in</a> to keep private notes" in client.get(lessons[0].url).content.decode()


def test_no_admin_screen_or_permission_shows_notes(client, superuser, note):
    assert not Permission.objects.filter(content_type__app_label="notes").exists()
    client.force_login(superuser)
    for address in ("/admin/notes/", "/admin/notes/note/", "/admin/snippets/notes/note/"):
        assert client.get(address).status_code == 404, address
    assert "consent is irrelevant" not in client.get("/admin/").content.decode()
    assert "consent is irrelevant" not in client.get("/api/v2/pages/?search=consent").content.decode()


def test_notes_of_a_lesson_outside_the_live_site_are_refused(judge, lessons):
    lessons[0].specific.unpublish()
    assert signed_in(judge).post(reverse("notes:lesson", args=[lessons[0].pk]), {"body": "x"}).status_code == 404
