"""The certificate's HTML: Devanagari font aliases, the palette stylesheet, a flat page."""

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from certificates.pdf import (
    DEFAULT_PALETTE,
    DevanagariMarkup,
    certificate_html,
    palette_css,
    render_certificate,
    sample_certificate,
)

ROOT = Path(__file__).resolve().parents[2]


def aliases(html):
    return [(int(alias), text) for alias, text in re.findall(r'<span class="dv(\d+)">([^<]*)</span>', html)]


def test_a_name_whose_syllables_share_no_character_is_one_span():
    assert DevanagariMarkup()("अंजलि वर्मा") == '<span class="dv0">अंजलि वर्मा</span>'


def test_syllables_sharing_a_character_go_to_different_aliases():
    # की shares क with कि, so it needs a glyph map of its own; the space after a word goes with it.
    assert aliases(DevanagariMarkup()("कि की")) == [(0, "कि "), (1, "की")]
    # A single character keeps the base font unless it joins two spans of one alias.
    assert DevanagariMarkup()("क कि") == 'क <span class="dv0">कि</span>'
    # The same syllable keeps its alias across the document (name, title and wording together).
    markup = DevanagariMarkup()
    markup("कि")
    assert aliases(markup("की कि")) == [(1, "की "), (0, "कि")]


def test_markup_escapes_and_collapses_whitespace():
    html = DevanagariMarkup()("Smt.  <b>\n राम &\n\nश्याम")
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    assert "\n" not in html and "  " not in html


def test_palette_is_a_stylesheet_of_its_own_and_refuses_anything_but_hex():
    css = palette_css("#7a1f1f", "#b8860b")
    assert "#7a1f1f" in css and "#b8860b" in css
    assert palette_css("red;}body{x:url(file:///etc)", "#b8860b") == palette_css(*DEFAULT_PALETTE)
    # The shared stylesheet never resolves variables per render.
    assert "var(" not in (ROOT / "certificates/static/certificates/pdf.css").read_text()


def make_certificate(**values):
    return sample_certificate(
        serial="JSJA-2026-000042",
        verification_code="b" * 22,
        recipient_name="Smt. Test Judge",
        academy_name="Jharkhand State Judicial Academy",
        **values,
    )


def test_html_has_no_line_breaks_between_tags():
    cert = make_certificate(statement="First line\nof one paragraph.\n\nSecond paragraph.")
    html = certificate_html(cert)
    assert not re.search(r">\s*\n\s*<", html)
    assert '<p class="cert-statement">First line of one paragraph.</p><p class="cert-statement">Second' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["श्रीमती अंजलि वर्मा", "कमल कमला", "न्यायमूर्ति ऋतु राज", "प्रज्ञा द्विवेदी", "श्री सुरेश कुमार शर्मा"],
)
def test_devanagari_copies_out_as_typed(name):
    statement = f"प्रमाणित किया जाता है कि {name} ने प्रशिक्षण पूरा किया।"
    cert = make_certificate(recipient_name_devanagari=name, statement=statement)
    body, _ = render_certificate(cert, primary_colour="#1f3a5f", accent_colour="#b8860b")
    text = PdfReader(io.BytesIO(body)).pages[0].extract_text()
    # Every character maps back to what was typed (a shared glyph would copy वर्मा out as
    # वमर्मा). Extractors guess word spaces from glyph positions, and a reph drawn above the
    # next letter fools them into extra spaces, so the comparison ignores whitespace...
    assert "".join(name.split()) in "".join(text.split())
    assert "".join(statement.split()) in "".join(text.split())
    # ...but a space between words in two different fonts is still there.
    assert "जाता है कि" in text
