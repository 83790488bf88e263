"""Downloads: served where the page is served, refused as the page refuses, and never counted as reading."""

import io
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from pypdf import PdfReader
from wagtail.models import PageViewRestriction

from courses import services as courses
from courses.models import Enrolment, LessonProgress
from offline_copies.models import OfflineCopy
from tests.factories import make_staff, make_user

pytestmark = pytest.mark.django_db


def module_pdf(module):
    return reverse("offline_copies:module_pdf", args=[module.pk])


def module_epub(module):
    return reverse("offline_copies:module_epub", args=[module.pk])


def lesson_pdf(lesson):
    return reverse("offline_copies:lesson_pdf", args=[lesson.pk])


def body(response):
    return b"".join(response.streaming_content)


def test_anyone_may_download_a_public_module(client, module):
    response = client.get(module_pdf(module))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    date = module.last_published_at.astimezone().date().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="{module.slug}-{date}.pdf"'
    assert PdfReader(io.BytesIO(body(response))).metadata.title == module.title

    response = client.get(module_epub(module))
    assert response.status_code == 200 and response["Content-Type"] == "application/epub+zip"
    assert response["Content-Disposition"] == f'attachment; filename="{module.slug}-{date}.epub"'
    assert zipfile.ZipFile(io.BytesIO(body(response))).read("mimetype") == b"application/epub+zip"

    lesson = module.get_children().first()
    response = client.get(lesson_pdf(lesson))
    assert response.status_code == 200 and body(response).startswith(b"%PDF-")


def test_the_pages_link_to_their_copies(client, module):
    lesson = module.get_children().first()
    page = client.get(lesson.url).content.decode()
    assert f'href="{lesson_pdf(lesson)}"' in page and f'href="{module_pdf(module)}"' in page
    assert f'href="{module_epub(module)}"' in page
    page = client.get(module.url).content.decode()
    assert f'href="{module_pdf(module)}"' in page and f'href="{module_epub(module)}"' in page
    assert "Download this lesson" not in page


def test_a_draft_or_missing_page_has_no_copy(client, module):
    lesson = module.get_children().first()
    lesson.unpublish()
    assert client.get(lesson_pdf(lesson)).status_code == 404
    assert client.get(reverse("offline_copies:module_pdf", args=[lesson.pk])).status_code == 404  # not a module
    assert client.get(reverse("offline_copies:module_pdf", args=[999999])).status_code == 404
    assert client.post(module_pdf(module)).status_code == 405


def test_a_module_for_signed_in_readers_refuses_anonymous_as_its_page_does(client, module, judge):
    PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.LOGIN)
    lesson = module.get_children().first()
    for url in (module_pdf(module), module_epub(module), lesson_pdf(lesson)):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == f"/_util/login/?next={url}"
        assert "no-cache" in response["Cache-Control"]
    page = client.get(module.url)
    assert page.status_code == 302 and page["Location"].startswith("/_util/login/?next=")
    assert not OfflineCopy.objects.exists()

    client.force_login(judge)
    for url in (module_pdf(module), module_epub(module), lesson_pdf(lesson)):
        response = client.get(url)
        assert response.status_code == 200 and "no-cache" in response["Cache-Control"]


def test_a_module_for_a_group_refuses_others_and_serves_the_group(client, module, academy, judge):
    group = Group.objects.create(name="Sessions judges of Jharkhand")
    restriction = PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(group)
    url = module_pdf(module)
    other_staff = make_staff(academy, "editor")
    for user in (judge, other_staff, make_user("prosecutor")):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == f"/_util/login/?next={url}", user
    judge.groups.add(group)
    client.force_login(judge)
    assert client.get(url).status_code == 200
    admin = make_user(None, is_superuser=True, mfa=True)
    client.force_login(admin)
    assert client.get(url).status_code == 200


def test_a_password_protected_module_asks_for_the_password_first(client, module):
    PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    response = client.get(module_pdf(module))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert b"password" in response.content.lower() and not OfflineCopy.objects.exists()


def test_downloading_does_not_mark_progress_or_count_time(client, module, judge):
    enrolment, _ = courses.enrol(judge, module)
    client.force_login(judge)
    lessons = list(module.get_children())
    for lesson in lessons:
        assert client.get(lesson_pdf(lesson)).status_code == 200
    assert client.get(module_pdf(module)).status_code == 200
    assert client.get(module_epub(module)).status_code == 200
    assert not LessonProgress.objects.filter(enrolment=enrolment).exists()
    after = Enrolment.objects.get(pk=enrolment.pk)
    assert (after.seconds_spent, after.last_seen_at, after.completed_at) == (0, None, None)
    assert courses.progress_of(after, courses.lessons_for(module)).done_ids == set()


def test_with_my_notes_needs_a_sign_in(client, module):
    url = reverse("offline_copies:module_pdf_with_notes", args=[module.pk])
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == f"/accounts/login/?next={url}"


def _text(response):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_with_my_notes_holds_the_learners_notes_and_nobody_elses(client, module, academy, judge):
    from notes.services import save_note

    lesson = module.get_children().specific()[1]
    save_note(judge, lesson, "PRIVATE-NOTE-OF-THE-JUDGE: ask for the age-determination report.")
    url = reverse("offline_copies:module_pdf_with_notes", args=[module.pk])

    client.force_login(judge)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    date = module.last_published_at.astimezone().date().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="{module.slug}-{date}-with-my-notes.pdf"'
    assert "PRIVATE-NOTE-OF-THE-JUDGE: ask for the age-determination report." in _text(response)
    assert not OfflineCopy.objects.exists()  # never stored

    editor = make_staff(academy, "editor")
    admin = make_user(None, is_superuser=True, mfa=True)
    for other in (make_user("prosecutor"), editor, admin):
        client.force_login(other)
        response = client.get(url)
        assert response.status_code == 200
        assert "PRIVATE-NOTE-OF-THE-JUDGE" not in _text(response), other
    assert "PRIVATE-NOTE-OF-THE-JUDGE" not in _text_of_stored(client, module)


def _text_of_stored(client, module):
    response = client.get(module_pdf(module))
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(body(response))).pages)


def test_without_an_app_that_keeps_notes_the_copy_with_notes_is_neither_offered_nor_served(
    client, module, judge, monkeypatch
):
    from wagtail import hooks

    from offline_copies.services import LEARNER_NOTES

    url = reverse("offline_copies:module_pdf_with_notes", args=[module.pk])
    client.force_login(judge)
    assert url in client.get(module.url).content.decode()
    every_hook = hooks.get_hooks
    # As a deployment without the notes app: nothing registers the hook.
    monkeypatch.setattr(hooks, "get_hooks", lambda name: [] if name == LEARNER_NOTES else every_hook(name))
    assert url not in client.get(module.url).content.decode()
    assert client.get(url).status_code == 404
