"""Public functions of the courses app: enrolment, progress, quiz engine, completion.

Plain functions that take and return model objects, so views, admin views, the
demo loader and tests all call the same rules. Other apps use only what is
listed in docs/courses.md: `completion_details`, `learner_enrolments`, the
`courses.signals.module_completed` signal, and the section functions in
`courses.dashboard`.
"""

import csv
import hashlib
import io
import math
import random
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Max, Q
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page

from academies.models import Academy
from academies.services import academy_for_page
from accounts.audit import record
from accounts.roles import RoleStatus
from accounts.services import role_gate
from core.cache import memoize

from .models import (
    Attempt,
    CourseIndexPage,
    CoursePage,
    Enrolment,
    LessonPage,
    LessonProgress,
    Question,
    ReviewAnswers,
    normalise_answer,
)
from .signals import module_completed

ACTIVITY_GAP = timedelta(minutes=30)
ACTIVITY_WRITE_EVERY = timedelta(minutes=1)


class CoursesError(Exception):
    """A rule stopped the action; the message is written for the person who tried it."""


class QuizError(CoursesError):
    pass


class EnrolmentRefused(CoursesError):
    def __init__(self, reasons):
        self.reasons = list(reasons)
        super().__init__(" ".join(self.reasons))


# --- Lessons and progress -------------------------------------------------------------------


# What lists of lessons show and link to: kept small, since every view unpickles them.
LESSON_LIST_FIELDS = ("title", "slug", "path", "depth", "url_path", "live", "content_type", "locale", "required")


def _live_lessons():
    return LessonPage.objects.live().only(*LESSON_LIST_FIELDS).order_by("path")


def lessons_for(module):
    """The module's live lessons in the order editors arranged them (without their bodies).

    Every module and lesson view and the dashboard list them, so they are kept under the
    content generation: publishing, moving or deleting a lesson starts a new one.
    """
    return memoize(f"courses.lessons.{module.pk}", lambda: list(_live_lessons().child_of(module)))


def module_of(lesson):
    """The module a lesson belongs to (its parent page), kept under the content generation."""
    parent_path = lesson.path[: -Page.steplen]
    return memoize(f"courses.module-at.{parent_path}", lambda: CoursePage.objects.get(path=parent_path))


def lessons_by_module(modules):
    """{module pk: [live lessons in order]} for many modules in one query, kept under the content
    generation for that set of modules (a learner's dashboard asks for the same set each time)."""
    modules = list(modules)
    if not modules:
        return {}
    pks = ",".join(str(pk) for pk in sorted({m.pk for m in modules}))
    key = f"courses.lessons-of.{hashlib.sha256(pks.encode()).hexdigest()[:32]}"
    return memoize(key, lambda: _query_lessons_by_module(modules))


def _query_lessons_by_module(modules):
    result = {m.pk: [] for m in modules}
    by_path = {m.path: m.pk for m in modules}
    condition = Q()
    for m in modules:
        condition |= Q(path__startswith=m.path, depth=m.depth + 1)
    for lesson in _live_lessons().filter(condition):
        result[by_path[lesson.path[: -Page.steplen]]].append(lesson)
    return result


@dataclass
class Progress:
    """A learner's progress in a module. The steps are the required lessons plus the quiz (when the
    module has one), each counting once; `percent` is steps done over steps, rounded down (100
    only once the module is complete)."""

    done: int = 0
    total: int = 0
    percent: int = 0
    lessons_done: int = 0
    lessons_total: int = 0
    has_optional_lessons: bool = False
    has_quiz: bool = False
    quiz_passed: bool = False
    quiz_waits_for_lessons: bool = False
    complete: bool = False
    next_lesson: LessonPage | None = None
    done_ids: set = field(default_factory=set)
    lessons: list = field(default_factory=list)

    @property
    def quiz_status(self):
        """The quiz's part of the progress in words, or "" for a module without a quiz."""
        if not self.has_quiz:
            return ""
        if self.quiz_passed:
            return "passed"
        if self.quiz_waits_for_lessons and self.lessons_done < self.lessons_total:
            return "opens when the lessons are done"
        return "not yet passed"

    @property
    def remaining_lessons(self):
        """The required lessons not yet completed, in order."""
        return [lesson for lesson in self.lessons if lesson.required and lesson.pk not in self.done_ids]


