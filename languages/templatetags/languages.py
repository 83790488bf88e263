from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from ..addresses import in_language, strip_language
from ..middleware import NOT_TRANSLATED

register = template.Library()


def _translatable(request):
    return request is not None and not request.path.startswith(NOT_TRANSLATED)


@register.inclusion_tag("languages/switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language, each through the switch that remembers the choice."""
    request = context.get("request")
    current = translation.get_language()
    here = request.get_full_path() if request is not None else "/"
    links = []
    for code, name in settings.LANGUAGES:
        links.append(
            {
                "code": code,
                "name": name,
                "current": code == current,
                "url": f"{reverse('languages:switch', args=[code])}?{urlencode({'next': here})}",
            }
        )
    return {"links": links if _translatable(request) else []}


@register.inclusion_tag("languages/alternates.html", takes_context=True)
def language_alternates(context):
    """<link rel=canonical> and one rel=alternate hreflang per language (x-default: English).

    A page shown in English under /hi/ because it has no translation names the English address
    as canonical: there is one text, so one address to index."""
    request = context.get("request")
    if not _translatable(request):
        return {}
    page = context.get("page")
    bare, _language = strip_language(request.path)
    alternates = [(code, request.build_absolute_uri(in_language(bare, code))) for code, _name in settings.LANGUAGES]
    canonical_language = translation.get_language()
    if getattr(page, "translation_missing", False):
        canonical_language = settings.LANGUAGE_CODE
    return {
        "canonical": request.build_absolute_uri(in_language(bare, canonical_language)),
        "alternates": alternates,
        "default": request.build_absolute_uri(bare),
    }


@register.simple_tag
def address_in_language(path, language=None):
    """`path` (an English address) in `language`, the current one by default: {% address_in_language '/' %}."""
    return in_language(path, language or translation.get_language())
