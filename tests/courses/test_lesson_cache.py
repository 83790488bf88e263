"""The shared part of a lesson page (courses.lesson_cache) is rendered once and kept; each learner's
own parts (progress, completed state, the "mark complete" form and its CSRF token) never are.

The page cache is off in the test settings; these tests turn it on (`page_cache_on`), as in
production, and count the renders of the shared part by wrapping the function that renders it.
"""

import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

import core.cache
from courses import lesson_cache, services
from courses.models import CoursePage, LessonPage, LessonProgress

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def renders(page_cache_on, monkeypatch):
    """Each render of a lesson's shared part, as (lesson pk, SharedLesson), with the cache on."""
    calls = []
    render = lesson_cache.render_shared_lesson

    def counted(page, **kwargs):
        shared = render(page, **kwargs)
        calls.append((page.pk, shared))
        return shared

    monkeypatch.setattr(lesson_cache, "render_shared_lesson", counted)
    return calls


def signed_in(user, **kwargs):
    browser = Client(**kwargs)
    browser.force_login(user)
    return browser


def html(browser, url):
    response = browser.get(url)
    assert response.status_code == 200
    return response.content.decode()


def republish(lesson, text):
    lesson = LessonPage.objects.get(pk=lesson.pk)
    lesson.body = [("paragraph", f"<p>{text}</p>")]
    lesson.save_revision().publish()
    return lesson


def test_two_learners_share_one_render_and_each_keeps_their_own_progress_and_token(renders, module, judge, prosecutor):
    first, second, _ = services.lessons_for(module)
    judge_enrolment, _ = services.enrol(judge, module)
    services.enrol(prosecutor, module)
    services.complete_lesson(judge_enrolment, first)
    judges_browser = signed_in(judge, enforce_csrf_checks=True)
    prosecutors_browser = signed_in(prosecutor, enforce_csrf_checks=True)

    judges_page = html(judges_browser, second.url)
    prosecutors_page = html(prosecutors_browser, second.url)

    assert len(renders) == 1
    (_, shared), *_ = renders
    assert "Lesson 2 of 3" in shared.heading and "Lesson text 2." in shared.content and "BNS 143" in shared.content
    for personal in ("csrfmiddlewaretoken", "Test Judge", judge.email, "% complete", "Mark complete"):
        assert personal not in shared.heading + shared.content
    for page in (judges_page, prosecutors_page):
        assert "Lesson 2 of 3" in page and "Lesson text 2." in page and "(formerly IPC 370)" in page
    # The module has a quiz: three lessons and the quiz are four steps.
    assert "25% complete (1 of 4 steps)" in judges_page and "Lessons: 1 of 3 done" in judges_page
    assert "0% complete (0 of 4 steps)" in prosecutors_page and "Lessons: 0 of 3 done" in prosecutors_page

    # Each form carries its reader's own token: another learner's is refused, one's own is accepted.
    complete = reverse("courses:complete_lesson", args=[second.pk])
    judges_token = TOKEN.search(judges_page).group(1)
    prosecutors_token = TOKEN.search(prosecutors_page).group(1)
    assert prosecutors_browser.post(complete, {"csrfmiddlewaretoken": judges_token}).status_code == 403
    assert prosecutors_browser.post(complete, {"csrfmiddlewaretoken": prosecutors_token}).status_code == 302
    assert judges_browser.post(complete, {"csrfmiddlewaretoken": judges_token}).status_code == 302
    assert LessonProgress.objects.filter(lesson=second).count() == 2
    assert len(renders) == 1


@pytest.mark.django_db(transaction=True)
def test_marking_a_lesson_complete_shows_on_the_lesson_page_at_once(renders, module, judge):
    # Committed, as on a running site: the learner's version (which keys their steps done) moves on after the commit.
    first = services.lessons_for(module)[0]
    services.enrol(judge, module)
    browser = signed_in(judge)
    page = html(browser, first.url)
    assert "Lessons: 0 of 3 done" in page and "Mark complete and continue" in page

    browser.post(reverse("courses:complete_lesson", args=[first.pk]))
    page = html(browser, first.url)
    assert "Lessons: 1 of 3 done" in page and "Completed" in page and "Mark complete and continue" not in page
    assert len(renders) == 1


def test_a_republished_body_shows_at_once_and_a_draft_changes_nothing(renders, module, judge):
    lesson = services.lessons_for(module)[0]
    browser = signed_in(judge)
    assert "Lesson text 1." in html(browser, lesson.url)

    draft = LessonPage.objects.get(pk=lesson.pk)
    draft.body = [("paragraph", "<p>Unfinished wording.</p>")]
    draft.save_revision()
    page = html(browser, lesson.url)
    assert "Lesson text 1." in page and "Unfinished wording" not in page
    assert len(renders) == 1

    republish(lesson, "Amended after the 2024 codes came into force.")
    page = html(browser, lesson.url)
    assert "Amended after the 2024 codes came into force." in page and "Lesson text 1." not in page
    assert len(renders) == 2


