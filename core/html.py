"""The one place where user-written HTML is cleaned.

Every view, template, API serializer and admin preview that shows HTML typed
by a user goes through `clean_html` (or the `|clean_html` filter), with a strict
allow-list: no script, style, event handlers, iframes, forms or non-http(s)
URLs. Links get rel="nofollow noopener noreferrer".
"""

import bleach
from bleach.linkifier import Linker
from django.utils.safestring import mark_safe

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "a", "abbr", "code"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title"], "abbr": ["title"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener noreferrer"


def _set_rel(attrs, new=False):
    attrs[(None, "rel")] = LINK_REL
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
)
_linker = Linker(callbacks=[_set_rel], parse_email=False)


def clean_html(value):
    """Return safe HTML; cleaning the result again changes nothing."""
    if not value:
        return mark_safe("")  # noqa: S308 - empty string
    cleaned = _cleaner.clean(str(value))
    # Add rel to every surviving link (linkify would also turn bare URLs into links).
    cleaned = _linker.linkify(cleaned)
    return mark_safe(cleaned)  # noqa: S308 - output of the allow-list cleaner
