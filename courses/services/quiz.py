"""The quiz engine: drawing attempts, grading them, and when learners see the answers (review options)."""

import random
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import cache as content_cache
from core.learner_pages import learner_version
from core.translation import translated_rows

from ..questions import Question, ReviewAnswers, normalise_answer
from ..records import Attempt, Enrolment
from .errors import QuizError
from .progress import check_completion, progress_of

# Answers that left the learner's browser just before the time limit still count (a slow connection).
DEADLINE_GRACE = timedelta(seconds=30)


def _rng():
    return random.SystemRandom()


def _snapshot(question, shuffle, rng, translated=None):
    """The question as an attempt keeps it; with `translated` (its row in the module's translation,
    core.translation.translated_rows) in the reader's language. Grading stays the source's: the
    option ids and right answers are the question's own, the text by position from the translation
    when it has the same options marked the same way, and a short answer is accepted in either language."""
    values = question.option_values()
    texts = [text for _oid, text, _ok in values]
    text, feedback, basis, accepted = question.text, question.feedback, question.basis, question.accepted_list
    if translated is not None:
        theirs = translated.option_values()
        if [ok for *_rest, ok in theirs] == [ok for *_rest, ok in values]:
            texts = [their_text for _oid, their_text, _ok in theirs]
        text, feedback = translated.text or text, translated.feedback or feedback
        basis = translated.basis or basis
        accepted = accepted + [answer for answer in translated.accepted_list if answer not in accepted]
    options = [{"id": oid, "text": texts[i], "correct": ok} for i, (oid, _text, ok) in enumerate(values)]
    if shuffle:
        rng.shuffle(options)
    return {
        "id": question.pk,
        "kind": question.kind,
        "text": text,
        "options": options,
        "accepted": accepted,
        "feedback": feedback,
        "basis": basis,
    }


def lessons_before_quiz(enrolment, progress=None):
    """The required lessons still to do before the quiz opens: empty unless the module opens its quiz
    only once they are done (`quiz_after_lessons`)."""
    if not enrolment.module.quiz_after_lessons:
        return []
    return (progress or progress_of(enrolment)).remaining_lessons


def lessons_before_quiz_message(lessons):
    titles = _(", ").join(_("“%(title)s”") % {"title": lesson.title} for lesson in lessons)
    return _("The quiz opens once you have completed the required lessons. Still to do: %(lessons)s.") % {
        "lessons": titles
    }


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
        reason = _("This module has no quiz.")
    elif passed:
        reason = _("You have passed this quiz.")
    elif waiting_for:
        reason = lessons_before_quiz_message(waiting_for)
    elif current is None and left == 0:
        reason = ngettext(
            "You have used the %(count)s attempt allowed for this quiz.",
            "You have used all %(count)s attempts allowed for this quiz.",
            module.max_attempts,
        ) % {"count": module.max_attempts}
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


# What a page that only shows the quiz's state reads of each attempt: not the snapshot with its answer key.
ATTEMPT_STATE_FIELDS = ("id", "enrolment_id", "number", "status", "passed", "score", "deadline")


def shown_quiz_state(enrolment, progress=None):
    """`quiz_state` for a page that only shows it (the outline beside a lesson), reading no table on a
    repeat visit: the attempts' states are kept under the learner's version, which moves on after any
    attempt of theirs is started, saved or graded (courses.receivers), as `shown_progress` does.
    Only the fields above are kept, never the snapshot. Never for deciding anything."""
    version = learner_version(enrolment.user_id) if content_cache.timeout() else None
    if version is None:
        attempts = list(enrolment.attempts.only(*ATTEMPT_STATE_FIELDS))
    else:
        key = f"courses.attempt-states.{enrolment.pk}.{enrolment.user_id}.{enrolment.enrolled_at.timestamp()}.{version}"
        attempts = content_cache.memoize(key, lambda: list(enrolment.attempts.only(*ATTEMPT_STATE_FIELDS)))
    return quiz_state(enrolment, attempts=attempts, progress=progress)


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
        return _("This module does not show which answers were right, the feedback or the legal basis.")
    if current is not None:
        return _("Which answers were right is not shown while you have an attempt in progress.")
    if module.review_answers == ReviewAnswers.EACH_ATTEMPT:
        return _("Which answers were right, the feedback and the legal basis are shown after each attempt.")
    if module.max_attempts:
        return _(
            "Which answers were right, the feedback and the legal basis are shown once you pass or have used "
            "your last attempt."
        )
    return _("Which answers were right, the feedback and the legal basis are shown once you pass.")


def review_rule(module):
    """When this module shows the answers, in words for learners."""
    if module.review_answers == ReviewAnswers.EACH_ATTEMPT:
        return _("after each attempt")
    if module.review_answers == ReviewAnswers.NEVER:
        return _("never shown")
    if module.max_attempts:
        return _("once you pass or have used your last attempt")
    return _("once you pass")


@transaction.atomic
def start_attempt(enrolment, rng=None):
    """Draw the questions for a new attempt (or return the one in progress).

    The enrolment row is locked, so two tabs cannot both start the last allowed attempt."""
    enrolment = Enrolment.objects.select_for_update().select_related("module", "user").get(pk=enrolment.pk)
    module = enrolment.module
    state = quiz_state(enrolment)
    if state["current"] and not state["waiting_for"]:
        if not is_expired(state["current"]):
            return state["current"]
        close_expired(state["current"])  # its time ran out: graded as saved, then the rules below apply
        state = quiz_state(enrolment)
    if not state["can_start"]:
        raise QuizError(state["reason"])
    bank = list(module.questions.all())
    if len(bank) < module.questions_drawn:
        raise QuizError(_("This quiz is being revised and cannot be taken just now. Please contact the academy."))
    rng = rng or _rng()
    drawn = rng.sample(bank, module.questions_drawn)
    # In the reader's language when the module is translated (the attempt keeps the text it was taken in).
    translations = translated_rows(module, "questions")
    limit = module.quiz_time_limit
    return Attempt.objects.create(
        enrolment=enrolment,
        number=state["used"] + 1,
        questions=[_snapshot(q, module.shuffle_options, rng, translations.get(q.pk)) for q in drawn],
        deadline=timezone.now() + timedelta(minutes=limit) if limit else None,
    )


