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
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.formatting import format_hours
from core.pdf import render_pdf

from .models import PLACEHOLDER_RE, Certificate

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
    """Escape text, setting each Devanagari syllable in a font alias that gives it its own glyphs.

    Syllables sharing no character cannot share a glyph, so they share an alias; a syllable
    goes to the first alias holding no syllable with a character in common. A single
    character keeps the base font (its glyph always means itself), so few aliases (fonts to
    subset) are used. Each span is a box WeasyPrint lays out and draws on its own (about
    0.5 ms), so two spans of one alias are joined when only spaces and single characters
    lie between them, and those characters join the alias too: a name is usually one span.
    One instance per document, so the name, title and wording are allotted together.
    """

    def __init__(self):
        self.alias_of = {}
        self.alias_chars = []
        self.joined = []  # per alias, the single characters that joined its spans

    def _alias(self, syllable):
        if syllable not in self.alias_of:
            chars = set(syllable)
            free = next((n for n, used in enumerate(self.alias_chars) if not used & chars), None)
            if free is None:
                free = len(self.alias_chars)
                self.alias_chars.append(set())
                self.joined.append(set())
            self.alias_chars[free] |= chars
            self.alias_of[syllable] = free % DEVANAGARI_ALIASES
        return self.alias_of[syllable]

    def _can_join(self, alias, gap):
        if len(self.alias_chars) > DEVANAGARI_ALIASES:  # aliases wrapped round: join nothing more
            return False
        used, joined = self.alias_chars[alias], self.joined[alias]
        return all(char == " " or (single and (char in joined or char not in used)) for char, single in gap)

    def __call__(self, text):
        # Runs of whitespace print as one space anyway; collapsing them here also means no
        # newline ever sits between two tags, which certificate_html relies on.
        text = " ".join((text or "").split())
        parts, position = [], 0
        span_alias, span_text, gap = None, "", []  # gap: (text, is a single-character syllable)

        def flush_gap():
            parts.append(escape("".join(piece for piece, _ in gap)))
            gap.clear()

        def close_span():
            words = span_text
            if words and gap and gap[0][0] == " ":
                # The space after a word goes with it: as a glyph of the span's font it copies
                # out as a space, where a lone space between two fonts may be lost.
                words += " "
                del gap[0]
            if words:
                parts.append(f'<span class="dv{span_alias}">{escape(words)}</span>')

        for match in _SYLLABLE.finditer(text):
            syllable = match.group(0)
            gap.extend((char, False) for char in text[position : match.start()])
            position = match.end()
            if len(syllable) == 1:
                gap.append((syllable, True))
                continue
            alias = self._alias(syllable)
            if span_text and alias == span_alias and self._can_join(alias, gap):
                self.alias_chars[alias].update(char for char, single in gap if single)
                self.joined[alias].update(char for char, single in gap if single)
                span_text += "".join(char for char, _ in gap) + syllable
                gap.clear()
            else:
                close_span()
                flush_gap()
                span_alias, span_text = alias, syllable
        gap.extend((char, False) for char in text[position:])
        close_span()
        flush_gap()
        return mark_safe("".join(parts))  # noqa: S308 - every piece escaped above


def statement_html(text, markup=None):
    """The stored statement as HTML paragraphs, every character escaped."""
    markup = markup or DevanagariMarkup()
    paragraphs = (markup(para) for para in re.split(r"\n\s*\n", text.strip()) if para)
    return mark_safe("".join(f'<p class="cert-statement">{para}</p>' for para in paragraphs))  # noqa: S308 - escaped


# Any of the eight masks gives a valid code; segno would otherwise score all eight (~3 ms a render).
QR_MASK = 2


def qr_data_uri(url):
    # A PNG, not SVG: WeasyPrint parses an SVG QR's long path on every render (~25 ms). One pixel
    # per module: the CSS scales it with `image-rendering: pixelated` (no interpolation in the PDF),
    # so it prints as sharp as a larger PNG, which WeasyPrint would decode and re-encode each time.
    import segno  # here, not at the top: web workers that never render a PDF need not load it (~10 MB)

    return segno.make(url, error="m", mask=QR_MASK).png_data_uri(scale=1, border=1)


