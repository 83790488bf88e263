"""What the outcome report says about an event: sessions, participants, attendance, feedback, certificates.

Read from the colloquia, certificates and feedback apps through their public functions.
"""

from collections import Counter

from django.utils.translation import gettext as _

from certificates.models import SourceKind
from certificates.services import holders
from colloquia.models import Category
from colloquia.services import approved_participants, counted_sessions, event_details, held_session_ids, summaries
from feedback.services import event_feedback_summary


def _rows(counter):
    """[(label, count)], largest first, then by name."""
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def outcome_figures(event):
    """The outcome report's figures for `event` (a ColloquiumPage)."""
    sessions = counted_sessions(event)
    held_ids = held_session_ids(event)
    registrations = approved_participants(event)
    summary = summaries(event, registrations)
    attended = [r for r in registrations if summary[r.pk]["sessions_attended"] > 0]
    present_marks = sum(summary[r.pk]["sessions_attended"] for r in registrations)
    possible = len(registrations) * len(sessions)

    not_given = _("Not given")  # in the language the report is printed in
    by_category = Counter(str(Category(r.category).label) for r in attended)
    by_district = Counter((r.user.district if r.user_id and r.user.district else not_given) for r in attended)
    by_state = Counter((r.user.state.name if r.user_id and r.user.state_id else not_given) for r in attended)
    user_ids = [r.user_id for r in registrations if r.user_id]
    certificates = len(holders(SourceKind.COLLOQUIUM, event.pk, user_ids)) if user_ids else 0
    details = event_details(event)
    return {
        "details": details,
        "sessions": [
            {"title": s.title, "date": s.date, "start_time": s.start_time, "hours": s.hours, "held": s.pk in held_ids}
            for s in sessions
        ],
        "sessions_planned": len(sessions),
        "sessions_held": sum(1 for s in sessions if s.pk in held_ids),
        "approved": len(registrations),
        "participants": len(attended),
        "by_category": _rows(by_category),
        "by_district": _rows(by_district),
        "by_state": _rows(by_state),
        "attendance_rate": (present_marks / possible) if possible else None,
        "eligible": sum(1 for r in registrations if summary[r.pk]["eligible"]),
        "certificates_issued": certificates,
        "feedback": event_feedback_summary(event),
    }