def test_what_the_shared_part_shows_of_other_pages_is_fresh_at_once(renders, module, judge):
    first, second, _ = services.lessons_for(module)
    browser = signed_in(judge)
    assert "Lesson 2 of 3" in html(browser, second.url)

    renamed = CoursePage.objects.get(pk=module.pk)
    renamed.title = "Evidence in trafficking trials"
    renamed.save_revision().publish()
    page = html(browser, second.url)
    assert '">Evidence in trafficking trials</a> · Lesson 2 of 3' in page

    LessonPage.objects.get(pk=first.pk).unpublish()
    assert '">Evidence in trafficking trials</a> · Lesson 1 of 2' in html(browser, second.url)
    assert len(renders) == 3


def test_a_new_live_revision_is_rendered_afresh_even_within_one_content_generation(renders, module, rf, monkeypatch):
    # The key holds the live revision itself, not only the content generation that publishing also moves on.
    monkeypatch.setattr(core.cache, "current_generation", lambda: 1)
    lesson = services.lessons_for(module)[0]

    def shared():
        page = LessonPage.objects.get(pk=lesson.pk)
        return lesson_cache.shared_lesson(rf.get(lesson.url), page, module=module, position=1, lesson_count=3)

    assert "Lesson text 1." in shared().content
    assert "Lesson text 1." in shared().content
    assert len(renders) == 1
    republish(lesson, "Amended wording.")
    assert "Amended wording." in shared().content
    assert len(renders) == 2


def test_each_language_gets_its_own_shared_part(renders, module, rf):
    lesson = LessonPage.objects.get(pk=services.lessons_for(module)[0].pk)
    request = rf.get(lesson.url)

    def shared():
        return lesson_cache.shared_lesson(request, lesson, module=module, position=1, lesson_count=3)

    with translation.override("en-in"):
        english = shared()
        assert shared() == english
    assert len(renders) == 1
    with translation.override("hi"):
        shared()
        shared()
    assert len(renders) == 2
    with translation.override("en-in"):
        assert shared() == english
    assert len(renders) == 2


def test_a_private_lesson_still_asks_for_permission_once_its_shared_part_is_cached(
    renders, client, module, judge, prosecutor
):
    lesson = services.lessons_for(module)[0]
    trainers = Group.objects.create(name="Trainers of trainers")
    judge.groups.add(trainers)
    restriction = PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(trainers)
    assert "Lesson text 1." in html(signed_in(judge), lesson.url)
    assert len(renders) == 1

    for outsider in (client, signed_in(prosecutor)):  # not signed in; signed in but not in the group
        response = outsider.get(lesson.url)
        assert response.status_code == 302 and "/login/" in response["Location"]
        assert "Lesson text 1." not in response.content.decode()


def test_an_unpublished_lesson_is_not_found_although_its_shared_part_was_cached(renders, module, judge):
    lesson = services.lessons_for(module)[0]
    browser = signed_in(judge)
    assert "Lesson text 1." in html(browser, lesson.url)
    LessonPage.objects.get(pk=lesson.pk).unpublish()
    response = browser.get(lesson.url)
    assert response.status_code == 404 and "Lesson text 1." not in response.content.decode()


def test_a_preview_shows_the_draft_and_not_the_cached_live_body(renders, module, judge):
    lesson = services.lessons_for(module)[0]
    assert "Lesson text 1." in html(signed_in(judge), lesson.url)
    draft = LessonPage.objects.get(pk=lesson.pk)
    draft.body = [("paragraph", "<p>Draft wording for review.</p>")]
    draft.save_revision()

    preview = draft.get_latest_revision_as_object().make_preview_request().content.decode()
    assert "Draft wording for review." in preview and "Lesson text 1." not in preview
    assert "Lesson text 1." in html(signed_in(judge), lesson.url)


def test_a_repeat_visit_reads_only_the_session_the_user_and_the_enrolment(renders, module, judge):
    first, second, _ = services.lessons_for(module)
    enrolment, _ = services.enrol(judge, module)
    services.complete_lesson(enrolment, first)
    browser = signed_in(judge)
    html(browser, second.url)
    with CaptureQueriesContext(connection) as queries:
        page = html(browser, second.url)
    assert "Lessons: 1 of 3 done" in page
    tables = [re.search(r'FROM "(\w+)"', query["sql"]).group(1) for query in queries.captured_queries]
    # The learner's private note (notes app) is read afresh: it is never kept in the shared cache.
    assert tables == ["django_session", "accounts_user", "courses_enrolment", "notes_note"]


def test_a_body_that_declares_page_cache_tags_is_never_kept_and_its_tags_reach_the_page(
    renders, module, rf, monkeypatch
):
    # Tags (core.cache.depends_on) are bumped without a new content generation, so such a body must render each time.
    counted = lesson_cache.render_shared_lesson

    def declaring(page, **kwargs):
        core.cache.depends_on("resource:public")
        return counted(page, **kwargs)

    monkeypatch.setattr(lesson_cache, "render_shared_lesson", declaring)
    lesson = LessonPage.objects.get(pk=services.lessons_for(module)[0].pk)
    for renders_so_far in (2, 3):  # the first visit finds out (and renders again for the page), later ones render once
        with core.cache.recording_dependencies() as declared:
            shared = lesson_cache.shared_lesson(rf.get(lesson.url), lesson, module=module, position=1, lesson_count=3)
        assert "Lesson text 1." in shared.content
        assert set(declared) == {"resource:public"}
        assert len(renders) == renders_so_far
