"""What checkin adds to shared pages: "My e-tickets" on "My learning" (the colloquium_dashboard_sections hook)."""

from core.extensions import learner_section

from .services import my_tickets


def my_e_tickets(request, **kwargs):
    return learner_section(request, "checkin", "checkin/sections/my_tickets.html", lambda: _my_tickets(request.user))


def _my_tickets(user):
    registrations = my_tickets(user)
    return {"registrations": registrations} if registrations else None