def progress_for(enrolments, lessons=None):
    """{enrolment pk: Progress} in a fixed number of queries, whatever the number of enrolments.

    Steps are the required lessons plus the quiz (when the module has one); a completed
    enrolment is always 100%."""
    enrolments = list(enrolments)
    if not enrolments:
        return {}
    if lessons is None:
        lessons = lessons_by_module({e.module_id: e.module for e in enrolments}.values())
    done = {}
    # .order_by(): the models' default ordering would sort (and, for attempts, join) for nothing.
    for enrolment_id, lesson_id in (
        LessonProgress.objects.filter(enrolment__in=enrolments).order_by().values_list("enrolment_id", "lesson_id")
    ):
        done.setdefault(enrolment_id, set()).add(lesson_id)
    passed = set(
        Attempt.objects.filter(enrolment__in=enrolments, passed=True).order_by().values_list("enrolment_id", flat=True)
    )
    result = {}
    for e in enrolments:
        module = e.module
        module_lessons = lessons.get(e.module_id, [])
        done_ids = done.get(e.pk, set())
        required = [lesson for lesson in module_lessons if lesson.required]
        lessons_done = sum(1 for lesson in required if lesson.pk in done_ids)
        quiz_passed = module.has_quiz and e.pk in passed
        total = len(required) + (1 if module.has_quiz else 0)
        steps = lessons_done + (1 if quiz_passed else 0)
        percent = min(99, math.floor(steps * 100 / total)) if total else 0
        if e.completed_at:
            percent = 100
        result[e.pk] = Progress(
            done=steps,
            total=total,
            percent=percent,
            lessons_done=lessons_done,
            lessons_total=len(required),
            has_optional_lessons=len(required) < len(module_lessons),
            has_quiz=module.has_quiz,
            quiz_passed=quiz_passed,
            quiz_waits_for_lessons=module.quiz_after_lessons,
            complete=e.completed_at is not None,
            next_lesson=next((lesson for lesson in module_lessons if lesson.pk not in done_ids), None),
            done_ids=done_ids,
            lessons=module_lessons,
        )
    return result


def progress_of(enrolment, lessons=None):
    return progress_for([enrolment], None if lessons is None else {enrolment.module_id: lessons})[enrolment.pk]


def get_enrolment(user, module):
    if not user.is_authenticated:
        return None
    # One row per learner and module (unique), so no ordering; the module is already at hand.
    enrolment = next(iter(Enrolment.objects.filter(user=user, module=module).order_by()[:1]), None)
    if enrolment is not None:
        enrolment.module = module
    return enrolment


def record_activity(enrolment, now=None):
    """Count time on the module: the gap since the last recorded view, when it is under 30 minutes.

    A view less than ACTIVITY_WRITE_EVERY after the last recorded one writes nothing (the next
    write counts the whole gap), so a learner moving through lessons costs one UPDATE a minute
    rather than one per page. The write is a compare-and-set on last_seen_at, so of two tabs
    recording at once only one counts the gap.
    """
    now = now or timezone.now()
    last = enrolment.last_seen_at
    if last is not None and timedelta(0) <= now - last < ACTIVITY_WRITE_EVERY:
        return enrolment
    added = int((now - last).total_seconds()) if last and timedelta(0) < now - last <= ACTIVITY_GAP else 0
    unchanged = Enrolment.objects.filter(pk=enrolment.pk)
    unchanged = unchanged.filter(last_seen_at=last) if last else unchanged.filter(last_seen_at__isnull=True)
    if not unchanged.update(seconds_spent=F("seconds_spent") + added, last_seen_at=now):
        return enrolment  # another request recorded this moment first
    enrolment.seconds_spent += added
    enrolment.last_seen_at = now
    if added and enrolment.module.minimum_minutes and not enrolment.completed_at:
        check_completion(enrolment)
    return enrolment


