"""Quiz review options, the quiz that opens only after the lessons, and progress labels.

Review options: each of the three (after each attempt / after passing or the last attempt /
never) against a failed attempt with attempts left, a passed attempt and a failed last attempt,
in the rule, in the result page's HTML and in the learner's JSON download.
"""

import json

import pytest
from django.urls import reverse

from courses import services
from courses.models import Attempt, Question, ReviewAnswers

from .conftest import make_module

pytestmark = pytest.mark.django_db

EACH, FINISHED, NEVER = ReviewAnswers.EACH_ATTEMPT, ReviewAnswers.WHEN_FINISHED, ReviewAnswers.NEVER
KEY_ONLY = ("SECRET-FEEDBACK", "Correct answer:", "Legal basis:", "tag-ok", "tag-bad")


def _answers(attempt, right):
    answers = {}
    for q in attempt.questions:
        wanted = [o["id"] for o in q["options"] if o["correct"] == right]
        answers[str(q["id"])] = wanted[0]
    return answers


def _take(enrolment, right):
    attempt = services.start_attempt(enrolment)
    attempt, _ = services.submit_attempt(attempt, _answers(attempt, right))
    return attempt


def _module(academy_index, review, **fields):
    fields.setdefault("max_attempts", 2)
    module = make_module(academy_index, lessons=1, questions=3, **fields)
    Question.objects.filter(module=module).update(basis="BNS 143, Expl. 2")
    module.review_answers = review
    module.save()
    return module


SCENARIOS = {
    # name: the attempts the learner makes (True = all right), in order
    "failed_with_attempts_left": [False],
    "passed": [False, True],
    "failed_last_attempt": [False, False],
}
SHOWN = {
    (EACH, "failed_with_attempts_left"): True,
    (EACH, "passed"): True,
    (EACH, "failed_last_attempt"): True,
    (FINISHED, "failed_with_attempts_left"): False,
    (FINISHED, "passed"): True,
    (FINISHED, "failed_last_attempt"): True,
    (NEVER, "failed_with_attempts_left"): False,
    (NEVER, "passed"): False,
    (NEVER, "failed_last_attempt"): False,
}


@pytest.mark.parametrize(("review", "scenario"), list(SHOWN))
def test_review_option_decides_what_the_result_page_shows(client, academy_index, judge, review, scenario):
    module = _module(academy_index, review)
    enrolment, _ = services.enrol(judge, module)
    services.complete_lesson(enrolment, services.lessons_for(module)[0])
    attempts = [_take(enrolment, right) for right in SCENARIOS[scenario]]
    first = attempts[0]  # always a failed attempt: every answer the learner gave was wrong
    client.force_login(judge)

    html = client.get(reverse("courses:attempt", args=[first.pk])).content.decode()
    items = services.review(first)

    right_options = [o["text"] for q in first.questions for o in q["options"] if o["correct"]]
    if SHOWN[(review, scenario)]:
        assert all("correct" in item and item["feedback"] and item["basis"] for item in items)
        assert "SECRET-FEEDBACK" in html and "Correct answer:" in html and "Legal basis: BNS 143" in html
        assert all(text in html for text in right_options)
    else:
        assert all(set(item) == {"text", "kind", "given"} for item in items)
        for secret in (*KEY_ONLY, *right_options):
            assert secret not in html, secret
        assert "You scored 0%" in html  # the score and the learner's own answers stay
        assert "shown once you pass" in html or "does not show" in html


def test_passing_opens_the_answers_of_earlier_attempts_too(client, academy_index, judge):
    module = _module(academy_index, FINISHED, max_attempts=3)
    enrolment, _ = services.enrol(judge, module)
    failed = _take(enrolment, right=False)
    client.force_login(judge)
    assert "SECRET-FEEDBACK" not in client.get(reverse("courses:attempt", args=[failed.pk])).content.decode()
    _take(enrolment, right=True)
    assert "SECRET-FEEDBACK" in client.get(reverse("courses:attempt", args=[failed.pk])).content.decode()


def test_with_unlimited_attempts_the_answers_wait_for_a_pass(academy_index, judge):
    module = _module(academy_index, FINISHED, max_attempts=0)
    enrolment, _ = services.enrol(judge, module)
    for _ in range(4):
        failed = _take(enrolment, right=False)
    assert "correct" not in services.review(failed)[0]
    assert services.review_rule(module) == "once you pass"


def test_no_answers_while_another_attempt_is_in_progress(client, academy_index, judge):
    module = _module(academy_index, EACH, max_attempts=3)
    enrolment, _ = services.enrol(judge, module)
    failed = _take(enrolment, right=False)
    services.start_attempt(enrolment)
    client.force_login(judge)
    html = client.get(reverse("courses:attempt", args=[failed.pk])).content.decode()
    assert "SECRET-FEEDBACK" not in html and "not shown while you have an attempt in progress" in html


