"""The module outline beside each lesson: every lesson and the quiz, with this learner's state in words.

Built from what the lesson page already holds (the module's lesson list, the learner's progress and
quiz state), so it costs no query per lesson. The states are words, not colours alone, so a screen
reader and a printout say the same as the page.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .quiz import is_expired

DONE, NOT_STARTED = "done", "not_started"
LESSON_LABELS = {DONE: gettext_lazy("Done"), NOT_STARTED: gettext_lazy("Not started")}


@dataclass(frozen=True)
class OutlineLesson:
    lesson: object  # a LessonPage (from `lessons_for`)
    number: int
    current: bool  # the lesson being read
    state: str  # DONE, NOT_STARTED, or "" when the reader is not enrolled (nothing is recorded)

    @property
    def label(self):
        """The state in words, with "You are here" on the lesson being read."""
        words = [str(LESSON_LABELS[self.state])] if self.state else []
        if self.current:
            words.insert(0, _("You are here"))
        return _(", ").join(words)


@dataclass(frozen=True)
class OutlineQuiz:
    state: str  # not_enrolled, waiting, not_started, in_progress, time_up, passed, not_passed, closed
    label: str
    attempt: object = None  # the attempt in progress, which the outline links to


def module_outline(lessons, current, *, has_quiz, progress=None, quiz=None):
    """The outline of a module for one reader.

    `lessons` are the module's lessons in order (`lessons_for`), `current` the lesson being read,
    `progress` the learner's `Progress` and `quiz` their `quiz_state` (both None for a reader who is
    not enrolled); `has_quiz` whether the module has a quiz. Returns (lessons as OutlineLesson,
    OutlineQuiz or None for a module without a quiz).
    """
    done_ids = progress.done_ids if progress is not None else None
    items = [
        OutlineLesson(
            lesson=lesson,
            number=number,
            current=lesson.pk == current.pk,
            state="" if done_ids is None else (DONE if lesson.pk in done_ids else NOT_STARTED),
        )
        for number, lesson in enumerate(lessons, start=1)
    ]
    return items, quiz_outline(quiz) if has_quiz else None


def quiz_outline(quiz):
    """The quiz's line in the outline, from `quiz_state` (None: the reader is not enrolled)."""
    if quiz is None:
        return OutlineQuiz("not_enrolled", _("Enrol to take it"))
    if quiz["passed"]:
        return OutlineQuiz("passed", _("Passed"))
    if quiz["current"] is not None:
        if is_expired(quiz["current"]):
            return OutlineQuiz("time_up", _("Time is up: open it to see the result"), quiz["current"])
        return OutlineQuiz("in_progress", _("In progress: your answers are saved"), quiz["current"])
    if quiz["waiting_for"]:
        return OutlineQuiz("waiting", _("Opens when the required lessons are done"))
    if not quiz["used"]:
        return OutlineQuiz("not_started", _("Not started"))
    if quiz["left"] is None:
        return OutlineQuiz("not_passed", _("Not passed yet: you may try again"))
    if quiz["left"]:
        left = quiz["left"]
        label = ngettext("Not passed yet: %(count)s attempt left", "Not passed yet: %(count)s attempts left", left) % {
            "count": left
        }
        return OutlineQuiz("not_passed", label)
    return OutlineQuiz("closed", _("Not passed: no attempts left"))