@transaction.atomic
def complete_lesson(enrolment, lesson):
    """Mark `lesson` done (once; safe from two tabs) and complete the module if that was the last step."""
    module = enrolment.module
    if not (lesson.path.startswith(module.path) and lesson.depth == module.depth + 1):
        raise CoursesError("This lesson is not part of your module.")
    _, created = LessonProgress.objects.get_or_create(enrolment=enrolment, lesson=lesson)
    check_completion(enrolment)
    return created


# --- Enrolment ------------------------------------------------------------------------------


def completed_module_ids(user, modules):
    return set(
        Enrolment.objects.filter(user=user, module__in=modules, completed_at__isnull=False).values_list(
            "module_id", flat=True
        )
    )


def enrolment_refusals(user, module):
    """Every reason `user` may not enrol in `module`, in plain words (empty when they may)."""
    gate = role_gate(user, module.audience)
    if gate.code == "anonymous":
        return [gate.reason]
    reasons = [] if gate else [gate.reason]
    if not module.live:
        reasons.append("This module is not published.")
    prerequisites = list(module.prerequisites.all())
    if prerequisites:
        done = completed_module_ids(user, prerequisites)
        reasons += [f"Complete “{p.title}” first." for p in prerequisites if p.pk not in done]
    return reasons


@transaction.atomic
def enrol(user, module, *, by=None, source=Enrolment.SELF, check=True):
    """Enrol `user` (raises EnrolmentRefused with every reason). Returns (enrolment, created)."""
    if check:
        reasons = enrolment_refusals(user, module)
        if reasons:
            raise EnrolmentRefused(reasons)
    enrolment, created = Enrolment.objects.get_or_create(
        user=user, module=module, defaults={"source": source, "enrolled_by": by or user}
    )
    if created:
        record(enrolment, "colloquium.course_enrolled", by or user, module=module.pk, learner=user.pk, source=source)
    return enrolment, created


@dataclass
class BulkRow:
    line: int
    email: str
    user: object = None
    error: str = ""
    skipped: str = ""


@dataclass
class BulkResult:
    rows: list
    created: int = 0

    @property
    def errors(self):
        return [row for row in self.rows if row.error]

    @property
    def ok(self):
        return not self.errors


def parse_email_csv(uploaded):
    """[(line number, email)] from a CSV with an 'email' column, or one email per line."""
    raw = uploaded.read() if hasattr(uploaded, "read") else uploaded
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CoursesError("The file is not UTF-8 text. Save it as CSV (UTF-8) and try again.") from exc
    rows = list(csv.reader(io.StringIO(raw)))
    column, start = 0, 0
    if rows and any(cell.strip().lower() == "email" for cell in rows[0]):
        column = [cell.strip().lower() for cell in rows[0]].index("email")
        start = 1
    result = []
    for number, row in enumerate(rows[start:], start=start + 1):
        value = row[column].strip() if len(row) > column else ""
        if value or any(cell.strip() for cell in row):
            result.append((number, value))
    if not result:
        raise CoursesError("The file has no email addresses.")
    return result


def _plan(module, rows):
    seen = set()
    for row in rows:
        if row.error:
            continue
        if row.user.pk in seen:
            row.error = "Listed twice."
            continue
        seen.add(row.user.pk)
        reasons = enrolment_refusals(row.user, module)
        if reasons:
            row.error = " ".join(reasons)
    already = set(
        Enrolment.objects.filter(module=module, user__in=[r.user for r in rows if r.user]).values_list(
            "user_id", flat=True
        )
    )
    for row in rows:
        if row.user and not row.error and row.user.pk in already:
            row.skipped = "Already enrolled."