def public_questions(attempt):
    """The drawn questions as the learner may see them before submitting: no answers, no feedback."""
    return paper_for_learner(attempt.questions)


def answers_from_post(attempt, data):
    """Read a submitted form (field q<id>) into {question id: answer}, ignoring anything not drawn."""
    return paper_answers_from_post(attempt.questions, data)


# A question paper is a list of question snapshots as an attempt stores them. Other apps set papers
# from a module's bank outside its own quiz (an event's knowledge tests) with these functions.


def question_paper(module, count, rng=None):
    """The first `count` questions of `module`'s bank, in the editor's order, as snapshots (options
    shuffled if the module shuffles them): the same questions each time the bank is unchanged."""
    rng = rng or _rng()
    translations = translated_rows(module, "questions")
    return [_snapshot(q, module.shuffle_options, rng, translations.get(q.pk)) for q in module.questions.all()[:count]]


def paper_for_learner(questions):
    """A paper's questions as the learner may see them before submitting: no answers, no feedback."""
    return [
        {
            "id": q["id"],
            "kind": q["kind"],
            "text": q["text"],
            "options": [{"id": o["id"], "text": o["text"]} for o in q["options"]],
        }
        for q in questions
    ]


def paper_answers_from_post(questions, data):
    """Read a submitted form (field q<id>) into {question id: answer}, ignoring anything not on the paper."""
    answers = {}
    for q in questions:
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


def grade_paper(questions, answers):
    """(correct, total) for `answers` ({question id: answer}) to a paper."""
    return sum(grade_question(q, answers.get(str(q["id"]))) for q in questions), len(questions)


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


def saved_answers(attempt):
    """The answers saved so far in an attempt in progress ({question id: answer}), to fill its form
    again. The learner's own choices only: nothing here says whether they are right."""
    if attempt.is_submitted:
        return {}
    return dict(attempt.answers or {})


def is_expired(attempt, now=None):
    """Whether an attempt in progress has run past its time limit (and its grace)."""
    return (
        not attempt.is_submitted
        and attempt.deadline is not None
        and (now or timezone.now()) > attempt.deadline + DEADLINE_GRACE
    )


@transaction.atomic
def save_answers(attempt, answers, now=None):
    """Keep the answers given so far in an attempt in progress, without grading them.

    `answers` ({question id: answer}, from `answers_from_post`) replaces what was saved for the
    questions it names. Returns the attempt as it now is. A submitted attempt is returned unchanged,
    and one whose time has run out is graded with what was saved in time (see `close_expired`), so
    nothing sent later changes a grade: the caller tells the two apart by `is_submitted`."""
    now = now or timezone.now()
    locked = Attempt.objects.select_for_update().select_related("enrolment__module").get(pk=attempt.pk)
    if locked.is_submitted:
        return locked
    if is_expired(locked, now):
        return _grade(locked, locked.answers or {}, now=locked.deadline)
    drawn = {str(q["id"]) for q in locked.questions}
    locked.answers = {**(locked.answers or {}), **{k: v for k, v in answers.items() if k in drawn}}
    locked.saved_at = now
    locked.save(update_fields=["answers", "saved_at"])
    return locked


@transaction.atomic
def close_expired(attempt, now=None):
    """Grade an attempt whose time limit has passed, with the answers saved in time. Returns
    (attempt, graded): graded is False when it was not expired or was already submitted."""
    locked = Attempt.objects.select_for_update().select_related("enrolment__module").get(pk=attempt.pk)
    if not is_expired(locked, now):
        return locked, False
    return _grade(locked, locked.answers or {}, now=locked.deadline), True


@transaction.atomic
def submit_attempt(attempt, answers, now=None):
    """Grade and store an attempt once. Returns (attempt, graded); a second submission grades nothing.

    `answers` complete the ones saved during the attempt (`save_answers`). Past the time limit the
    answers sent now are not taken: the attempt is graded with those saved in time."""
    attempt = Attempt.objects.select_for_update().select_related("enrolment__module").get(pk=attempt.pk)
    if attempt.is_submitted:
        return attempt, False
    if is_expired(attempt, now):
        return _grade(attempt, attempt.answers or {}, now=attempt.deadline), True
    waiting_for = lessons_before_quiz(attempt.enrolment)
    if waiting_for:
        raise QuizError(lessons_before_quiz_message(waiting_for))
    return _grade(attempt, {**(attempt.answers or {}), **answers}, now=now), True


def _grade(attempt, answers, now=None):
    """Grade a locked attempt in progress (the caller holds the row lock) and complete the module on a pass."""
    module = attempt.enrolment.module
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
    return attempt


def review(attempt, state=None):
    """An attempt after submission: each question with the learner's answer and, when the module's
    review option allows it now (`quiz_state(...)["answers_shown"]`), whether it was right, the right
    answer, feedback and legal basis. Otherwise nothing that gives the answers away: not even right
    or wrong, which would give away a true/false question."""
    if not attempt.is_submitted:
        raise QuizError(_("This attempt has not been submitted."))
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
