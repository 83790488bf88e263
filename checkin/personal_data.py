"""A person's e-tickets, for the download of their personal data (the colloquium_personal_data hook)."""

from .models import Ticket


def export_personal_data(user):
    tickets = Ticket.objects.filter(registration__user=user).select_related("registration__page")
    return {
        "colloquium_e_tickets": [
            {
                "event": ticket.registration.page.title,
                "ticket_number": ticket.number,
                "issued_at": ticket.created_at.isoformat(),
            }
            for ticket in tickets
        ]
    }
