"""Text in templates that no translation tag covers: what `make test` refuses.

A template is read with Django's own lexer. Translated parts ({% translate %}, {% blocktranslate
%}…{% endblocktranslate %}), variables and other tags become a placeholder, comments and
<script>/<style> bodies are dropped, and what is left is read as HTML: any text between tags,
and any alt, title, placeholder, aria-label or button value, that still holds a word is
reported with its line. Words that are the same in every language (the platform's name, the
abbreviations of Acts, file formats) are allowed.
"""

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.template.base import Lexer, TokenType

PLACEHOLDER = "\x00"
# Spaces around it keep a tag inside an HTML tag (`<h1{% if x %} class="y"{% endif %}>`) readable as HTML.
TOKEN = f" {PLACEHOLDER} "
CHECKED_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "aria-description", "label"}
BUTTON_TYPES = {"submit", "button", "reset"}
# The same in English and Hindi text: names, abbreviations of Acts and bodies, formats.
SAME_IN_EVERY_LANGUAGE = {
    "Colloquium",
    "BNS",
    "BNSS",
    "BSA",
    "IPC",
    "CrPC",
    "IEA",
    "ITPA",
    "POCSO",
    "JJ",
    "NALSA",
    "SLSA",
    "DLSA",
    "MHA",
    "NCRB",
    "AHTU",
    "AHTUs",
    "CSO",
    "CSOs",
    "UC",
    "PDF",
    "CSV",
    "ICS",
    "EPUB",
    "QR",
    "API",
    "OTP",
    "TOTP",
    "URL",
    "ID",
    "IST",
    "UTC",
    "Rs",
    "Open",
    "Badges",
    "JSON",
    "SAARC",
    "THOTA",
    "CALPRA",
    "PCMA",
    "IT",
    "English",
    "हिन्दी",
    "SHA",
    "SHA-256",
    "x",
    "×",
    "–",
    "—",
    "·",
    "…",
    "a.m.",
    "p.m.",
}
WORD = re.compile(r"[A-Za-z][A-Za-z'’.\-]*")
QUOTED_WITH = re.compile(r"""\b(\w+)=(?<!_\()(["'])([^"']*)\2""")


@dataclass(frozen=True)
class Untranslated:
    template: str
    line: int
    text: str

    def __str__(self):
        return f"{self.template}:{self.line}: {self.text!r}"


MARKUP = re.compile(r"""</?[A-Za-z][\w-]*|[\w-]+=("[^"]*"|'[^']*')|%\(\w+\)[sd]""")


def english_words(text):
    # Markup left by a tag name or attribute a template tag chose is not text:
    # `<{% if a %}a{% else %}button{% endif %}`.
    text = MARKUP.sub(" ", html.unescape(text.replace(PLACEHOLDER, " ")))
    words = (word.strip(".-'’") for word in WORD.findall(text))
    return [word for word in words if len(word) > 1 and word not in SAME_IN_EVERY_LANGUAGE]


def _flattened(source):
    """The template as HTML with translated parts, tags and variables as placeholders, and each
    character's line kept (a list of line numbers parallel to the string)."""
    out, lines = [], []
    skipping = None  # the end tag we skip to: endblocktranslate, endcomment, endverbatim
    literal_args = []
    for token in Lexer(source).tokenize():
        if skipping:
            if token.token_type == TokenType.BLOCK and token.contents.split()[0] == skipping:
                skipping = None
                out.append(TOKEN)
                lines.append(token.lineno)
            continue
        if token.token_type == TokenType.TEXT:
            out.append(token.contents)
            lines.extend([token.lineno + token.contents[:i].count("\n") for i in range(len(token.contents))][:0])
            lines.append((token.lineno, token.contents))
            continue
        if token.token_type == TokenType.BLOCK:
            name = token.contents.split()[0]
            if name in ("blocktranslate", "blocktrans"):
                skipping = "endblocktranslate" if name == "blocktranslate" else "endblocktrans"
            elif name == "comment":
                skipping = "endcomment"
            elif name == "verbatim":
                skipping = "endverbatim"
            elif name == "block" and token.contents.split()[-1].endswith("class"):
                skipping = "endblock"  # a class name filled into base.html's attribute
            if name == "include":
                for key, _quote, value in QUOTED_WITH.findall(token.contents):
                    if len(english_words(value)) >= 2 and "/" not in value:
                        literal_args.append((token.lineno, f"{key}={value}"))
        out.append(TOKEN)
        lines.append(token.lineno)
    return out, lines, literal_args


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        attrs = dict(attrs)
        for name, value in attrs.items():
            checked = name in CHECKED_ATTRIBUTES or (
                name == "value" and tag == "input" and attrs.get("type") in BUTTON_TYPES
            )
            if checked and value and english_words(value):
                self.found.append((self.getpos()[0], f'{name}="{value.replace(PLACEHOLDER, "…")}"'))

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if f"<{TOKEN}" in data or '="' in data:
            return  # a tag whose name a template tag chooses (`<{% if href %}a…{% else %}button{% endif %}>`)
        if not self.hidden and english_words(data):
            self.found.append((self.getpos()[0], " ".join(data.replace(PLACEHOLDER, "…").split())))


def untranslated_text(source, name="<template>", is_html=True):
    """Untranslated text in template `source` (a list of Untranslated)."""
    parts, _lines, literal_args = _flattened(source)
    # Line numbers: the flattened text keeps every newline of the TEXT tokens but not those
    # inside tags, so each text's line is found again from the tokens.
    text_lines = [line for line in _lines if isinstance(line, tuple)]
    flat = "".join(parts)
    found = [Untranslated(name, line, text) for line, text in literal_args]
    if is_html:
        reader = _Reader()
        reader.feed(flat)
        reader.close()
        for flat_line, text in reader.found:
            found.append(Untranslated(name, _source_line(text_lines, text, flat_line), text))
    else:
        for token_line, contents in text_lines:
            if english_words(contents):
                found.append(Untranslated(name, token_line, " ".join(contents.split())))
    return found


def _source_line(text_lines, text, fallback):
    first = text.split("…")[0].strip()[:30]
    for line, contents in text_lines:
        if first and first in " ".join(contents.split()):
            return line + contents[: contents.find(first.split()[0])].count("\n") if first.split() else line
    return fallback


def project_templates(base_dir):
    """Every template of the project's own apps and site folder (not the installed libraries')."""
    base = Path(base_dir)
    skip = {".venv", "node_modules", "static", "media", "tests", "bench", "ops", "demo", "docs"}
    for path in sorted(base.rglob("templates/**/*")):
        relative = path.relative_to(base)
        if relative.parts[0] in skip or not path.is_file():
            continue
        if path.suffix in (".html", ".txt", ".ics", ".xml") and path.name != "robots.txt":
            yield path


def scan_project(base_dir):
    found = []
    for path in project_templates(base_dir):
        source = path.read_text(encoding="utf-8")
        found.extend(untranslated_text(source, str(path.relative_to(base_dir)), is_html=path.suffix == ".html"))
    return found
