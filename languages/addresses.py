"""A path's twin in another language: the one rule for every address (pages and views alike).

English is the default language and has no prefix (/modules/m1/); every other language puts its
code first (/hi/modules/m1/). Query strings go along unchanged.
"""

from django.conf import settings
from django.utils.translation import get_language_from_path

from core.i18n import path_without_language


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def strip_language(path):
    """`path` without its language prefix, and the language it had (the default when none)."""
    bare = path_without_language(path)
    return bare, (get_language_from_path(path) if bare != path else settings.LANGUAGE_CODE)


def in_language(path, language):
    """`path` (with or without a prefix) as the address in `language`."""
    bare, _current = strip_language(path)
    return bare if language == settings.LANGUAGE_CODE else f"/{language}{bare}"
