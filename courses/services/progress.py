"""Lessons, progress, time on the module and completion.

The lesson lists come from the pages themselves (`CoursePage.live_lessons()`,
`LessonPage.get_module()`): these rules take page objects and never import page classes.
"""

import hashlib
import math
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from academies.services import academy_for_page
from accounts.audit import record
from core import cache as content_cache
from core.cache import memoize
from core.learner_pages import learner_version
from core.translation import localize_page, localize_pages

from ..records import Attempt, Enrolment, LessonProgress
from ..signals import module_completed
from .enrolment import get_enrolment
from .errors import CoursesError

ACTIVITY_GAP = timedelta(minutes=30)
ACTIVITY_WRITE_EVERY = timedelta(minutes=1)


def lessons_for(module):
    """The module's live lessons in the order editors arranged them (without their bodies).

    Every module and lesson view and the dashboard list them, so they are kept under the
    content generation: publishing, moving or deleting a lesson starts a new one.
    """
    # Kept per language (core.cache): the titles are the reader's (core.translation).
    return memoize(f"courses.lessons.{module.pk}", lambda: localize_pages(module.live_lessons()))


def module_of(lesson):
    """The module a lesson belongs to (its parent page), kept under the content generation."""
    key = f"courses.module-at.{lesson.path[: -lesson.steplen]}"
    return memoize(key, lambda: localize_page(lesson.get_module()))


def lessons_by_module(modules):
    """{module pk: [live lessons in order]} for many modules in one query, kept under the content
    generation for that set of modules (a learner's dashboard asks for the same set each time)."""
    modules = list(modules)
    if not modules:
        return {}
    pks = ",".join(str(pk) for pk in sorted({m.pk for m in modules}))
    key = f"courses.lessons-of.{hashlib.sha256(pks.encode()).hexdigest()[:32]}"
    # The query belongs to the page class; reached through a module, so this file imports no page class.
    return memoize(key, lambda: modules[0].live_lessons_by_module(modules))


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
    next_lesson: object = None  # a LessonPage
    done_ids: set = field(default_factory=set)
    lessons: list = field(default_factory=list)

    @property
    def quiz_status(self):
        """The quiz's part of the progress in words, or "" for a module without a quiz."""
        if not self.has_quiz:
            return ""
        if self.quiz_passed:
            return _("passed")
        if self.quiz_waits_for_lessons and self.lessons_done < self.lessons_total:
            return _("opens when the lessons are done")
        return _("not yet passed")

    @property
    def remaining_lessons(self):
        """The required lessons not yet completed, in order."""
        return [lesson for lesson in self.lessons if lesson.required and lesson.pk not in self.done_ids]


def progress_for(enrolments, lessons=None, best=None):
    """{enrolment pk: Progress} in a fixed number of queries, whatever the number of enrolments.

    Steps are the required lessons plus the quiz (when the module has one); a completed
    enrolment is always 100%. `best`, the caller's `best_scores(enrolments)` if it has them,
    says which quizzes were passed (an enrolment has a best passing score exactly when it
    passed), saving the query that would ask again."""
    enrolments = list(enrolments)
    if not enrolments:
        return {}
    if lessons is None:
        lessons = lessons_by_module({e.module_id: e.module for e in enrolments}.values())
    done, passed = _steps_done(enrolments, passed=None if best is None else set(best))
    return _progress(enrolments, lessons, done, passed)


def _steps_done(enrolments, passed=None):
    """({enrolment pk: {lesson pks done}}, {enrolment pks with a passed attempt}), in two queries
    (one when `passed` is known)."""
    done = {}
    # .order_by(): the models' default ordering would sort (and, for attempts, join) for nothing.
    for enrolment_id, lesson_id in (
        LessonProgress.objects.filter(enrolment__in=enrolments).order_by().values_list("enrolment_id", "lesson_id")
    ):
        done.setdefault(enrolment_id, set()).add(lesson_id)
    if passed is None:
        passed = set(
            Attempt.objects.filter(enrolment__in=enrolments, passed=True)
            .order_by()
            .values_list("enrolment_id", flat=True)
        )
    return done, passed


def _progress(enrolments, lessons, done, passed):
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


def shown_progress(enrolment, lessons):
    """`progress_of` for a page that only shows it (the lesson page), reading no table on a repeat visit.

    The lessons done and whether the quiz is passed are kept in the cache under the learner's
    version (`core.learner_pages.learner_version`), which moves on, after the commit, whenever their
    enrolments, lesson progress or attempts change (courses.receivers); the completed state comes
    from `enrolment`, read afresh by the caller. On while the page cache is (PAGE_CACHE_SECONDS).
    Never for deciding anything: completion and the quiz read the database.
    """
    version = learner_version(enrolment.user_id) if content_cache.timeout() else None
    if version is None:
        return progress_of(enrolment, lessons)
    # The version is read before the rows, so rows read before a change are never kept under the version after it.
    key = f"courses.steps-done.{enrolment.pk}.{enrolment.user_id}.{enrolment.enrolled_at.timestamp()}.{version}"
    done, passed = content_cache.memoize(key, lambda: _steps_done([enrolment]))
    return _progress([enrolment], {enrolment.module_id: lessons}, done, passed)[enrolment.pk]


def lesson_visited(user, lesson, now=None):
    """Count a visit to `lesson` served without building its page (core.learner_pages keeps it).

    `record_activity` writes at most once per ACTIVITY_WRITE_EVERY; the moment this process last
    had it look is kept in the cache, so a learner reading on within that time costs no query.
    """
    now = now or timezone.now()
    module = module_of(lesson)
    key = f"courses.activity-looked.{user.pk}.{module.pk}"
    store = content_cache.page_cache()
    looked = store.get(key)
    if looked is not None and timedelta(0) <= now - looked < ACTIVITY_WRITE_EVERY:
        return
    enrolment = get_enrolment(user, module)
    if enrolment is not None:
        record_activity(enrolment, now)
    store.set(key, now, int(ACTIVITY_WRITE_EVERY.total_seconds()))


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
        raise CoursesError(_("This lesson is not part of your module."))
    _row, created = LessonProgress.objects.get_or_create(enrolment=enrolment, lesson=lesson)
    check_completion(enrolment)
    return created


def completion_missing(enrolment, progress=None):
    """What still stands between the learner and completion, in plain words."""
    module = enrolment.module
    progress = progress or progress_of(enrolment)
    missing = []
    required = [lesson for lesson in progress.lessons if lesson.required]
    remaining = [lesson for lesson in required if lesson.pk not in progress.done_ids]
    if remaining:
        missing.append(
            _("Complete every required lesson (%(done)s of %(total)s done).")
            % {"done": len(required) - len(remaining), "total": len(required)}
        )
    if module.has_quiz and not progress.quiz_passed:
        missing.append(_("Pass the quiz (pass mark %(mark)s%%).") % {"mark": module.pass_mark})
    if module.minimum_minutes and enrolment.seconds_spent < module.minimum_minutes * 60:
        missing.append(
            _("Spend at least %(minimum)s minutes on the module (so far %(spent)s).")
            % {"minimum": module.minimum_minutes, "spent": enrolment.seconds_spent // 60}
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
