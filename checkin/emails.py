"""The e-ticket attached to the email that confirms a place (the colloquium_registration_email_attachments hook).

The ticket is a PDF to render, so the attachment is deferred: colloquia then sends that email
from the task worker, which renders the ticket there; the request that approved the place
only queues it.
"""

import logging

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from colloquia.models import RegistrationStatus
from colloquia.services import DEFERRED_ATTACHMENT
from core.i18n import language_of
from core.site import absolute_url

from .pdf import render_ticket, ticket_filename
from .services import ticket_for

logger = logging.getLogger("colloquium.checkin")

# colloquia's email about a registration's status: the one that says a place is confirmed.
STATUS_EMAIL = "colloquia/email/status.txt"


def e_ticket_attachment(registration, template):
    """[the e-ticket, deferred] for the status email of an approved registration; [] for any other email."""
    if template != STATUS_EMAIL or registration.status != RegistrationStatus.APPROVED:
        return []
    return [{DEFERRED_ATTACHMENT: lambda: rendered_e_ticket(registration)}]


def rendered_e_ticket(registration):
    """The e-ticket as an attachment (in the task worker, after the approval has committed).

    A ticket that cannot be rendered is logged and left out (None), so the confirmation still
    goes; the participant can download the ticket from "My learning".
    """
    # The ticket and the note are in the participant's language (someone without an account: the
    # language active where the email is sent, else the default).
    with translation.override(language_of(registration.user)):
        try:
            registration.ticket = ticket_for(registration)
            content = render_ticket(registration)
        except Exception:
            logger.exception("e-ticket for registration %s could not be rendered", registration.pk)
            return None
        filename = ticket_filename(registration.page)
        note = _(
            "Your e-ticket is attached (%(filename)s): show its QR code, or its number %(number)s, "
            "at the registration desk. It is also on My learning: %(url)s"
        ) % {
            "filename": filename,
            "number": registration.ticket.number,
            "url": absolute_url(reverse("accounts:dashboard")),
        }
    return {"filename": filename, "content": content, "mimetype": "application/pdf", "note": note}
