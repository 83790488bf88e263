"""Pages in the reader's language: one page, its records, and its text from a translation.

A page and its Hindi translation are two Wagtail pages with one `translation_key` (Wagtail's
localisation; editors make the Hindi one with "Translate" in the explorer and edit it as any
page). What a page *is* — its enrolments, registrations, sessions attended, certificates — stays
with the page in the default language, so an officer who reads a module in Hindi and a colleague
who reads it in English are in the same module and the same event. What a page *says* comes
from the translation when there is a live one: `localize_page` copies its text fields (title,
summary, StreamField bodies…) onto the default-language page the router found, and rows of the
page's inline lists (quiz questions, agenda sessions) are matched by position
(`translated_rows`). A page without a translation keeps its English text and says so
(`translation_missing`), and templates print a note.

Every page has one address per language: the default language's path, with the language's
prefix (/hi/…) for the others, whichever tree the page object came from (`url_path_for`).
"""

import functools

from django.conf import settings
from django.db import models
from django.utils import translation
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, PageManager

from . import cache as content_cache

# Page fields that are structure, not text: never taken from a translation.
STRUCTURAL_FIELDS = {
    "slug",
    "url_path",
    "path",
    "draft_title",
    "latest_revision_created_at",
    "first_published_at",
    "last_published_at",
    "go_live_at",
    "expire_at",
}
TEXT_FIELD_TYPES = (models.CharField, models.TextField, RichTextField, StreamField)
NOT_TEXT_FIELD_TYPES = (models.URLField, models.EmailField, models.SlugField, models.UUIDField)


def default_language():
    return settings.LANGUAGE_CODE


def active_language():
    """The request's language as one of settings.LANGUAGES ("hi" for "hi-in"), default when none."""
    try:
        return translation.get_supported_language_variant(translation.get_language() or default_language())
    except LookupError:
        return default_language()


def locale_ids():
    """{language code: Locale id}, from the cache (one query per content generation)."""
    return content_cache.memoize("locale-ids", lambda: dict(Locale.objects.values_list("language_code", "id")))


def language_of_locale(locale_id):
    return next((code for code, pk in locale_ids().items() if pk == locale_id), default_language())


def is_default_locale(page):
    default = locale_ids().get(default_language())
    return default is None or page.locale_id == default


def source_page(page):
    """The default-language page of `page` (itself when it is one, or when it has none)."""
    if is_default_locale(page):
        return page
    default = locale_ids().get(default_language())

    def build():
        found = Page.objects.filter(translation_key=page.translation_key, locale_id=default).specific().first()
        return found or "none"

    found = content_cache.memoize(f"source-page.{page.translation_key}", build)
    return page if found == "none" else found


def translation_in(page, language):
    """The live translation of `page` in `language` (specific), or None; from the cache."""
    if page.locale_id == locale_ids().get(language):
        return page
    if not is_default_locale(page):
        page = source_page(page)
        if page.locale_id == locale_ids().get(language):
            return page
    return _memoized_translations([page], language).get(page.translation_key)


# --- Text from translations ----------------------------------------------------------------------


@functools.cache
def text_fields(page_class):
    """Names of `page_class`'s fields that hold text a translation replaces (a page type's, or an inline row's).

    Worked out once per class: a Hindi listing overlays every item it shows."""
    names = []
    for field in page_class._meta.concrete_fields:
        if field.name in STRUCTURAL_FIELDS or field.choices or not isinstance(field, TEXT_FIELD_TYPES):
            continue
        if field.unique or isinstance(field, NOT_TEXT_FIELD_TYPES):
            continue
        if field.model is Page and field.name not in {"title", "seo_title", "search_description"}:
            continue
        names.append(field.name)
    return tuple(names)


def _translations(pages, language):
    """{translation_key: live specific translation in `language`} for `pages`, one query."""
    locale = locale_ids().get(language)
    keys = {page.translation_key for page in pages}
    if locale is None or not keys:
        return {}
    found = Page.objects.live().filter(translation_key__in=keys, locale_id=locale).specific()
    return {page.translation_key: page for page in found}


