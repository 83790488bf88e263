"""Public functions of the offline copies: stored lesson and module PDFs and module EPUBs, and the
module PDF with a learner's own notes (rendered on request, never stored)."""

from .copies import (
    CONTENT_TYPES,
    LEARNER_NOTES,
    module_pdf_with_notes,
    remove_older,
    source_for,
    stored_copy,
)
from .render import lesson_pdf, module_epub, module_pdf
from .sources import lesson_source, module_source

__all__ = [
    "CONTENT_TYPES",
    "LEARNER_NOTES",
    "lesson_pdf",
    "lesson_source",
    "module_epub",
    "module_pdf",
    "module_pdf_with_notes",
    "module_source",
    "remove_older",
    "source_for",
    "stored_copy",
]
