"""Stored copies: rendered once per source (the published revisions they show) and kept.

The first request for a copy creates its row (the unique constraint lets one request do it),
then renders while holding the row's lock in a transaction, so a second request for the same
copy waits for the first and serves its file instead of rendering again. On PostgreSQL that is
a row lock; SQLite takes its write lock when the transaction begins (transaction_mode IMMEDIATE).
Once a copy is stored, the copies of the same page and kind made from older sources are deleted
with their files (offline_copies.receivers); the current source's copies in the site's other
languages stay.
"""

import logging
import time
from functools import partial

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Kind, OfflineCopy
from . import render
from .sources import lesson_source, module_source

logger = logging.getLogger("colloquium.offline_copies")

RENDERERS = {
    Kind.LESSON_PDF: render.lesson_pdf,
    Kind.MODULE_PDF: render.module_pdf,
    Kind.MODULE_EPUB: render.module_epub,
}
# The hook through which an app gives a learner's notes on a module for the "with my notes" copy:
# fn(user, module_page) -> [{"lesson", "body_html", "updated_at"}] in lesson order (notes.wagtail_hooks).
LEARNER_NOTES = "colloquium_learner_notes"
CONTENT_TYPES = {
    Kind.LESSON_PDF: "application/pdf",
    Kind.MODULE_PDF: "application/pdf",
    Kind.MODULE_EPUB: "application/epub+zip",
}


def source_for(page, kind):
    return lesson_source(page) if kind == Kind.LESSON_PDF else module_source(page, kind)


def stored_copy(page, kind):
    """The stored copy of `page` (a live lesson or module) of `kind`, rendered now if it is not there yet."""
    source = source_for(page, kind)
    found = OfflineCopy.objects.filter(page_id=page.pk, kind=kind, source_key=source.key).exclude(file="").first()
    if found:
        return found
    try:
        with transaction.atomic():
            OfflineCopy.objects.get_or_create(
                page_id=page.pk, kind=kind, source_key=source.key, defaults={"revision_id": source.revision_id}
            )
    except IntegrityError:
        pass  # another request created it a moment ago: its lock decides who renders
    with transaction.atomic():
        copy = OfflineCopy.objects.select_for_update().get(page_id=page.pk, kind=kind, source_key=source.key)
        if copy.file:
            return copy  # rendered by the request we waited for
        began = time.perf_counter()
        body = RENDERERS[kind](source)
        copy.render_ms = round((time.perf_counter() - began) * 1000)
        copy.file.save(source.filename, ContentFile(body), save=False)
        try:
            copy.filename, copy.size, copy.rendered_at = source.filename, len(body), timezone.now()
            copy.save()
        except Exception:
            copy.file.storage.delete(copy.file.name)
            raise
        transaction.on_commit(partial(remove_older, page.pk, kind, source.keys))
    logger.info("rendered %s of page %s in %s ms (%s bytes)", kind, page.pk, copy.render_ms, copy.size)
    return copy


def remove_older(page_id, kind, current_keys):
    """Delete the copies of an earlier source (their files go on commit, offline_copies.receivers).

    `current_keys` are the current source's keys (one per language; a single key is accepted too)."""
    if isinstance(current_keys, str):
        current_keys = [current_keys]
    OfflineCopy.objects.filter(page_id=page_id, kind=kind).exclude(source_key__in=list(current_keys)).delete()


def module_pdf_with_notes(module, user, notes):
    """(bytes, download name) of the module PDF with `user`'s notes after each lesson; never stored."""
    source = module_source(module, Kind.MODULE_PDF)
    body = render.module_pdf(source, notes=notes, reader=user.get_full_name() or user.email)
    return body, source.filename.removesuffix(".pdf") + "-with-my-notes.pdf"