def _memoized_translations(pages, language):
    # Kept per page under the content generation: a publish of either language bumps it.
    result, missing = {}, []
    for page in pages:
        kept = content_cache.cached_fragment(f"translation.{page.translation_key}.{language}")
        if kept is None:
            missing.append(page)
        elif kept != "none":
            result[page.translation_key] = kept
    if missing:
        found = _translations(missing, language)
        for page in missing:
            kept = found.get(page.translation_key, "none")
            content_cache.remember(f"translation.{page.translation_key}.{language}", kept)
        result.update(found)
    return result


def _overlay(page, translated):
    deferred = page.get_deferred_fields()  # a listing's pages load a few fields: only those are shown
    for name in text_fields(type(page)):
        if name in deferred:
            continue
        if hasattr(translated, name):
            value = getattr(translated, name)
            if value not in (None, ""):
                setattr(page, name, value)
    page.shown_translation = translated


def localize_pages(pages, language=None):
    """`pages` (default-language pages, specific) with their text in `language` (the active one).

    Each page gets `shown_language` (the language its text is in) and `translation_missing`
    (True when the reader's language has no live translation and the English text stays).
    Changes the objects in place; returns them as a list.
    """
    pages = [page for page in pages if page is not None]
    language = language or active_language()
    for page in pages:
        page.shown_language, page.translation_missing = default_language(), False
    if language == default_language() or not pages:
        return pages
    translations = _memoized_translations([p for p in pages if is_default_locale(p)], language)
    for page in pages:
        if not is_default_locale(page):
            page.shown_language = language_of_locale(page.locale_id)
            continue
        translated = translations.get(page.translation_key)
        if translated is None:
            page.translation_missing = True
        else:
            _overlay(page, translated)
            page.shown_language = language
    return pages


def localize_page(page, language=None):
    return localize_pages([page], language)[0] if page is not None else None


def translated_rows(page, relation, language=None):
    """{pk of a row of `page`'s `relation`: the row in the same position of its translation}.

    Wagtail copies a page's inline rows in order when it translates it, so position pairs them;
    a translation whose rows do not pair one for one (rows added or removed since) pairs none,
    and those rows keep their own text. Empty in the default language or without a translation.
    """
    language = language or active_language()
    if language == default_language():
        return {}
    translated_page = translation_in(page, language)
    if translated_page is None or translated_page.locale_id == page.locale_id:
        return {}
    source_rows = _in_order(getattr(source_page(page), relation).all())
    rows = _in_order(getattr(translated_page, relation).all())
    if len(source_rows) != len(rows):
        return {}
    if source_rows and hasattr(source_rows[0], "uid"):
        # Rows with a uid of their own (agenda sessions) keep it in the copy: paired by it.
        by_uid = {row.uid: row for row in rows}
        return {row.pk: by_uid[row.uid] for row in source_rows if row.uid in by_uid}
    return {row.pk: rows[i] for i, row in enumerate(source_rows)}


def _in_order(rows):
    # The editor's order, then the order they were made in: rows of equal sort_order come back from
    # PostgreSQL in any order.
    return sorted(rows, key=lambda row: (getattr(row, "sort_order", None) or 0, row.pk))


def localize_rows(page, rows, relation):
    """`rows` of `page`'s inline `relation` (agenda sessions…) with the text of their translation's rows."""
    rows = list(rows)
    pairs = translated_rows(page, relation) if rows else {}
    for row in rows:
        translated = pairs.get(row.pk)
        if translated is None:
            continue
        for name in text_fields(type(row)):
            value = getattr(translated, name, None)
            if value not in (None, ""):
                setattr(row, name, value)
    return rows


# --- Addresses -----------------------------------------------------------------------------------


def prefixed(path, language):
    """`path` (a default-language address) as the address in `language`: /hi/… for Hindi."""
    if language == default_language():
        return path
    return f"/{language}{path}"


# --- Queries --------------------------------------------------------------------------------------


class DefaultLanguagePageManager(PageManager):
    """A page type's pages in the default language: the ones that hold records and appear in lists.

    Each project page type keeps Wagtail's own manager as `objects` (every language: Wagtail, its
    admin, search indexing and the API use it) and adds this one as `originals`, which the
    project's lists use (`ColloquiumPage.originals.live()`), so each event is listed once, not
    once per language.
    """

    def get_queryset(self):
        queryset = super().get_queryset()
        locale = locale_ids().get(default_language())
        return queryset if locale is None else queryset.filter(locale_id=locale)
