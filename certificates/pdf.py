"""Certificate and transcript PDFs, rendered through core.pdf (sandboxed WeasyPrint).

Editor wording is plain text: `fill_wording` escapes it and fills only the fixed
placeholders with escaped values, so neither an editor nor a user's name can inject
markup or make the renderer fetch anything (and core.pdf refuses all but our own
static and media files anyway).
"""

import hashlib
import re
from functools import lru_cache

from django.conf import settings
from django.template.loader import get_template, render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.pdf import render_pdf

from .models import PLACEHOLDER_RE

STYLESHEETS = ("certificates/pdf.css",)


def fill_wording(text, values):
    """Fill the known {placeholders} of plain `text`; the result is stored and escaped when printed."""
    return PLACEHOLDER_RE.sub(lambda match: str(values.get(match.group(1), "")), text)


# --- Devanagari that copies out as the same characters ------------------------------------------
# WeasyPrint maps each glyph of a font to one Unicode string for the whole document. In
# Devanagari a glyph's text depends on its syllable (a reph or a pre-base matra is drawn out
# of logical order), so a glyph reused in another syllable copies out wrong, e.g. वर्मा as
# वमर्मा. Giving each syllable its own font name (aliases of the one Noto file, embedded once)
# gives each syllable its own glyph map, and text extraction returns the typed characters.
DEVANAGARI_ALIASES = 16
_C = "[\u0915-\u0939\u0958-\u095f\u0978-\u097f]\u093c?"
_M = "[\u093a\u093b\u093e-\u094c\u094e\u094f\u0955-\u0957\u0962\u0963]"
_SYLLABLE = re.compile(
    f"{_C}(?:\u094d[\u200c\u200d]?{_C})*(?:{_M}|\u094d[\u200c\u200d]?)*[\u0900-\u0903]*"
    f"|[\u0904-\u0914\u0960\u0961\u0972-\u0977]\u093c?{_M}*[\u0900-\u0903]*"
)


class DevanagariMarkup:
    """Escape text, wrapping each multi-character Devanagari syllable in a span with a font alias.

    Syllables sharing no character cannot share a glyph, so they share an alias; a syllable
    goes to the first alias holding no syllable with a character in common (a single
    character keeps the base font: its glyph always means itself). One instance per
    document, so the name, title and wording are allotted together; few aliases are used,
    which keeps the fonts to subset (and the render time) small.
    """

    def __init__(self):
        self.alias_of = {}
        self.alias_chars = []

    def _alias(self, syllable):
        if syllable not in self.alias_of:
            chars = set(syllable)
            free = next((n for n, used in enumerate(self.alias_chars) if not used & chars), None)
            if free is None:
                free = len(self.alias_chars)
                self.alias_chars.append(set())
            self.alias_chars[free] |= chars
            self.alias_of[syllable] = free % DEVANAGARI_ALIASES
        return self.alias_of[syllable]

    def __call__(self, text):
        text = text or ""
        parts, position = [], 0
        for match in _SYLLABLE.finditer(text):
            syllable = match.group(0)
            parts.append(escape(text[position : match.start()]))
            if len(syllable) == 1:
                parts.append(escape(syllable))
            else:
                parts.append(f'<span class="dv{self._alias(syllable)}">{escape(syllable)}</span>')
            position = match.end()
        parts.append(escape(text[position:]))
        return mark_safe("".join(parts))  # noqa: S308 - every piece escaped above


def statement_html(text, markup=None):
    """The stored statement as HTML paragraphs, every character escaped."""
    markup = markup or DevanagariMarkup()
    return mark_safe(  # noqa: S308 - markup() escapes
        "".join(f"<p>{markup(para)}</p>" for para in re.split(r"\n\s*\n", text.strip()) if para)
    )


# Any of the eight masks gives a valid code; segno would otherwise score all eight (~3 ms a render).
QR_MASK = 2


def qr_data_uri(url):
    # A PNG, not SVG: WeasyPrint parses an SVG QR's long path on every render (~25 ms). One pixel
    # per module: the CSS scales it with `image-rendering: pixelated` (no interpolation in the PDF),
    # so it prints as sharp as a larger PNG, which WeasyPrint would decode and re-encode each time.
    import segno  # here, not at the top: web workers that never render a PDF need not load it (~10 MB)

    return segno.make(url, error="m", mask=QR_MASK).png_data_uri(scale=1, border=1)


def format_hours(hours):
    text = f"{hours:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def format_score(score):
    if score is None:
        return ""
    return f"{score:.0f}%" if float(score).is_integer() else f"{score:.1f}%"


def media_url(path):
    return f"{settings.MEDIA_URL}{path}" if path else ""


@lru_cache(maxsize=1)
def _certificate_template():
    return get_template("certificates/pdf/certificate.html")


def certificate_html(cert, *, primary_colour, accent_colour):
    markup = DevanagariMarkup()
    context = {
        "cert": cert,
        "name_hi_html": markup(cert.recipient_name_devanagari),
        "title_html": markup(cert.title),
        "statement_html": statement_html(cert.statement, markup),
        "primary_colour": primary_colour,
        "accent_colour": accent_colour,
        "logo_url": media_url(cert.logo_path),
        "signatories": [
            {**signatory, "signature_url": media_url(signatory.get("signature", ""))} for signatory in cert.signatories
        ],
        "verify_url": cert.verify_url,
        "qr": qr_data_uri(cert.verify_url),
        "hours": format_hours(cert.hours),
        "score": format_score(cert.score),
        "site_url": settings.SITE_URL,
    }
    return _certificate_template().render(context)


def render_certificate(cert, *, primary_colour, accent_colour):
    """Render a certificate (with its frozen values set) to PDF bytes and their SHA-256."""
    body = render_pdf(
        certificate_html(cert, primary_colour=primary_colour, accent_colour=accent_colour), stylesheets=STYLESHEETS
    )
    return body, hashlib.sha256(body).hexdigest()


def render_transcript(user, certificates, total_hours, generated_at):
    html = render_to_string(
        "certificates/pdf/transcript.html",
        {
            "user": user,
            "certificates": certificates,
            "total_hours": format_hours(total_hours),
            "generated_at": generated_at,
            "site_url": settings.SITE_URL,
        },
    )
    return render_pdf(html, stylesheets=STYLESHEETS)
