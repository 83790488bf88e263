"""The e-ticket attached to the email that confirms a place (the colloquium_registration_email_attachments hook)."""

import logging

from django.urls import reverse

from colloquia.models import RegistrationStatus
from core.site import absolute_url

from .pdf import render_ticket, ticket_filename
from .services import ticket_for

logger = logging.getLogger("colloquium.checkin")

# colloquia's email about a registration's status: the one that says a place is confirmed.
STATUS_EMAIL = "colloquia/email/status.txt"


def e_ticket_attachment(registration, template):
    """[the e-ticket PDF] for the status email of an approved registration; [] for any other email.

    Called after the approval has committed. A ticket that cannot be rendered is logged and left
    out, so the confirmation still goes; the participant can download the ticket from "My learning".
    """
    if template != STATUS_EMAIL or registration.status != RegistrationStatus.APPROVED:
        return []
    try:
        registration.ticket = ticket_for(registration)
        content = render_ticket(registration)
    except Exception:
        logger.exception("e-ticket for registration %s could not be rendered", registration.pk)
        return []
    filename = ticket_filename(registration.page)
    note = (
        f"Your e-ticket is attached ({filename}): show its QR code, or its number {registration.ticket.number}, "
        f"at the registration desk. It is also on My learning: {absolute_url(reverse('accounts:dashboard'))}"
    )
    return [{"filename": filename, "content": content, "mimetype": "application/pdf", "note": note}]
