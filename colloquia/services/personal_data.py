"""A person's registrations and attendance, for the export of their personal data."""

from ..choices import Category
from ..records import Attendance, Registration


def export_personal_data(user):
    registrations = Registration.objects.filter(user=user).select_related("page")
    attendance = Attendance.objects.filter(registration__user=user).select_related("session", "registration__page")
    return {
        "colloquium_registrations": [
            {
                "event": r.page.title,
                "category": str(Category(r.category).label),
                "status": r.status,
                "registered_at": r.created_at.isoformat(),
                "nominating_office": r.nominating_office,
                "eligibility_override": r.override_eligible,
                "override_reason": r.override_reason,
            }
            for r in registrations
        ],
        "colloquium_attendance": [
            {
                "event": a.registration.page.title,
                "session": a.session.title,
                "date": a.session.date.isoformat(),
                "status": a.status,
                "method": a.method,
                "recorded_at": a.recorded_at.isoformat(),
            }
            for a in attendance
        ],
    }
