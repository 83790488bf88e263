"""Public functions of the courses app: enrolment, progress, quiz engine, completion, catalogue.

Plain functions that take and return model objects (page objects are passed in; these
modules import no page class), so views, page methods, admin views, the demo loader and
tests all call the same rules. Other apps use only what is listed in docs/courses.md:
`completion_details`, `learner_enrolments`, the `courses.signals.module_completed`
signal, and the section functions in `courses.sections`.
"""

from .catalogue import (
    academies_by_module,
    catalogue_modules,
    catalogue_topics,
)
from .enrolment import (
    BulkResult,
    BulkRow,
    bulk_enrol_cohort,
    bulk_enrol_emails,
    cohort_users,
    completed_module_ids,
    enrol,
    enrolment_refusals,
    get_enrolment,
    learner_enrolments,
    parse_email_csv,
)
from .errors import (
    CoursesError,
    EnrolmentRefused,
    QuizError,
)
from .personal_data import (
    export_personal_data,
)
from .progress import (
    ACTIVITY_GAP,
    ACTIVITY_WRITE_EVERY,
    Progress,
    best_scores,
    check_completion,
    complete_lesson,
    completion_details,
    completion_missing,
    lessons_by_module,
    lessons_for,
    module_of,
    progress_for,
    progress_of,
    record_activity,
    shown_progress,
)
from .quiz import (
    answers_from_post,
    answers_shown,
    grade_question,
    hidden_answers_note,
    is_pass,
    lessons_before_quiz,
    lessons_before_quiz_message,
    public_questions,
    quiz_state,
    review,
    review_rule,
    score_percent,
    start_attempt,
    submit_attempt,
)

__all__ = [
    "ACTIVITY_GAP",
    "ACTIVITY_WRITE_EVERY",
    "BulkResult",
    "BulkRow",
    "CoursesError",
    "EnrolmentRefused",
    "Progress",
    "QuizError",
    "academies_by_module",
    "answers_from_post",
    "answers_shown",
    "best_scores",
    "bulk_enrol_cohort",
    "bulk_enrol_emails",
    "catalogue_modules",
    "catalogue_topics",
    "check_completion",
    "cohort_users",
    "complete_lesson",
    "completed_module_ids",
    "completion_details",
    "completion_missing",
    "enrol",
    "enrolment_refusals",
    "export_personal_data",
    "get_enrolment",
    "grade_question",
    "hidden_answers_note",
    "is_pass",
    "learner_enrolments",
    "lessons_before_quiz",
    "lessons_before_quiz_message",
    "lessons_by_module",
    "lessons_for",
    "module_of",
    "parse_email_csv",
    "progress_for",
    "progress_of",
    "public_questions",
    "quiz_state",
    "record_activity",
    "review",
    "review_rule",
    "score_percent",
    "shown_progress",
    "start_attempt",
    "submit_attempt",
]
