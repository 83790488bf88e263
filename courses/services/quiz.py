"""The quiz engine: drawing attempts, grading them, and when learners see the answers (review options)."""

import random
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone

from ..questions import Question, ReviewAnswers, normalise_answer
from ..records import Attempt, Enrolment
from .errors import QuizError
from .progress import check_completion, progress_of


def _rng():
    return random.SystemRandom()


def _snapshot(question, shuffle, rng):
    options = [{"id": oid, "text": text, "correct": ok} for oid, text, ok in question.option_values()]
    if shuffle:
        rng.shuffle(options)
    return {
        "id": question.pk,
        "kind": question.kind,
        "text": question.text,
        "options": options,
        "accepted": question.accepted_list,
        "feedback": question.feedback,
        "basis": question.basis,
    }


def lessons_before_quiz(enrolment, progress=None):
    """The required lessons still to do before the quiz opens: empty unless the module opens its quiz
    only once they are done (`quiz_after_lessons`)."""
    if not enrolment.module.quiz_after_lessons:
        return []
    return (progress or progress_of(enrolment)).remaining_lessons


def lessons_before_quiz_message(lessons):
    titles = ", ".join(f"“{lesson.title}”" for lesson in lessons)
    return f"The quiz opens once you have completed the required lessons. Still to do: {titles}."


def quiz_state(enrolment, attempts=None, progress=None):
    """What the learner may do with the quiz now: a dict for the module page and the views."""
    module = enrolment.module
    attempts = list(enrolment.attempts.all()) if attempts is None else attempts
    used = len(attempts)
    passed = any(a.passed for a in attempts)
    current = next((a for a in attempts if a.status == Attempt.IN_PROGRESS), None)
    left = None if not module.max_attempts else max(0, module.max_attempts - used)
    waiting_for = [] if passed or not module.has_quiz else lessons_before_quiz(enrolment, progress)
    reason = ""
    if not module.has_quiz:
        reason = "This module has no quiz."
    elif passed:
        reason = "You have passed this quiz."
    elif waiting_for:
        reason = lessons_before_quiz_message(waiting_for)
    elif current is None and left == 0:
        reason = f"You have used all {module.max_attempts} attempts allowed for this quiz."
    state = {
        "attempts": attempts,
        "used": used,
        "left": left,
        "passed": passed,
        "current": current,
        "waiting_for": waiting_for,
        "can_start": not reason,
        "reason": reason,
        "answers_shown": answers_shown(module, passed=passed, left=left, current=current),
    }
    state["review_note"] = "" if state["answers_shown"] else hidden_answers_note(module, current)
    return state


def answers_shown(module, *, passed, left, current):
    """Whether submitted attempts show the right answers, feedback and legal basis now.

    Never while an attempt is in progress (its questions may be the same); otherwise as the module's
    `review_answers` says: after each attempt, only once the learner has passed or has no attempt
    left (with unlimited attempts: once passed), or never."""
    if current is not None or module.review_answers == ReviewAnswers.NEVER:
        return False
    if module.review_answers == ReviewAnswers.EACH_ATTEMPT:
        return True
    return passed or left == 0


def hidden_answers_note(module, current=None):
    """Why a submitted attempt shows no answers, in words for learners."""
    if module.review_answers == ReviewAnswers.NEVER:
        return "This module does not show which answers were right, the feedback or the legal basis."
    if current is not None:
        return "Which answers were right is not shown while you have an attempt in progress."
    return f"Which answers were right, the feedback and the legal basis are shown {review_rule(module)}."


def review_rule(module):
    """When this module shows the answers, in words for learners."""
    if module.review_answers == ReviewAnswers.EACH_ATTEMPT:
        return "after each attempt"
    if module.review_answers == ReviewAnswers.NEVER:
        return "never shown"
    if module.max_attempts:
        return "once you pass or have used your last attempt"
    return "once you pass"


@transaction.atomic
def start_attempt(enrolment, rng=None):
    """Draw the questions for a new attempt (or return the one in progress).

    The enrolment row is locked, so two tabs cannot both start the last allowed attempt."""
    enrolment = Enrolment.objects.select_for_update().select_related("module", "user").get(pk=enrolment.pk)
    module = enrolment.module
    state = quiz_state(enrolment)
    if state["current"] and not state["waiting_for"]:
        return state["current"]
    if not state["can_start"]:
        raise QuizError(state["reason"])
    bank = list(module.questions.all())
    if len(bank) < module.questions_drawn:
        raise QuizError("This quiz is being revised and cannot be taken just now. Please contact the academy.")
    rng = rng or _rng()
    drawn = rng.sample(bank, module.questions_drawn)
    return Attempt.objects.create(
        enrolment=enrolment,
        number=state["used"] + 1,
        questions=[_snapshot(q, module.shuffle_options, rng) for q in drawn],
    )


