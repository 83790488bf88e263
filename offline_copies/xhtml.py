"""HTML fragments written again as well-formed XHTML, which EPUB content documents must be.

The lesson HTML comes from our own block templates and Wagtail's rich text (itself cleaned on
save), so this is a re-serialisation, not a sanitiser: void elements are closed (`<br />`),
character references become characters, attribute values are quoted and escaped, end tags left
open are closed in order and stray ones dropped, comments and doctypes left out.
"""

import re
from html import escape
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_XML_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
# Characters XML 1.0 does not allow anywhere, not even as references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _text(value):
    return _NOT_XML.sub("", value)


class _Writer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.open = [], []

    def _start(self, tag, attrs, closed):
        if not _XML_NAME.match(tag):
            return  # not a name XML allows (a prefix, a stray character): the tag goes, its text stays
        kept = {}
        for name, value in attrs:
            if _XML_NAME.match(name) and name not in kept:  # XML allows each attribute once
                kept[name] = value if value is not None else name
        attributes = "".join(f' {name}="{escape(_text(value), quote=True)}"' for name, value in kept.items())
        if tag in VOID or closed:
            self.out.append(f"<{tag}{attributes} />")
        else:
            self.out.append(f"<{tag}{attributes}>")
            self.open.append(tag)

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, closed=True)

    def handle_endtag(self, tag):
        if tag in VOID or not _XML_NAME.match(tag) or tag not in self.open:
            return
        while self.open:
            current = self.open.pop()
            self.out.append(f"</{current}>")
            if current == tag:
                break

    def handle_data(self, data):
        self.out.append(escape(_text(data), quote=False))

    def result(self):
        self.close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")
        return "".join(self.out)


# "<!" that does not open a comment (a doctype, CDATA, a marked section): read as text. Python's
# parser stops with an AssertionError on some of them (`<![>`, found by the shared attack corpus).
_DECLARATION = re.compile(r"<!(?!--)")


def to_xhtml(html):
    """`html` (a fragment) as a well-formed XHTML fragment."""
    writer = _Writer()
    try:
        writer.feed(_DECLARATION.sub("&lt;!", str(html)))
        return writer.result()
    except AssertionError:  # markup Python's parser gives up on: kept as text, never as markup
        return escape(_text(str(html)), quote=False)
