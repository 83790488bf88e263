"""Site search: live public pages and public documents, and the summary shown under each result.

Every page type is searched through the fields it declares in `search_fields` (Wagtail's
indexing API). Its summary in the results is the page's search description (Promote tab) or,
when that is empty, the text of the first field the page type adds to `search_fields` that has
any (for a stream field, its paragraphs): so a page type lists the field that best sums it up
first (an introduction, a summary).
"""

from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from core.search import plain_text_query
from core.translation import active_language, default_language, locale_ids

SUMMARY_WORDS = 40


def search_pages(text):
    """Live, public pages matching the words of `text`, most relevant first; none when it has no words."""
    query = plain_text_query(text)
    if query is None:
        return Page.objects.none()
    # English readers search the English pages; Hindi readers the Hindi ones and the English ones too
    # (most pages have no translation yet).
    pages = Page.objects.live().public()
    locales = locale_ids()
    wanted = {locales.get(default_language()), locales.get(active_language())} - {None}
    if wanted:
        pages = pages.filter(locale__in=wanted)
    return pages.specific().search(query)


def search_documents(text, limit=10):
    """Documents matching the words of `text`, outside collections with a view restriction (those are private)."""
    query = plain_text_query(text)
    if query is None:
        return []
    public_collections = Collection.objects.filter(view_restrictions__isnull=True)
    return list(get_document_model().objects.filter(collection__in=public_collections).search(query)[:limit])


def _prose(page, field):
    """Plain text of one indexed field of `page`: as indexed, except that a stream gives only its paragraphs.

    A stream's other blocks (headings with their level, statute and case references, images) read
    badly as a summary. Its raw data is read, so no image or document is fetched.
    """
    value = getattr(page, field.field_name, None)
    if isinstance(value, StreamValue):
        child_blocks = value.stream_block.child_blocks
        parts = [
            get_text_for_indexing(str(item["value"] or ""))
            for item in value.raw_data
            if isinstance(child_blocks.get(item["type"]), blocks.RichTextBlock | blocks.TextBlock)
        ]
    else:
        parts = field.get_value(page)
    return " ".join(_flatten(parts))


def _flatten(value):
    """The strings of an indexed value: a string, or the (nested) list a rich text or stream field gives."""
    if isinstance(value, list | tuple):
        for item in value:
            yield from _flatten(item)
    elif value is not None:
        yield str(value)


def result_summary(page, words=SUMMARY_WORDS):
    """Plain text summing up `page` in a search result: its search description, else its first indexed text."""
    text = page.search_description
    if not text.strip():
        own_fields = {field.field_name for field in Page.search_fields}
        for field in page.search_fields:
            if isinstance(field, index.SearchField) and field.field_name not in own_fields:
                text = _prose(page, field)
                if text.strip():
                    break
    kept = text.split()
    return " ".join(kept[:words]) + (" …" if len(kept) > words else "")