def public_questions(attempt):
    """The drawn questions as the learner may see them before submitting: no answers, no feedback."""
    return [
        {
            "id": q["id"],
            "kind": q["kind"],
            "text": q["text"],
            "options": [{"id": o["id"], "text": o["text"]} for o in q["options"]],
        }
        for q in attempt.questions
    ]


def answers_from_post(attempt, data):
    """Read a submitted form (field q<id>) into {question id: answer}, ignoring anything not drawn."""
    answers = {}
    for q in attempt.questions:
        key = f"q{q['id']}"
        valid = {o["id"] for o in q["options"]}
        if q["kind"] == Question.MULTIPLE:
            answers[str(q["id"])] = sorted(v for v in data.getlist(key) if v in valid)
        elif q["kind"] == Question.SHORT:
            answers[str(q["id"])] = (data.get(key) or "")[:300]
        else:
            value = data.get(key) or ""
            answers[str(q["id"])] = value if value in valid else ""
    return answers


def grade_question(question, answer):
    """True when `answer` is right for the snapshot `question`."""
    correct = {o["id"] for o in question["options"] if o["correct"]}
    if question["kind"] == Question.SHORT:
        given = normalise_answer(answer or "")
        return bool(given) and given in {normalise_answer(a) for a in question["accepted"]}
    if question["kind"] == Question.MULTIPLE:
        given = set(answer or [])
        return bool(given) and given == correct
    return bool(answer) and answer in correct and len(correct) == 1


def score_percent(correct, total):
    if not total:
        return Decimal("0.00")
    return (Decimal(correct * 100) / Decimal(total)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def is_pass(correct, total, pass_mark):
    """Exact comparison (no rounding): 2 of 3 is 66.67%, which fails a pass mark of 67."""
    return total > 0 and correct * 100 >= pass_mark * total


@transaction.atomic
def submit_attempt(attempt, answers, now=None):
    """Grade and store an attempt once. Returns (attempt, graded); a second submission grades nothing."""
    attempt = Attempt.objects.select_for_update().select_related("enrolment__module").get(pk=attempt.pk)
    if attempt.is_submitted:
        return attempt, False
    module = attempt.enrolment.module
    waiting_for = lessons_before_quiz(attempt.enrolment)
    if waiting_for:
        raise QuizError(lessons_before_quiz_message(waiting_for))
    results = {str(q["id"]): grade_question(q, answers.get(str(q["id"]))) for q in attempt.questions}
    correct, total = sum(results.values()), len(attempt.questions)
    attempt.answers = {str(q["id"]): answers.get(str(q["id"]), "") for q in attempt.questions}
    attempt.results = results
    attempt.correct_count = correct
    attempt.score = score_percent(correct, total)
    attempt.passed = is_pass(correct, total, module.pass_mark)
    attempt.status = Attempt.SUBMITTED
    attempt.finished_at = now or timezone.now()
    attempt.save()
    if attempt.passed:
        check_completion(attempt.enrolment)
    return attempt, True


def review(attempt, state=None):
    """An attempt after submission: each question with the learner's answer and, when the module's
    review option allows it now (`quiz_state(...)["answers_shown"]`), whether it was right, the right
    answer, feedback and legal basis. Otherwise nothing that gives the answers away: not even right
    or wrong, which would give away a true/false question."""
    if not attempt.is_submitted:
        raise QuizError("This attempt has not been submitted.")
    state = state or quiz_state(attempt.enrolment)
    show = state["answers_shown"]
    items = []
    for q in attempt.questions:
        given = attempt.answers.get(str(q["id"]))
        given_ids = set(given) if isinstance(given, list) else {given}
        item = {
            "text": q["text"],
            "kind": q["kind"],
            "given": given
            if q["kind"] == Question.SHORT
            else [o["text"] for o in q["options"] if o["id"] in given_ids],
        }
        if show:
            item["right"] = attempt.results.get(str(q["id"]), False)
            item["correct"] = (
                q["accepted"][:1] if q["kind"] == Question.SHORT else [o["text"] for o in q["options"] if o["correct"]]
            )
            item["feedback"] = q["feedback"]
            item["basis"] = q["basis"]
        items.append(item)
    return items