def test_the_personal_data_download_holds_no_answer_key(client, academy_index, judge):
    module = _module(academy_index, NEVER)
    enrolment, _ = services.enrol(judge, module)
    attempt = _take(enrolment, right=False)
    client.force_login(judge)
    body = client.get("/accounts/personal-data/").content.decode()
    assert json.loads(body) and "SECRET-FEEDBACK" not in body and "BNS 143, Expl. 2" not in body
    for q in attempt.questions:
        assert not any(o["text"] in body for o in q["options"])


def test_module_page_states_the_review_option(client, academy_index):
    for review, words in ((EACH, "After each attempt"), (FINISHED, "Once you pass or have used"), (NEVER, "Never")):
        module = _module(academy_index, review)
        assert words in client.get(module.url).content.decode()


# --- The quiz opens only when the required lessons are done ---------------------------------------


@pytest.fixture
def gated(academy_index):
    module = make_module(academy_index, lessons=3, questions=3)
    module.quiz_after_lessons = True
    module.save()
    return module


def test_quiz_waits_for_the_lessons_and_says_which(client, gated, judge):
    enrolment, _ = services.enrol(judge, gated)
    lessons = services.lessons_for(gated)
    services.complete_lesson(enrolment, lessons[0])
    client.force_login(judge)

    page = client.get(gated.url).content.decode()
    assert "The quiz opens once you have completed the required lessons" in page
    assert "Lesson 2" in page and "Lesson 3" in page and "Take the quiz" not in page

    response = client.post(reverse("courses:start_quiz", args=[gated.pk]), follow=True)
    assert "Still to do: “Lesson 2”, “Lesson 3”." in response.content.decode()
    assert not Attempt.objects.exists()
    with pytest.raises(services.QuizError, match="Lesson 2"):
        services.start_attempt(enrolment)

    for lesson in lessons[1:]:
        services.complete_lesson(enrolment, lesson)
    response = client.post(reverse("courses:start_quiz", args=[gated.pk]))
    assert Attempt.objects.filter(enrolment=enrolment).count() == 1
    assert "Submit answers" in client.get(response.url).content.decode()


def test_an_attempt_begun_before_the_rule_cannot_be_seen_or_submitted(client, gated, judge):
    gated.quiz_after_lessons = False
    gated.save()
    enrolment, _ = services.enrol(judge, gated)
    attempt = services.start_attempt(enrolment)
    gated.quiz_after_lessons = True
    gated.save()
    client.force_login(judge)
    url = reverse("courses:attempt", args=[attempt.pk])

    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 403 and "Lesson 1" in html and "Still to do" in html
    assert attempt.questions[0]["text"] not in html

    response = client.post(url, _answers(attempt, right=True))
    assert response.status_code == 403
    attempt.refresh_from_db()
    assert attempt.status == Attempt.IN_PROGRESS and attempt.score is None
    with pytest.raises(services.QuizError, match="Lesson 1"):
        services.submit_attempt(attempt, _answers(attempt, right=True))


def test_the_rule_is_off_by_default(academy_index, judge):
    module = make_module(academy_index, lessons=3)
    enrolment, _ = services.enrol(judge, module)
    assert services.quiz_state(enrolment)["can_start"]


# --- Progress labels -----------------------------------------------------------------------------


def test_progress_counts_lessons_and_quiz_separately(client, academy_index, judge):
    module = make_module(academy_index, lessons=5, questions=2)
    enrolment, _ = services.enrol(judge, module)
    services.complete_lesson(enrolment, services.lessons_for(module)[0])

    progress = services.progress_of(enrolment)
    assert (progress.percent, progress.done, progress.total) == (16, 1, 6)
    assert (progress.lessons_done, progress.lessons_total, progress.quiz_status) == (1, 5, "not yet passed")

    client.force_login(judge)
    labels = ("16% complete (1 of 6 steps)", "Lessons: 1 of 5 done · Quiz: not yet passed")
    for url in (module.url, module.get_parent().url, reverse("accounts:dashboard")):
        html = client.get(url).content.decode()
        assert all(label in html for label in labels), url
    assert "Each required lesson and the quiz count as one step." in client.get(module.url).content.decode()


def test_progress_labels_for_a_passed_quiz_a_gated_quiz_and_optional_lessons(academy_index, gated, judge):
    module = make_module(academy_index, lessons=2, questions=2)
    enrolment, _ = services.enrol(judge, module)
    _take(enrolment, right=True)
    progress = services.progress_of(enrolment)
    assert (progress.done, progress.total, progress.quiz_status) == (1, 3, "passed")

    enrolment, _ = services.enrol(judge, gated)
    assert services.progress_of(enrolment).quiz_status == "opens when the lessons are done"

    lesson = services.lessons_for(gated)[2]
    lesson.required = False
    lesson.save_revision().publish()
    progress = services.progress_of(enrolment)
    assert (progress.lessons_total, progress.has_optional_lessons, progress.total) == (2, True, 3)
