"""A lesson body as HTML for a copy: the page's own block templates (statute, case law, key points,
headings), with what cannot work off line replaced and every link made absolute."""

import re

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

EMBED_TEMPLATE = "offline_copies/blocks/embed.html"
_HEADING = re.compile(r"<(/?)h([1-5])\b", re.IGNORECASE)
# Links on the site are written from the site root; a copy is read away from it.
_SITE_LINK = re.compile(r"""(\shref=["'])/(?!/)""")


def absolute_links(html):
    return _SITE_LINK.sub(lambda m: f"{m.group(1)}{settings.SITE_URL}/", html)


def demote_headings(html, by):
    """Move every heading `by` levels down (a lesson's h2 is an h3 inside a whole module)."""
    if not by:
        return html
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + by, 6)}", html)


def body_html(lesson, *, demote=0):
    """The lesson's body as safe HTML. A video cannot play on paper or an e-reader: its address is printed."""
    parts = []
    for block in lesson.body:
        if block.block_type == "embed":
            # Only the URL: reading the embed's HTML would ask the video site for it.
            parts.append(render_to_string(EMBED_TEMPLATE, {"url": getattr(block.value, "url", "")}))
        else:
            parts.append(str(block.render()))
    return mark_safe(demote_headings(absolute_links("".join(parts)), demote))  # noqa: S308 - block templates escape
