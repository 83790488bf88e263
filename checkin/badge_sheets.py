"""Sheets of name badges, prepared by the task worker and downloaded when ready.

A sheet for a large event takes seconds to render (about 10–20 ms a badge), far too long for a
request: the registrar asks for one (all the approved participants, or one category), the
`render_badge_sheet` task renders it into private storage, and the badges screen shows its
status and, once ready, the download. Every set has one sheet per event: asking again replaces
it (the old file is deleted once the new one is written), a sheet's file goes with its row
(`checkin.receivers`), and sheets are deleted KEEP_FOR after they were prepared. Small or
large, a sheet takes the same path.
"""

import datetime
import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from colloquia.models import Category, ColloquiumPage
from core.i18n import language_of

from .models import BadgeSheet, badge_sheet_name
from .pdf import render_badges
from .services import ticket_holders

logger = logging.getLogger("colloquium.checkin")

# A sheet lists people's names: it is kept this long after it was prepared, then deleted.
KEEP_FOR = datetime.timedelta(days=30)
# A sheet still "being prepared" after this long was lost by its worker (a restart): it may be asked for again.
STALE_AFTER = datetime.timedelta(minutes=15)
# A sheet's error is stored in English (a msgid) and shown in the reader's language: `error_text`.
NO_BADGES = gettext_noop("No participant holds a confirmed place yet, so there are no badges to print.")
NOT_PRINTED = gettext_noop("The badges could not be printed. Ask for them again.")


def set_label(category):
    """“All participants” or the category's name: how the screens name a set of badges."""
    return Category(category).label if category in Category.values else _("All participants")


def error_text(error):
    """A sheet's stored error in the active language (stored as its English msgid; "" for none)."""
    return _(error) if error else ""


def sheets_for(page):
    """The event's badge sheets, all participants first, then by category."""
    return sorted(BadgeSheet.objects.filter(page=page), key=lambda sheet: (sheet.category != "", sheet.category))


def request_sheet(page, category, *, by, now=None):
    """Ask the worker for the badges of `page` (of one category, if given). Returns (sheet, queued).

    A sheet of that set already being prepared is returned as it is (queued False), unless its
    worker has been silent for STALE_AFTER. The task is enqueued when the transaction commits.
    """
    category = category if category in Category.values else ""
    now = now or timezone.now()
    with transaction.atomic():
        try:
            with transaction.atomic():
                sheet, created = BadgeSheet.objects.get_or_create(
                    page=page, category=category, defaults={"requested_by": by, "requested_at": now}
                )
        except IntegrityError:  # asked for twice at once: the other request made the row
            created = False
        if not created:
            sheet = BadgeSheet.objects.select_for_update().get(page=page, category=category)
            if sheet.pending and sheet.requested_at > now - STALE_AFTER:
                return sheet, False
            sheet.status = BadgeSheet.Status.QUEUED
            sheet.requested_by = by
            sheet.requested_at = now
            sheet.finished_at = None
            sheet.error = ""
            sheet.save(update_fields=["status", "requested_by", "requested_at", "finished_at", "error"])
        transaction.on_commit(lambda: render_badge_sheet.enqueue(sheet.pk))
    return sheet, True


def purge_expired(now=None):
    """Delete the sheets finished more than KEEP_FOR ago (their files too): a sheet lists people's names."""
    cutoff = (now or timezone.now()) - KEEP_FOR
    for sheet in BadgeSheet.objects.filter(finished_at__lt=cutoff):
        sheet.delete()  # checkin.receivers deletes the file


@task()
def render_badge_sheet(sheet_id):
    """Render a queued sheet into private storage and mark it ready (or failed, with the reason)."""
    claimed = BadgeSheet.objects.filter(pk=sheet_id, status=BadgeSheet.Status.QUEUED).update(
        status=BadgeSheet.Status.RUNNING
    )
    if not claimed:  # taken by another worker, or asked for again meanwhile (that run renders it)
        return None
    sheet = BadgeSheet.objects.get(pk=sheet_id)
    try:
        page = ColloquiumPage.objects.select_related("academy").get(pk=sheet.page_id)
        holders = ticket_holders(page, sheet.category)
        # The badges print in the language of the registrar who asked for them.
        with translation.override(language_of(sheet.requested_by)):
            content = render_badges(page, holders) if holders else None
    except Exception:
        logger.exception("badge sheet %s could not be rendered", sheet_id)
        return _finish(sheet, BadgeSheet.Status.FAILED, error=NOT_PRINTED)
    if content is None:
        return _finish(sheet, BadgeSheet.Status.FAILED, error=NO_BADGES)
    new_file = sheet.file.storage.save(badge_sheet_name(sheet, "badges.pdf"), ContentFile(content))
    return _finish(sheet, BadgeSheet.Status.READY, badges=len(holders), file=new_file)


def _finish(sheet, status, *, file="", **fields):
    """Record the run's outcome and keep exactly one file: the new one if any, else none.

    Only the run that claimed the sheet finishes it: if the sheet was asked for again meanwhile
    (its worker thought lost), this run's file is dropped and the newer run decides.
    """
    storage, old_file = sheet.file.storage, sheet.file.name
    updated = BadgeSheet.objects.filter(pk=sheet.pk, status=BadgeSheet.Status.RUNNING).update(
        status=status, finished_at=timezone.now(), file=file, **fields
    )
    for name in (old_file,) if updated else (file,):
        if name:
            storage.delete(name)
    return status if updated else None
