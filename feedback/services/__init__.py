"""Public functions of the feedback app.

- rules: who may answer an event's feedback form and when (`feedback_state`, `feedback_window`)
- responses: answering it once, stored without the person (`submit_feedback`)
- knowledge: the pre- and post-event knowledge tests and the gain per category
- summary: `event_feedback_summary(event_page)` (the outcome report prints it), the feedback report
- reminders: the reminder to those who have not answered

Other apps use `event_feedback_summary` only.
"""

from .knowledge import (
    MIN_GROUP,
    TestRefused,
    first_session_starts,
    knowledge_gain,
    submit_test,
    test_module,
    test_state,
)
from .personal_data import personal_data
from .reminders import queue_feedback_reminders, reminder_recipients
from .responses import ALREADY_ANSWERED, FeedbackRefused, rated_sessions, submit_feedback
from .rules import eligible_registrations, feedback_state, feedback_window, has_answered, setup_for
from .summary import event_feedback_summary, events_with_counts, feedback_report, report_csv_rows

__all__ = [
    "ALREADY_ANSWERED",
    "MIN_GROUP",
    "FeedbackRefused",
    "TestRefused",
    "eligible_registrations",
    "event_feedback_summary",
    "events_with_counts",
    "feedback_report",
    "feedback_state",
    "feedback_window",
    "first_session_starts",
    "has_answered",
    "knowledge_gain",
    "personal_data",
    "queue_feedback_reminders",
    "rated_sessions",
    "reminder_recipients",
    "report_csv_rows",
    "setup_for",
    "submit_feedback",
    "submit_test",
    "test_module",
    "test_state",
]
