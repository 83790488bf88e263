"""Devanagari digits (०१२३४५६७८९) for the people who ask for them in their profile.

Official Hindi uses the international numerals (Article 343(1) of the Constitution), so pages
print 0–9 in both languages; someone who prefers Devanagari digits ticks it in their profile
and their Hindi pages show them. Only the text people read changes: markup, attributes, scripts,
form fields and codes (<code>, <kbd>, <samp>, <pre>, and anything marked translate="no", such as
certificate numbers to type elsewhere) keep their digits, so links, forms and codes still work.
Signed-in pages are never cached whole, so this costs nothing for anyone else.
"""

import re

from django.utils import translation

DEVANAGARI = str.maketrans("0123456789", "०१२३४५६७८९")
# Markup between text: a tag, a comment, or a whole element whose text must stay as typed.
KEPT = re.compile(
    r"<(script|style|textarea|pre|code|kbd|samp)\b.*?</\1\s*>"
    r"|<(\w+)[^>]*\btranslate=\"no\"[^>]*>.*?</\2\s*>"
    r"|<!--.*?-->|<[^>]*>",
    re.DOTALL | re.IGNORECASE,
)


def with_devanagari_digits(html):
    """`html` with the digits of its text (not its markup or kept elements) in Devanagari."""
    out, position = [], 0
    for match in KEPT.finditer(html):
        out.append(html[position : match.start()].translate(DEVANAGARI))
        out.append(match.group(0))
        position = match.end()
    out.append(html[position:].translate(DEVANAGARI))
    return "".join(out)


def wants_devanagari_digits(request):
    # The language first: a page in English is left as it is without loading the person who asked for it.
    if translation.get_language() != "hi":
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and getattr(user, "devanagari_digits", False))


class DevanagariDigitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            wants_devanagari_digits(request)
            and not getattr(response, "streaming", False)
            and response.get("Content-Type", "").startswith("text/html")
        ):
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
            response.content = with_devanagari_digits(response.content.decode(response.charset)).encode(
                response.charset
            )
        return response
