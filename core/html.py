"""The one place where user-written HTML is cleaned.

Every view, template, API serializer and admin preview that shows HTML typed
by a user goes through `clean_html` (or the `|clean_html` filter), with a strict
allow-list: no script, style, event handlers, iframes, forms or non-http(s)
URLs. Links get rel="nofollow noopener noreferrer".
"""

import html
import re
from functools import lru_cache

from django.utils.safestring import mark_safe

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "a", "abbr", "code"}
)
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\xa0\u200b-\u200f\u2028\u2029\ufeff]+")


def safe_href(value):
    """True for relative URLs and http(s)/mailto ones.

    bleach's own check parses URLs with urllib, which reads "javascript:123" as a
    host and port and lets it through; this looks at the scheme as a browser would,
    after entities and invisible characters are removed.
    """
    candidate = _INVISIBLE.sub("", html.unescape(value or ""))
    match = _SCHEME.match(candidate)
    return match is None or match.group(1).lower() in ALLOWED_PROTOCOLS


def _allowed_attribute(tag, name, value):
    if tag == "a" and name == "href":
        return safe_href(value)
    return name == "title" and tag in {"a", "abbr"}


ALLOWED_ATTRIBUTES = {"a": _allowed_attribute, "abbr": _allowed_attribute}
LINK_REL = "nofollow noopener noreferrer"


def _set_rel(attrs, new=False):
    attrs[(None, "rel")] = LINK_REL
    return attrs


@lru_cache(maxsize=1)
def _sanitizers():
    # bleach and the html5lib it vendors add about 2 MB to a Django process: loaded by the first
    # one that cleans HTML, not by every one that imports a model (task workers mostly never do).
    import bleach
    from bleach.linkifier import Linker

    cleaner = bleach.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    return cleaner, Linker(callbacks=[_set_rel], parse_email=False)


def clean_html(value):
    """Return safe HTML; cleaning the result again changes nothing."""
    if not value:
        return mark_safe("")  # noqa: S308 - empty string
    cleaner, linker = _sanitizers()
    cleaned = cleaner.clean(str(value))
    # Add rel to every surviving link (linkify would also turn bare URLs into links).
    cleaned = linker.linkify(cleaned)
    return mark_safe(cleaned)  # noqa: S308 - output of the allow-list cleaner