def format_score(score):
    if score is None:
        return ""
    return f"{score:.0f}%" if float(score).is_integer() else f"{score:.1f}%"


def media_url(path):
    return f"{settings.MEDIA_URL}{path}" if path else ""


@lru_cache(maxsize=1)
def _certificate_template():
    return get_template("certificates/pdf/certificate.html")


HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
DEFAULT_PALETTE = ("#1f3a5f", "#b8860b")
PALETTE_CSS = """
.certificate h1, .cert-academy {{ color: {primary}; }}
.layout-classic main {{ border-color: {primary}; outline-color: {accent}; }}
.layout-band main {{ border-left-color: {primary}; }}
.layout-plain h1 {{ border-bottom-color: {accent}; }}
"""


def palette_css(primary_colour, accent_colour):
    """An academy's colours as a stylesheet of their own.

    WeasyPrint parses it once per palette (core.pdf.inline_stylesheet); CSS variables in the
    page would be resolved again on every render (about 1 ms). The colours are validated on
    the template; anything else falls back to the default palette rather than reaching CSS.
    """
    if not (HEX_COLOUR.fullmatch(primary_colour or "") and HEX_COLOUR.fullmatch(accent_colour or "")):
        primary_colour, accent_colour = DEFAULT_PALETTE
    return PALETTE_CSS.format(primary=primary_colour, accent=accent_colour)


# Whitespace between tags that holds a line break only lays out as empty anonymous boxes.
_BETWEEN_TAGS = re.compile(r">\s*\n\s*<")


def certificate_html(cert):
    markup = DevanagariMarkup()
    context = {
        "cert": cert,
        "name_hi_html": markup(cert.recipient_name_devanagari),
        "title_html": markup(cert.title),
        "statement_html": statement_html(cert.statement, markup),
        "logo_url": media_url(cert.logo_path),
        "signatories": [
            {**signatory, "signature_url": media_url(signatory.get("signature", ""))} for signatory in cert.signatories
        ],
        "verify_url": cert.verify_url,
        "qr": qr_data_uri(cert.verify_url),
        "hours": format_hours(cert.hours),
        "score": format_score(cert.score),
    }
    return _BETWEEN_TAGS.sub("><", _certificate_template().render(context))


def render_certificate(cert, *, primary_colour, accent_colour):
    """Render a certificate (with its frozen values set) to PDF bytes and their SHA-256."""
    body = render_pdf(
        certificate_html(cert),
        stylesheets=STYLESHEETS,
        inline_css=(palette_css(primary_colour, accent_colour),),
    )
    return body, hashlib.sha256(body).hexdigest()


def sample_certificate(**values):
    """An unsaved certificate with every printed field filled, for a warm-up render or a test."""
    today = timezone.localdate()
    fields = {
        "kind": "attendance",
        "serial": "COLQ-0000-000000",
        "verification_code": "sample-certificate-code",
        "recipient_name": "Sample Recipient",
        "recipient_name_devanagari": "पूर्वाभ्यास",
        "title": "Sample programme",
        "start_date": today,
        "end_date": today,
        "hours": 0,
        "academy_name": "Colloquium",
        "academy_code": "COLQ",
        "heading": "Certificate",
        "statement": "Sample wording.",
        "layout": "classic",
        "issued_at": timezone.now(),
        "signatories": [{"name": "Director", "designation": "Director", "signature": ""}],
    }
    return Certificate(**{**fields, **values})


def warm_up():
    """Do what a process's first render does: import WeasyPrint, build the font configuration,
    parse the stylesheets, load the fonts (Latin and Devanagari) and the template. About 0.6 s
    once, which a task worker pays at start instead of on the first certificate of a batch."""
    render_certificate(sample_certificate(), primary_colour=DEFAULT_PALETTE[0], accent_colour=DEFAULT_PALETTE[1])


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