@transaction.atomic
def _commit(module, result, by, source):
    new = [row.user for row in result.rows if not row.skipped]
    for user in new:
        Enrolment.objects.create(user=user, module=module, source=source, enrolled_by=by)
    result.created = len(new)
    record(module, "colloquium.course_bulk_enrolled", by, source=source, count=len(new), learners=[u.pk for u in new])
    return result


def bulk_enrol_emails(module, lines, by):
    """Enrol everyone listed, or nobody: any bad row returns the result with per-row errors and writes nothing."""
    users = {
        u.email.lower(): u
        for u in get_user_model().objects.filter(email__in=[email.lower() for _, email in lines], is_active=True)
    }
    rows = []
    for line, email in lines:
        row = BulkRow(line=line, email=email, user=users.get(email.lower()))
        if not email:
            row.error = "No email address."
        elif row.user is None:
            row.error = "No active account with this email."
        rows.append(row)
    result = BulkResult(rows)
    _plan(module, rows)
    if result.ok:
        _commit(module, result, by, Enrolment.CSV)
    return result


def cohort_users(role, *, state=None, high_court=None):
    users = get_user_model().objects.filter(role=role, role_status=RoleStatus.VERIFIED, is_active=True)
    if state is not None:
        users = users.filter(state=state)
    if high_court is not None:
        users = users.filter(high_court=high_court)
    return users.order_by("email")


def bulk_enrol_cohort(module, role, by, *, state=None, high_court=None):
    if state is None and high_court is None:
        raise CoursesError("Choose a State/UT or a High Court for the cohort.")
    rows = [
        BulkRow(line=i, email=u.email, user=u)
        for i, u in enumerate(cohort_users(role, state=state, high_court=high_court), 1)
    ]
    if not rows:
        raise CoursesError("No verified users match this cohort.")
    result = BulkResult(rows)
    _plan(module, rows)
    if result.ok:
        _commit(module, result, by, Enrolment.COHORT)
    return result


# --- Quiz engine ------------------------------------------------------------------------------


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


# --- Completion -------------------------------------------------------------------------------


def completion_missing(enrolment, progress=None):
    """What still stands between the learner and completion, in plain words."""
    module = enrolment.module
    progress = progress or progress_of(enrolment)
    missing = []
    required = [lesson for lesson in progress.lessons if lesson.required]
    remaining = [lesson for lesson in required if lesson.pk not in progress.done_ids]
    if remaining:
        missing.append(f"Complete every required lesson ({len(required) - len(remaining)} of {len(required)} done).")
    if module.has_quiz and not progress.quiz_passed:
        missing.append(f"Pass the quiz (pass mark {module.pass_mark}%).")
    if module.minimum_minutes and enrolment.seconds_spent < module.minimum_minutes * 60:
        missing.append(
            f"Spend at least {module.minimum_minutes} minutes on the module (so far {enrolment.seconds_spent // 60})."
        )
    return missing


@transaction.atomic
def check_completion(enrolment, now=None):
    """Complete the enrolment if every rule is met. Happens once; announces `module_completed` after commit."""
    locked = Enrolment.objects.select_for_update().select_related("module", "user").get(pk=enrolment.pk)
    if locked.completed_at or completion_missing(locked):
        enrolment.completed_at = locked.completed_at
        return False
    locked.completed_at = now or timezone.now()
    locked.save(update_fields=["completed_at"])
    enrolment.completed_at = locked.completed_at
    record(locked, "colloquium.module_completed", locked.user, module=locked.module_id)
    transaction.on_commit(lambda: module_completed.send(sender=Enrolment, enrolment=locked))
    return True


def best_scores(enrolments):
    """{enrolment pk: best passing score as float} in one query."""
    rows = (
        Attempt.objects.filter(enrolment__in=list(enrolments), passed=True)
        .order_by()
        .values("enrolment_id")
        .annotate(best=Max("score"))
    )
    return {row["enrolment_id"]: float(row["best"]) for row in rows}


