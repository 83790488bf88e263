"""The quiz engine as plain functions: scoring, pass mark, attempts, draws, double submission."""

import random
from decimal import Decimal

import pytest
from django.http import QueryDict

from courses import services
from courses.models import Attempt, Question

from .conftest import make_module, make_question

pytestmark = pytest.mark.django_db


def _q(kind, options=(), accepted=()):
    return {
        "id": 1,
        "kind": kind,
        "options": [{"id": oid, "text": oid, "correct": ok} for oid, ok in options],
        "accepted": list(accepted),
    }


class TestGrading:
    def test_single_choice(self):
        q = _q("single", [("a", False), ("b", True)])
        assert services.grade_question(q, "b")
        assert not services.grade_question(q, "a")
        assert not services.grade_question(q, "")
        assert not services.grade_question(q, None)

    def test_true_false(self):
        q = _q("true_false", [("t", False), ("f", True)])
        assert services.grade_question(q, "f")
        assert not services.grade_question(q, "t")

    def test_multiple_choice_needs_exactly_the_correct_set(self):
        q = _q("multiple", [("a", True), ("b", True), ("c", False)])
        assert services.grade_question(q, ["b", "a"])
        assert not services.grade_question(q, ["a"])
        assert not services.grade_question(q, ["a", "b", "c"])
        assert not services.grade_question(q, [])

    def test_short_answer_ignores_case_and_spaces_and_accepts_alternatives(self):
        q = _q("short", accepted=["14 years", "Fourteen years"])
        assert services.grade_question(q, "14 years")
        assert services.grade_question(q, "  14YEARS ")
        assert services.grade_question(q, "fourteen   YEARS")
        assert not services.grade_question(q, "10 years")
        assert not services.grade_question(q, "   ")


class TestPassMark:
    @pytest.mark.parametrize(
        ("correct", "total", "mark", "passed"),
        [
            (7, 10, 70, True),
            (6, 10, 70, False),
            (2, 3, 67, False),
            (2, 3, 66, True),
            (10, 10, 100, True),
            (9, 10, 100, False),
            (1, 1, 1, True),
            (0, 5, 1, False),
        ],
    )
    def test_edges(self, correct, total, mark, passed):
        assert services.is_pass(correct, total, mark) is passed

    def test_score_is_rounded_percent(self):
        assert services.score_percent(2, 3) == Decimal("66.67")
        assert services.score_percent(0, 0) == Decimal("0.00")


def _answers(attempt, right=True):
    answers = {}
    for q in attempt.questions:
        good = [o["id"] for o in q["options"] if o["correct"]]
        bad = [o["id"] for o in q["options"] if not o["correct"]]
        if q["kind"] == "short":
            answers[str(q["id"])] = q["accepted"][0] if right else "wrong"
        elif q["kind"] == "multiple":
            answers[str(q["id"])] = good if right else bad
        else:
            answers[str(q["id"])] = good[0] if right else bad[0]
    return answers


class TestAttempts:
    def test_draws_requested_number_and_stores_order(self, academy_index, judge):
        module = make_module(academy_index, questions=6, drawn=4, shuffle_options=True)
        enrolment, _ = services.enrol(judge, module)
        attempt = services.start_attempt(enrolment, rng=random.Random(1))
        assert len(attempt.questions) == 4
        assert len({q["id"] for q in attempt.questions}) == 4
        assert {q["id"] for q in attempt.questions} <= set(module.questions.values_list("pk", flat=True))
        assert all(o["id"] for q in attempt.questions for o in q["options"])

    def test_every_question_type_scored_on_submit(self, academy_index, judge):
        module = make_module(academy_index, questions=0, pass_mark=100)
        for kind in ("single", "multiple", "true_false", "short"):
            make_question(module, kind=kind)
        module.questions_drawn = 4
        module.save()
        enrolment, _ = services.enrol(judge, module)
        attempt = services.start_attempt(enrolment)
        attempt, graded = services.submit_attempt(attempt, _answers(attempt))
        assert graded and attempt.passed and attempt.score == Decimal("100.00") and attempt.correct_count == 4
        assert attempt.finished_at and attempt.status == Attempt.SUBMITTED

    def test_pass_mark_edge_in_a_real_attempt(self, academy_index, judge):
        module = make_module(academy_index, questions=10, pass_mark=70, max_attempts=0)
        enrolment, _ = services.enrol(judge, module)
        attempt = services.start_attempt(enrolment)
        answers = _answers(attempt)
        wrong = _answers(attempt, right=False)
        for q in attempt.questions[:3]:
            answers[str(q["id"])] = wrong[str(q["id"])]
        attempt, _ = services.submit_attempt(attempt, answers)
        assert attempt.score == Decimal("70.00") and attempt.passed

    def test_double_submission_counts_once(self, module, judge):
        enrolment, _ = services.enrol(judge, module)
        attempt = services.start_attempt(enrolment)
        first, graded = services.submit_attempt(attempt, _answers(attempt, right=False))
        again, graded_again = services.submit_attempt(attempt, _answers(attempt, right=True))
        assert graded and not graded_again
        assert again.score == first.score == Decimal("0.00") and again.passed is False
        assert Attempt.objects.filter(enrolment=enrolment).count() == 1

    def test_attempt_limit(self, academy_index, judge):
        module = make_module(academy_index, max_attempts=2)
        enrolment, _ = services.enrol(judge, module)
        for _ in range(2):
            attempt = services.start_attempt(enrolment)
            services.submit_attempt(attempt, _answers(attempt, right=False))
        with pytest.raises(services.QuizError, match="used all 2 attempts"):
            services.start_attempt(enrolment)
        assert Attempt.objects.filter(enrolment=enrolment).count() == 2

    def test_unlimited_attempts(self, academy_index, judge):
        module = make_module(academy_index, max_attempts=0)
        enrolment, _ = services.enrol(judge, module)
        for _ in range(5):
            attempt = services.start_attempt(enrolment)
            services.submit_attempt(attempt, _answers(attempt, right=False))
        assert services.start_attempt(enrolment).number == 6

    def test_an_open_attempt_is_resumed_not_duplicated(self, module, judge):
        enrolment, _ = services.enrol(judge, module)
        assert services.start_attempt(enrolment).pk == services.start_attempt(enrolment).pk

    def test_no_new_attempt_after_passing(self, module, judge):
        enrolment, _ = services.enrol(judge, module)
        attempt = services.start_attempt(enrolment)
        services.submit_attempt(attempt, _answers(attempt))
        with pytest.raises(services.QuizError, match="passed"):
            services.start_attempt(enrolment)

    def test_answers_from_post_ignores_options_not_drawn(self, module, judge):
        enrolment, _ = services.enrol(judge, module)
        attempt = services.start_attempt(enrolment)
        qid = attempt.questions[0]["id"]
        answers = services.answers_from_post(attempt, QueryDict(f"q{qid}=forged&q999=x"))
        assert answers[str(qid)] == "" and "999" not in answers

    def test_snapshot_keeps_grading_stable_when_the_bank_changes(self, module, judge):
        enrolment, _ = services.enrol(judge, module)
        attempt = services.start_attempt(enrolment)
        answers = _answers(attempt)
        Question.objects.filter(module=module).delete()
        attempt, _ = services.submit_attempt(attempt, answers)
        assert attempt.passed
