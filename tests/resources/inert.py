"""Assert that attack payloads come out of a rendered page as text, never as markup that runs."""

from html.parser import HTMLParser

MARKER = "xss-marker"
PAYLOAD = (
    f'"><script>alert("{MARKER}")</script><img src=x onerror=alert("{MARKER}")>'
    f'<a href="javascript:alert(\'{MARKER}\')">{MARKER}</a><svg onload=alert("{MARKER}")>'
)
FORBIDDEN_TAGS = {"script", "svg", "math", "style", "iframe", "object", "embed", "base", "form", "meta"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and MARKER in value:
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src") and value.strip().lower().startswith(BAD_SCHEMES):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag in FORBIDDEN_TAGS and any(MARKER in (v or "") for _, v in attrs):
            self.problems.append(f"<{tag}> with payload")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and MARKER in data:
            self.problems.append("script running the payload")


def problems(html):
    collector = _Collector()
    collector.feed(html)
    return collector.problems


def assert_inert(html, *, expect_marker=True):
    found = problems(html)
    assert not found, found
    if expect_marker:
        assert MARKER in html, "the payload text should still be shown (escaped)"