def completion_details(enrolment):
    """What a certificate (or any listener of module_completed) needs to know about a completion."""
    module = enrolment.module  # the FK targets CoursePage, so this is already the specific page
    return {
        "user": enrolment.user,
        "module": module,
        "title": module.title,
        "academy": academy_for_page(module),
        "completed_at": enrolment.completed_at,
        "hours": Decimal(module.estimated_hours),
        "score": best_scores([enrolment]).get(enrolment.pk),
        "gives_certificate": bool(module.gives_certificate),
        "edition": module.edition,
    }


def learner_enrolments(user):
    """The user's enrolments, current ones first, with their modules."""
    return (
        Enrolment.objects.filter(user=user, module__live=True)
        .select_related("module")
        .order_by("completed_at", "-enrolled_at")
    )


# --- Catalogue --------------------------------------------------------------------------------


def academies_by_module(modules):
    """{module pk: Academy or None}: the academy whose section holds each module (one query)."""
    academies = list(Academy.objects.filter(page__isnull=False).select_related("page"))
    result = {}
    for m in modules:
        result[m.pk] = next((a for a in academies if m.path.startswith(a.page.path)), None)
    return result


def catalogue_topics():
    """Topics that at least one module carries, for the catalogue filter (kept under the content generation)."""
    return memoize(
        "courses.topics",
        lambda: list(Tag.objects.filter(courses_coursepagetopic_items__isnull=False).distinct().order_by("name")),
    )


def national_catalogue():
    """The catalogue of every module (the one right under the home page), or None."""
    return memoize("courses.national-catalogue", lambda: CourseIndexPage.objects.live().filter(depth=3).first())


def catalogue_modules(index_page, *, role="", topic="", state="", query=""):
    """Live modules for a catalogue page, filtered. Under an academy: its children; otherwise every module."""
    modules = CoursePage.objects.live()
    if academy_for_page(index_page) is not None:
        modules = modules.child_of(index_page)
    if topic:
        modules = modules.filter(topics__slug=topic)
    if query:
        modules = modules.filter(Q(title__icontains=query) | Q(summary__icontains=query) | Q(outcomes__icontains=query))
    if state:
        # Keep modules of academies serving the State, of national academies, and national modules.
        elsewhere = Academy.objects.filter(page__isnull=False, is_national=False).exclude(states__code=state)
        for path in elsewhere.values_list("page__path", flat=True):
            modules = modules.exclude(path__startswith=path)
    modules = list(modules.distinct().order_by("title").prefetch_related("topics"))
    if role:
        # Audience is a short JSON list; filtering it in Python works on every database.
        modules = [m for m in modules if not m.audience or role in m.audience]
    return modules


# --- Personal data ----------------------------------------------------------------------------


def export_personal_data(user):
    """Enrolments, lesson progress and quiz attempts, for the DPDP download (settings.PERSONAL_DATA_EXPORTERS).

    Answers of an attempt still in progress are left out: its snapshot holds the correct answers."""
    enrolments = Enrolment.objects.filter(user=user).select_related("module").prefetch_related("attempts", "progress")
    data = []
    for e in enrolments:
        data.append(
            {
                "module": e.module.title,
                "enrolled_at": e.enrolled_at.isoformat(),
                "source": e.source,
                "completed_at": e.completed_at.isoformat() if e.completed_at else None,
                "minutes_spent": e.seconds_spent // 60,
                "lessons_completed": [
                    {"lesson_id": p.lesson_id, "completed_at": p.completed_at.isoformat()} for p in e.progress.all()
                ],
                "attempts": [
                    {
                        "number": a.number,
                        "status": a.status,
                        "started_at": a.started_at.isoformat(),
                        "finished_at": a.finished_at.isoformat() if a.finished_at else None,
                        "score": float(a.score) if a.score is not None else None,
                        "passed": a.passed,
                        "answers": a.answers if a.is_submitted else None,
                    }
                    for a in e.attempts.all()
                ],
            }
        )
    return {"training_modules": data}
