"""Devanagari that copies out of a PDF as the same characters.

WeasyPrint maps each glyph of a font to one Unicode string for the whole document. In
Devanagari a glyph's text depends on its syllable (a reph or a pre-base matra is drawn out
of logical order), so a glyph reused in another syllable copies out wrong, e.g. वर्मा as
वमर्मा. Giving each syllable its own font name (aliases of the one Noto file, embedded once)
gives each syllable its own glyph map, and text extraction returns the typed characters.

Every PDF that prints Devanagari (certificates, e-tickets, name badges) sets it with
`DevanagariMarkup`; the aliases' @font-face rules and their `dv<N>` classes are in
`core/static/core/devanagari.css`, which the PDF's stylesheets include.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Aliases a document may use: 16 are enough for a certificate or a ticket (a few names and a
# paragraph); a sheet of hundreds of names needs more (`DevanagariMarkup(aliases=...)`).
# core/static/core/devanagari.css defines MAX_ALIASES of them.
DEVANAGARI_ALIASES = 16
MAX_ALIASES = 48
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
    One instance per document, so the name, title and wording are allotted together. Past
    `aliases` the aliases are reused round-robin: the PDF still prints right, but a syllable may
    then copy out wrong.
    """

    def __init__(self, aliases=DEVANAGARI_ALIASES):
        self.aliases = min(aliases, MAX_ALIASES)
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
            self.alias_of[syllable] = free % self.aliases
        return self.alias_of[syllable]

    def _can_join(self, alias, gap):
        if len(self.alias_chars) > self.aliases:  # aliases wrapped round: join nothing more
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
