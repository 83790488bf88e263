"""Certificate and transcript PDFs, rendered through core.pdf (sandboxed WeasyPrint).

Editor wording is plain text: `fill_wording` escapes it and fills only the fixed
placeholders with escaped values, so neither an editor nor a user's name can inject
markup or make the renderer fetch anything (and core.pdf refuses all but our own
static and media files anyway).
"""

import hashlib
import io
import re
from functools import lru_cache

from django.conf import settings
from django.template.defaultfilters import date as date_filter
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from core.devanagari import MAX_ALIASES, DevanagariMarkup
from core.formatting import format_hours
from core.pdf import render_pdf

from .models import PLACEHOLDER_RE, Certificate

STYLESHEETS = ("certificates/pdf.css",)
# A certificate with Hindi text: a paragraph of Devanagari needs more font aliases than a name.
HINDI_STYLESHEETS = ("core/devanagari.css", "certificates/pdf.css")


EMPTY_ITEMS_RE = re.compile(r",(?:[ \t]*,)+")
COMMA_BEFORE_NE_RE = re.compile(r",([ \t]+ने)(?![\u0900-\u097f])")


def fill_wording(text, values):
    """Fill the known {placeholders} of plain `text`; the result is stored and escaped when printed."""
    filled = PLACEHOLDER_RE.sub(lambda match: str(values.get(match.group(1), "")), text)
    # An empty item of a list ("{name}, {designation}, {court}," with no designation) leaves no
    # stray comma: "Rekha Soren, , attended" reads "Rekha Soren, attended", and in Hindi the comma
    # before the postposition goes too ("रेखा सोरेन ने").
    filled = EMPTY_ITEMS_RE.sub(",", filled)
    return re.sub(r"[ \t]{2,}", " ", COMMA_BEFORE_NE_RE.sub(r"\1", filled))


def statement_html(text, markup=None, *, extra=""):
    """The stored statement as HTML paragraphs, every character escaped."""
    markup = markup or DevanagariMarkup()
    paragraphs = (markup(para) for para in re.split(r"\n\s*\n", text.strip()) if para)
    attributes = f'class="cert-statement{extra}"' + (' lang="hi"' if extra else "")
    return mark_safe("".join(f"<p {attributes}>{para}</p>" for para in paragraphs))  # noqa: S308 - escaped


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


PRINT_IMAGE_PX = 800  # an emblem printed 24 mm high is still ~850 dpi


def print_ready_image(body):
    """An emblem or signature as (JPEG bytes, ".jpg"), flattened onto white and at most 800 px,
    or None when Pillow cannot read it (an SVG, say: then it is kept as uploaded).

    WeasyPrint embeds a JPEG as it is, but decodes and re-compresses a PNG (and its alpha
    channel) on every render: an emblem and a signature as PNGs made a certificate render
    about 60% slower. The page behind them is white, so nothing is lost by flattening.
    """
    from PIL import Image, UnidentifiedImageError  # here: only issuing needs it

    try:
        image = Image.open(io.BytesIO(body))
        if image.format == "JPEG" and image.mode == "RGB" and max(image.size) <= PRINT_IMAGE_PX:
            return body, ".jpg"
        image.thumbnail((PRINT_IMAGE_PX, PRINT_IMAGE_PX))
        rgba = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return None
    flat = Image.new("RGB", rgba.size, "white")
    flat.paste(rgba, mask=rgba.getchannel("A"))
    out = io.BytesIO()
    flat.save(out, format="JPEG", quality=92, subsampling=0, optimize=True)
    return out.getvalue(), ".jpg"


def media_url(path):
    return f"{settings.MEDIA_URL}{path}" if path else ""


@lru_cache(maxsize=1)
def _certificate_template():
    return get_template("certificates/pdf/certificate.html")


HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
DEFAULT_PALETTE = ("#1f3a5f", "#b8860b")
PALETTE_CSS = """
.certificate h1, .cert-academy {{ color: {primary}; }}
.cert-name {{ border-bottom-color: {accent}; }}
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


# (characters up to which a size fits, its class): past the last, the smallest class is used.
NAME_SIZES = ((32, ""), (48, "name-long"), (80, "name-longer"), (None, "name-longest"))
NAME_HI_SIZES = ((36, ""), (70, "name-hi-long"), (None, "name-hi-longer"))
STATEMENT_SIZES = ((340, ""), (560, "statement-long"), (None, "statement-longer"))
DEVANAGARI = re.compile("[\u0900-\u097f]")


def _size(text, steps):
    return next(name for limit, name in steps if limit is None or len(text or "") <= limit)


def size_classes(cert):
    """The classes that step the name, the Devanagari name and the wording down as they grow
    (a name may be 150 characters), so that every certificate is exactly one page."""
    language = getattr(cert, "language", "en") or "en"
    if language == "hi":
        statement = _size(cert.statement_hi, STATEMENT_SIZES)
    elif language == "both":
        # Two statements share the page: "lang-both" sets them smaller, and the longer one steps both down.
        statement = "lang-both " + _size(max(cert.statement, cert.statement_hi, key=len), STATEMENT_SIZES)
    else:
        statement = _size(cert.statement, STATEMENT_SIZES)
    classes = (
        _size(cert.recipient_name, NAME_SIZES),
        "name-deva" if DEVANAGARI.search(cert.recipient_name or "") else "",
        _size(cert.recipient_name_devanagari, NAME_HI_SIZES),
        statement.strip(),
    )
    return " ".join(name for name in classes if name)


def certificate_html(cert):
    language = getattr(cert, "language", "en") or "en"
    if language == "en":
        return _certificate_html(cert, "en", DevanagariMarkup())
    # Hindi wording needs more glyph maps than the 16 a name needs (core/devanagari.css has them).
    return _certificate_html(cert, language, DevanagariMarkup(aliases=MAX_ALIASES))


def _printed_lines(cert, hindi, title, dates, hours, score):
    """The facts line and the serial line in the certificate's language, as plain text."""
    with translation.override("hi" if hindi else "en"):
        programme, dates_label, hours_label = gettext("Programme:"), gettext("Dates:"), gettext("Hours:")
        facts = [f"{programme} {title}", f"{dates_label} {dates}", f"{hours_label} {hours}"]
        if score:
            score_label = gettext("Score:")
            facts.append(f"{score_label} {score}")
        serial = gettext("Certificate no. %(serial)s · Issued %(date)s") % {
            "serial": cert.serial,
            "date": date_filter(timezone.localtime(cert.issued_at), "j F Y"),
        }
        return " · ".join(facts), serial, gettext("Verify:")


def _certificate_html(cert, language, markup):
    post = ", ".join(part for part in (cert.designation, cert.court_or_office) if part)
    hindi = language == "hi"
    hours, score = format_hours(cert.hours), format_score(cert.score)
    # Every printed line goes through the one markup, so Devanagari labels copy out as typed too.
    facts, serial, verify_label = _printed_lines(
        cert,
        hindi,
        cert.title_hi if hindi else cert.title,
        cert.dates_display_hi if hindi else cert.dates_display,
        hours,
        score,
    )
    context = {
        "cert": cert,
        "language": language,
        "sizes": size_classes(cert),
        # Any printed line may be in Devanagari (a Hindi template, an academy's Hindi name).
        "academy_html": markup(cert.academy_name),
        "heading_html": markup(cert.heading_hi if hindi else cert.heading),
        "heading_hi_html": markup(cert.heading_hi) if language == "both" else "",
        "name_html": markup(cert.recipient_name),
        "name_in_devanagari": bool(DEVANAGARI.search(cert.recipient_name or "")),
        "post_html": markup(post),
        "name_hi_html": markup(cert.recipient_name_devanagari),
        "statement_html": statement_html(cert.statement_hi if hindi else cert.statement, markup),
        "statement_hi_html": (
            statement_html(cert.statement_hi, markup, extra=" cert-statement-hi") if language == "both" else ""
        ),
        "facts_html": markup(facts),
        "serial_html": markup(serial),
        "verify_label_html": markup(verify_label),
        "logo_url": media_url(cert.logo_path),
        "signatories": [
            {**signatory, "signature_url": media_url(signatory.get("signature", ""))} for signatory in cert.signatories
        ],
        "verify_url": cert.verify_url,
        "qr": qr_data_uri(cert.verify_url),
    }
    # The alt texts and metadata are in the certificate's language too, whatever the language of
    # the page that issues it (a bilingual certificate's are English: its Hindi is the wording).
    with translation.override("hi" if hindi else "en"):
        html = _certificate_template().render(context)
    return _BETWEEN_TAGS.sub("><", html)


def render_certificate(cert, *, primary_colour, accent_colour):
    """Render a certificate (with its frozen values set) to PDF bytes and their SHA-256."""
    english = (getattr(cert, "language", "en") or "en") == "en"
    body = render_pdf(
        certificate_html(cert),
        stylesheets=STYLESHEETS if english else HINDI_STYLESHEETS,
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
    """The transcript in the active language (the request's)."""
    html = render_to_string(
        "certificates/pdf/transcript.html",
        {
            "user": user,
            "certificates": certificates,
            "total_hours": format_hours(total_hours),
            "generated_at": generated_at,
            "site_url": settings.SITE_URL,
            "in_hindi": translation.get_language() == "hi",
        },
    )
    return render_pdf(html, stylesheets=STYLESHEETS)
