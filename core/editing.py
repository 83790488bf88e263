"""Page forms whose draft saves (the editor's autosave included) never undo a newer publish.

Wagtail 8's edit view (wagtail/admin/views/pages/edit.py) reads the page once, when the
request arrives (`EditView.dispatch`), and decides from that reading both whether an
autosave is out of date (`EditView.is_out_of_date`) and whether to write the whole page
row (`save_action`: `self.form.save(commit=not self.page.live)`). `Page.save_revision`
checks `overwrite_revision` against the same in-memory `latest_revision`. Nothing is
locked or read again before the write, and the editor's JavaScript keeps autosaving while
a Publish request is on its way (the unsaved-changes check runs every 500 ms and only the
leave-page warning is switched off on submit). So an autosave that reads a draft page just
before a Publish request commits, and writes just after, saves the page row as it read it
(`live=False`, no live revision) and moves `latest_revision` back to its own revision:
"has been published" is shown, the history reads `wagtail.publish` then `wagtail.edit`, and
the page is a draft again.

`PublishSafePageForm.save` closes that window. A draft save (autosave or "Save draft")
reads the page row again, locked, inside the transaction `save_action` writes in, and
refuses with `PermissionDenied` when the row no longer matches what the request read:
`save_action` rolls the write back and answers an autosave with the `invalid_revision`
error that Wagtail's JavaScript already handles (it stops autosaving and tells the editor
to reload), and a "Save draft" with an error message and the form as entered.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from .reserved_slugs import reserved_slug_error

STALE_SAVE_MESSAGE = gettext_lazy(
    "This page was published or saved elsewhere while your changes were being saved, "
    "so they were not saved over it. Reload the page to see the current version."
)

# What publishing, unpublishing or saving a revision changes, and what the edit view keeps from the
# page row when it builds the page from its latest revision (`Page.with_content_json`).
PAGE_STATE_FIELDS = ("live", "latest_revision_id", "latest_revision_created_at")


def page_changed_since_read(page):
    """True when the page's row no longer matches `page` as it was read from the database
    (another request published, unpublished or saved a revision in between).

    Locks the row until the surrounding transaction ends, so nothing changes it between this
    check and the caller's write."""
    with transaction.atomic():
        current = Page.objects.select_for_update().filter(pk=page.pk).values(*PAGE_STATE_FIELDS).first()
    if current is None:
        return False  # deleted meanwhile: Wagtail's own handling applies
    return any(current[name] != getattr(page, name) for name in PAGE_STATE_FIELDS)


def is_draft_save(data):
    """A submission that only saves a draft: an autosave or the "Save draft" button.

    Publishing, submitting to moderation and workflow actions name their button
    ("action-publish", ...); they run outside `save_action` and are left to Wagtail."""
    return not any(key.startswith("action-") and key != "action-save-draft" for key in data)


class PublishSafePageForm(WagtailAdminPageForm):
    """Base form for page types: a draft save never writes over a page that changed after it was read.

    It also refuses, directly under a site's home page, a slug that an app's URL prefix takes
    (core.reserved_slugs): such a page would never be served.
    """

    def clean(self):
        cleaned_data = super().clean()
        current_slug = self.instance.slug if self.instance.pk else None
        error = reserved_slug_error(self.parent_page, cleaned_data.get("slug"), current_slug)
        if error:
            self.add_error("slug", error)
        return cleaned_data

    def save(self, commit=True):
        if self.instance.pk and is_draft_save(self.data) and page_changed_since_read(self.instance):
            raise PermissionDenied(STALE_SAVE_MESSAGE)
        return super().save(commit=commit)
