"""The stored offline copies: one file per page, kind and source (the published revisions it was made from)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    LESSON_PDF = "lesson_pdf", _("Lesson (PDF)")
    MODULE_PDF = "module_pdf", _("Whole module (PDF)")
    MODULE_EPUB = "module_epub", _("Whole module (EPUB)")


def storage_name(instance, filename):
    # The download name is kept in the database; the stored name adds the source key so that two
    # revisions published on one day never share a file.
    return f"offline-copies/{instance.page_id}/{instance.source_key[:16]}/{filename}"


class OfflineCopy(models.Model):
    """A rendered copy of a published lesson or module.

    `source_key` is a hash of everything the copy was rendered from: the page's live revision, the
    live revisions of the module and its lessons in order, and the templates. A row is created
    (with no file yet) by the first request that needs the copy, and filled under its row lock, so
    two requests never render the same copy twice (offline_copies.services.copies).
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    source_key = models.CharField(max_length=64)
    file = models.FileField(upload_to=storage_name, max_length=255, blank=True)
    filename = models.CharField(_("download name"), max_length=200, blank=True)
    size = models.PositiveIntegerField(default=0)
    render_ms = models.PositiveIntegerField(_("render time (ms)"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    rendered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "kind", "source_key"], name="offline_copies_one_per_source")
        ]

    def __str__(self):
        return self.filename or f"{self.get_kind_display()} of page {self.page_id}"
