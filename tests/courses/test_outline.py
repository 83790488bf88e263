"""The module outline beside each lesson: every lesson and the quiz with this learner's state, in words,
in a fixed number of queries, and never shared between learners through the lesson cache."""

import re
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from courses import services
from courses.models import Attempt
from tests.courses.conftest import make_module
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def outline_of(html):
    """The outline's HTML (the <nav> named "Module outline")."""
    match = re.search(r'<nav class="lesson-outline[^"]*" aria-label="Module outline">(.*?)</nav>', html, re.S)
    assert match, "the lesson page has no module outline"
    return match.group(1)


def items(outline):
    """[(title, state text)] for each line of the outline, tags removed."""
    found = []
    for li in re.findall(r"<li[^>]*>(.*?)</li>", outline, re.S):
        title = re.search(r"<a [^>]*>(.*?)</a>", li, re.S).group(1).strip()
        states = [s.strip() for s in re.findall(r'<span class="outline-state">(.*?)</span>', li, re.S)]
        found.append((title, ", ".join(states)))
    return found


def signed_in(user):
    browser = Client()
    browser.force_login(user)
    return browser


def lesson_url(module, n):
    return services.lessons_for(module)[n - 1].url


def test_an_enrolled_learner_sees_each_lesson_and_the_quiz_with_its_state(module, judge):
    enrolment, _ = services.enrol(judge, module)
    lessons = services.lessons_for(module)
    services.complete_lesson(enrolment, lessons[0])
    html = signed_in(judge).get(lessons[1].url).content.decode()
    outline = outline_of(html)
    assert items(outline) == [
        ("Lesson 1", "Done"),
        ("Lesson 2", "You are here, Not started"),
        ("Lesson 3", "Not started"),
        ("Quiz", "Not started"),
    ]
    # The current lesson is marked for screen readers; the state is text, not colour alone.
    assert re.search(r'<a href="[^"]*lesson-2/" aria-current="page">Lesson 2</a>', outline)
    assert outline.count('aria-current="page"') == 1
    assert "<details open>" in outline and "<summary>" in outline


@pytest.mark.parametrize(
    ("attempts", "expected"),
    [
        ([], "Not started"),
        ([("in_progress", None)], "In progress: your answers are saved"),
        ([("submitted", False)], "Not passed yet: 2 attempts left"),
        ([("submitted", False), ("submitted", False)], "Not passed yet: 1 attempt left"),
        ([("submitted", False), ("submitted", False), ("submitted", False)], "Not passed: no attempts left"),
        ([("submitted", False), ("submitted", True)], "Passed"),
    ],
)
def test_the_quiz_line_says_where_the_learner_stands(module, judge, attempts, expected):
    enrolment, _ = services.enrol(judge, module)
    for number, (status, passed) in enumerate(attempts, start=1):
        graded = {"score": 100 if passed else 0, "finished_at": "2026-01-01T10:00Z"} if status == "submitted" else {}
        Attempt.objects.create(enrolment=enrolment, number=number, status=status, passed=passed, **graded)
    html = signed_in(judge).get(lesson_url(module, 1)).content.decode()
    quiz = items(outline_of(html))[-1]
    assert quiz == ("Quiz", expected)
    if attempts == [("in_progress", None)]:
        assert f"/courses/attempts/{enrolment.attempts.get().pk}/" in outline_of(html)  # the outline goes back to it


def test_the_quiz_waits_for_the_lessons_when_the_module_says_so(academy_index, judge):
    module = make_module(academy_index, quiz_after_lessons=True)
    services.enrol(judge, module)
    html = signed_in(judge).get(lesson_url(module, 1)).content.decode()
    assert items(outline_of(html))[-1] == ("Quiz", "Opens when the required lessons are done")


def test_a_visitor_sees_the_lessons_without_states(client, module):
    html = client.get(lesson_url(module, 2)).content.decode()
    assert items(outline_of(html)) == [
        ("Lesson 1", ""),
        ("Lesson 2", "You are here"),
        ("Lesson 3", ""),
        ("Quiz", "Enrol to take it"),
    ]


def test_a_module_without_a_quiz_has_no_quiz_line(academy_index, judge):
    module = make_module(academy_index, questions=0)
    services.enrol(judge, module)
    html = signed_in(judge).get(lesson_url(module, 1)).content.decode()
    assert [title for title, _ in items(outline_of(html))] == ["Lesson 1", "Lesson 2", "Lesson 3"]


def _queries_for_a_lesson_view(module, user):
    browser = signed_in(user)
    url = lesson_url(module, 2)
    browser.get(url)  # the first view fills the per-process memos (lesson lists, site)
    with CaptureQueriesContext(connection) as queries:
        assert browser.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page_cache", [False, True])
def test_the_outline_costs_no_query_per_lesson(academy_index, request, page_cache):
    if page_cache:
        request.getfixturevalue("page_cache_on")
    counts = []
    for lessons in (3, 12):
        module = make_module(academy_index, lessons=lessons)
        learner = make_user("district_judge")
        enrolment, _ = services.enrol(learner, module)
        for lesson in services.lessons_for(module)[:2]:
            services.complete_lesson(enrolment, lesson)
        counts.append(_queries_for_a_lesson_view(module, learner))
    assert counts[0] == counts[1], f"3 lessons: {counts[0]} queries, 12 lessons: {counts[1]}"


def test_one_learners_states_never_reach_another_through_the_lesson_cache(page_cache_on, module, judge, prosecutor):
    first, _ = services.enrol(judge, module)
    services.enrol(prosecutor, module)
    lessons = services.lessons_for(module)
    services.complete_lesson(first, lessons[0])
    services.start_attempt(first)
    judge_html = signed_in(judge).get(lessons[0].url).content.decode()
    assert items(outline_of(judge_html))[0] == ("Lesson 1", "You are here, Done")
    assert items(outline_of(judge_html))[-1] == ("Quiz", "In progress: your answers are saved")
    # The second learner is served the same cached shared part, but their own outline.
    other_html = signed_in(prosecutor).get(lessons[0].url).content.decode()
    assert items(outline_of(other_html)) == [
        ("Lesson 1", "You are here, Not started"),
        ("Lesson 2", "Not started"),
        ("Lesson 3", "Not started"),
        ("Quiz", "Not started"),
    ]
    assert "/courses/attempts/" not in other_html
    visitor_html = Client().get(lessons[0].url).content.decode()
    assert "Done" not in outline_of(visitor_html) and "/courses/attempts/" not in visitor_html


def test_module_outline_is_a_plain_function(module):
    lessons = services.lessons_for(module)
    progress = services.Progress(done_ids={lessons[2].pk})
    outline, quiz = services.module_outline(lessons, lessons[0], has_quiz=False, progress=progress)
    assert [(o.number, o.current, o.state) for o in outline] == [
        (1, True, "not_started"),
        (2, False, "not_started"),
        (3, False, "done"),
    ]
    assert quiz is None


def test_printing_a_lesson_leaves_out_navigation_and_shows_link_addresses(client, module):
    from django.contrib.staticfiles import finders

    css = Path(finders.find("courses/courses.css")).read_text(encoding="utf-8")
    printed = css[css.index("@media print") :]
    for hidden in (".lesson-outline", ".lesson-nav", ".note-section", "form"):
        assert hidden in printed.split("{", 2)[1]  # the first rule inside @media print hides them
    assert "attr(href)" in printed and ".block-statute" in printed
    html = client.get(lesson_url(module, 1)).content.decode()
    assert 'class="lesson-outline no-print"' in html and 'class="lesson-nav form-actions no-print"' in html
