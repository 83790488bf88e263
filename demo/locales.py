"""The demo's pages in the default language.

The Hindi translations (demo/loaders/hindi.py) are pages of the same types with the same slugs
in the `hi` locale, so a loader that looks a page up by type or slug asks for the default
language's one: `source(HomePage).get()` rather than `HomePage.objects.get()`.
"""

from django.conf import settings


def source(model):
    """`model`'s pages in the default language (settings.LANGUAGE_CODE)."""
    return model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
