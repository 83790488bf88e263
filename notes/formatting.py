"""A note's text as HTML: plain text with a little formatting any textarea can type, no editor script.

- a blank line starts a new paragraph; a single line break stays a line break;
- lines starting with "- " or "* " make a bulleted list, lines starting with "1. " a numbered one;
- **bold** and _italic_; web addresses become links.

The text is escaped first and the result passes `core.html.clean_html`, the project's one cleaner,
so nothing typed can become markup beyond these.
"""

import html
import re

from core.html import clean_html

BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
ITALIC = re.compile(r"(?<![\w*])_(?=\S)(.+?)(?<=\S)_(?!\w)")


def _inline(text):
    text = BOLD.sub(r"<strong>\1</strong>", html.escape(text, quote=False))
    return ITALIC.sub(r"<em>\1</em>", text)


def _block(lines):
    if all(BULLET.match(line) for line in lines):
        items = "".join(f"<li>{_inline(BULLET.match(line).group(1))}</li>" for line in lines)
        return f"<ul>{items}</ul>"
    if all(NUMBERED.match(line) for line in lines):
        items = "".join(f"<li>{_inline(NUMBERED.match(line).group(1))}</li>" for line in lines)
        return f"<ol>{items}</ol>"
    return "<p>" + "<br>".join(_inline(line) for line in lines) + "</p>"


def note_html(text):
    """The cleaned HTML of a note's text (safe to show)."""
    blocks, current = [], []
    for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return clean_html("".join(_block(lines) for lines in blocks))
