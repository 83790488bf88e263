"""The e-ticket and the sheets of name badges, rendered through core.pdf (sandboxed WeasyPrint).

Every printed text goes through one `DevanagariMarkup` per document, which escapes it and sets
each Devanagari syllable in its own font alias, so names copy out of the PDF as typed (and a
screen reader reads them right); the fixed wording too, translated into the active language
(Hindi wording is all Devanagari). core.pdf serves the renderer only the project's static files
(the Noto fonts certificates print with) and the QR codes' data URIs.
"""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.devanagari import MAX_ALIASES, DevanagariMarkup
from core.pdf import render_pdf

from .services import category_label, devanagari_name, printed_name

STYLESHEETS = ("core/devanagari.css", "checkin/pdf.css")
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


def _person(registration, markup):
    """What a ticket or a badge prints about its holder; the free text as markup (escaped, aliased)."""
    name = printed_name(registration)
    return {
        "name": name,
        "name_html": markup(name),
        "name_devanagari_html": markup(devanagari_name(registration)),
        "designation_html": markup(
            registration.designation or (registration.user.designation if registration.user else "")
        ),
        "category": category_label(registration),
        "category_html": markup(category_label(registration)),
        "category_value": registration.category,
    }


def _event(page, markup):
    """The event's printed text as markup, set once per document."""
    return {
        "title_html": markup(page.title),
        "venue_html": markup(page.venue),
        "address_html": markup(page.address),
        "academy_html": markup(page.academy.name if page.academy else ""),
    }


def _wording(markup, text, **html):
    """Translated `text` as markup, with each %(name)s placeholder replaced by the safe `html[name]`
    (which the markup would otherwise escape): `_wording(markup, _("Ticket %(n)s"), n="<b>1</b>")`."""
    tokens = {name: f"\ue000{n}\ue001" for n, name in enumerate(html)}
    marked = markup(text % tokens if tokens else text)
    for name, token in tokens.items():
        marked = marked.replace(token, str(html[name]))
    return mark_safe(marked)  # noqa: S308 - escaped by the markup; the inserted html is the caller's safe html


def ticket_filename(page):
    return f"e-ticket-{page.slug}.pdf"


def render_ticket(registration):
    """The e-ticket PDF of an approved registration (with `.ticket` and `.page` set)."""
    page, ticket = registration.page, registration.ticket
    # The wording in Hindi is a paragraph of Devanagari: every alias core/devanagari.css offers may be
    # needed (only the ones used are made).
    markup = DevanagariMarkup(aliases=MAX_ALIASES)
    issued = timezone.localtime(ticket.created_at)
    words = {
        "heading_html": _wording(markup, _("E-ticket")),
        "number_html": _wording(
            markup, _("Ticket number %(number)s"), number=f"<strong>{escape(ticket.number)}</strong>"
        ),
        "note_html": _wording(
            markup,
            _(
                "Show this QR code, on paper or on your phone, at the registration desk each day; the desk "
                "can also type the ticket number. The ticket admits only the person named on it, and only "
                "while their place is confirmed."
            ),
        ),
        "issued_html": _wording(markup, _("Issued %(date)s.") % {"date": date_format(issued, "j F Y")}),
    }
    html = render_to_string(
        "checkin/pdf/ticket.html",
        {
            "page": page,
            "event": _event(page, markup),
            "person": _person(registration, markup),
            "number": ticket.number,
            "qr": ticket_qr(ticket.number),
            "issued": issued,
            "words": words,
        },
    )
    return render_pdf(html, stylesheets=STYLESHEETS)


def render_badges(page, registrations):
    """Name badges for `registrations` (each with `.ticket`), eight to an A4 sheet, in the order given."""
    # Hundreds of names share the document's glyph maps: every alias core/devanagari.css offers.
    markup = DevanagariMarkup(aliases=MAX_ALIASES)
    event = _event(page, markup)
    badges = [
        {
            **_person(registration, markup),
            "number": registration.ticket.number,
            "qr": ticket_qr(registration.ticket.number),
        }
        for registration in registrations
    ]
    sheets = [badges[start : start + BADGES_PER_SHEET] for start in range(0, len(badges), BADGES_PER_SHEET)]
    html = render_to_string(
        "checkin/pdf/badges.html", {"page": page, "event": event, "sheets": sheets, "now": timezone.now()}
    )
    return render_pdf(html, stylesheets=STYLESHEETS)
