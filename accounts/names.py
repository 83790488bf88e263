"""Text that prints on certificates (name, name in Devanagari, designation, court or office).

What is stored must be what shows. Text is normalised to NFC, and characters that change how
text reads without showing themselves are refused: bidirectional controls (a right-to-left
override can make "Sharma" print as "amrahS" or reorder words), zero-width and other invisible
format characters, control characters, private-use and unassigned code points. The zero-width
joiner and non-joiner are kept between two Devanagari characters, where they are part of
correct spelling (क्‍ष, half forms); anywhere else they only hide something.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Explicit direction marks, embeddings, overrides and isolates.
BIDI_CONTROLS = frozenset(
    [*map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A)), "\u200e", "\u200f", "\u061c"]
)
ZWNJ, ZWJ = "\u200c", "\u200d"
# Unicode categories of characters that do not show: format, control, private use, unassigned,
# surrogates, and the line and paragraph separators.
INVISIBLE_CATEGORIES = frozenset({"Cf", "Cc", "Co", "Cn", "Cs", "Zl", "Zp"})
# Soft hyphen is Cf already; named here because it is the one people paste most often.
INVISIBLE_NAMED = frozenset({"\u00ad"})
DEVANAGARI_RANGES = ((0x0900, 0x097F), (0xA8E0, 0xA8FF))


def is_devanagari(char):
    return any(low <= ord(char) <= high for low, high in DEVANAGARI_RANGES)


def describe(char):
    """The code point and its Unicode name, e.g. U+202E RIGHT-TO-LEFT OVERRIDE."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".strip()


def _joiner_allowed(text, index):
    return 0 < index < len(text) - 1 and is_devanagari(text[index - 1]) and is_devanagari(text[index + 1])


def problem_in(text):
    """The first character that may not print, with the reason in plain words, or None."""
    for index, char in enumerate(text):
        if char in BIDI_CONTROLS:
            return _(
                "Remove the hidden text-direction character %(char)s: it can make the text "
                "print differently from what is stored. Type the text again rather than pasting it."
            ) % {"char": describe(char)}
        if char in (ZWJ, ZWNJ):
            if _joiner_allowed(text, index):
                continue
            return _(
                "Remove the invisible character %(char)s: it is allowed only between two "
                "Devanagari letters. Type the text again rather than pasting it."
            ) % {"char": describe(char)}
        if char in INVISIBLE_NAMED or unicodedata.category(char) in INVISIBLE_CATEGORIES:
            return _(
                "Remove the invisible or control character %(char)s: it would not show on "
                "the certificate. Type the text again rather than pasting it."
            ) % {"char": describe(char)}
    return None


def clean_printed_text(value):
    """Normalise `value` to NFC and return it; raise ValidationError if it holds a character
    that may not print (see the module docstring)."""
    text = unicodedata.normalize("NFC", value or "")
    problem = problem_in(text)
    if problem:
        raise ValidationError(problem, code="hidden_character")
    return text


def validate_printed_text(value):
    """Model and form field validator: refuses what clean_printed_text refuses."""
    clean_printed_text(value)


class PrintedTextField(forms.CharField):
    """A form field for text that prints on certificates: normalised to NFC, hidden characters refused."""

    default_validators = [validate_printed_text]

    def to_python(self, value):
        value = super().to_python(value)
        return unicodedata.normalize("NFC", value) if value else value
