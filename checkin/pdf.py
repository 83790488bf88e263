"""The e-ticket and the sheets of name badges, rendered through core.pdf (sandboxed WeasyPrint).

Names and designations are escaped by the templates; core.pdf serves the renderer only the
project's static files (the Noto fonts certificates print with) and the QR codes' data URIs.
"""

from django.template.loader import render_to_string
from django.utils import timezone

from core.pdf import render_pdf

from .services import category_label, devanagari_name, printed_name

STYLESHEETS = ("checkin/pdf.css",)
BADGES_PER_SHEET = 8  # two columns of four on A4
# Any of the eight masks makes a valid code; segno would otherwise score all eight for each one.
QR_MASK = 2


def ticket_qr(number):
    """The ticket number as a QR code (a PNG data URI, one pixel per module; the CSS scales it up).

    Always a full QR code, never a Micro QR (which segno picks for short text on its own and which
    phone cameras and the desk's decoders do not read), with the standard four-module quiet zone.
    """
    import segno  # here, not at the top: web workers that never render a ticket need not load it

    return segno.make_qr(number, error="m", mask=QR_MASK).png_data_uri(scale=1, border=4)


def _person(registration):
    return {
        "name": printed_name(registration),
        "name_devanagari": devanagari_name(registration),
        "designation": registration.designation or (registration.user.designation if registration.user else ""),
        "category": category_label(registration),
        "category_value": registration.category,
    }


def ticket_filename(page):
    return f"e-ticket-{page.slug}.pdf"


def render_ticket(registration):
    """The e-ticket PDF of an approved registration (with `.ticket` and `.page` set)."""
    page, ticket = registration.page, registration.ticket
    html = render_to_string(
        "checkin/pdf/ticket.html",
        {
            "page": page,
            "person": _person(registration),
            "number": ticket.number,
            "qr": ticket_qr(ticket.number),
            "issued": timezone.localtime(ticket.created_at),
        },
    )
    return render_pdf(html, stylesheets=STYLESHEETS)


def render_badges(page, registrations):
    """Name badges for `registrations` (each with `.ticket`), eight to an A4 sheet, in the order given."""
    badges = [
        {**_person(registration), "number": registration.ticket.number, "qr": ticket_qr(registration.ticket.number)}
        for registration in registrations
    ]
    sheets = [badges[start : start + BADGES_PER_SHEET] for start in range(0, len(badges), BADGES_PER_SHEET)]
    html = render_to_string("checkin/pdf/badges.html", {"page": page, "sheets": sheets, "now": timezone.now()})
    return render_pdf(html, stylesheets=STYLESHEETS)
