"""core.devanagari: the font aliases a document may use, and the stylesheet that defines them."""

import re
from pathlib import Path

from core.devanagari import DEVANAGARI_ALIASES, MAX_ALIASES, DevanagariMarkup

CSS = Path(__file__).resolve().parents[2] / "core" / "static" / "core" / "devanagari.css"
# Syllables that all share क: each needs an alias of its own.
CLASHING = ["कि", "की", "कु", "कू", "के", "कै", "को", "कौ", "का", "कं", "क्र", "क्ष", "क्त", "क्य", "क्व", "क्ल"]
CLASHING += ["कः", "कॅ", "कॉ", "कृ", "क्न", "क्म", "क्स", "क्ट"]


def aliases_used(markup, words):
    return [int(alias) for alias in re.findall(r'class="dv(\d+)"', markup(" ".join(words)))]


def test_a_document_uses_sixteen_aliases_unless_given_more():
    assert len(CLASHING) > DEVANAGARI_ALIASES
    assert max(aliases_used(DevanagariMarkup(), CLASHING)) == DEVANAGARI_ALIASES - 1  # wrapped round
    wide = aliases_used(DevanagariMarkup(aliases=MAX_ALIASES), CLASHING)
    assert sorted(set(wide)) == list(range(len(CLASHING)))  # each clashing syllable its own alias
    assert DevanagariMarkup(aliases=10 * MAX_ALIASES).aliases == MAX_ALIASES  # never more than the CSS defines


def test_the_stylesheet_defines_every_alias_from_the_one_noto_file():
    css = CSS.read_text()
    for n in range(MAX_ALIASES):
        assert (
            f'@font-face {{ font-family: "Deva{n}"; src: url("/static/core/fonts/NotoSansDevanagari-Regular.ttf"); }}'
            in css
        )
        assert f'.dv{n} {{ font-family: "Deva{n}", "Noto Sans Devanagari"; }}' in css
    assert f"Deva{MAX_ALIASES}" not in css
