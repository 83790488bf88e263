"""A learner's notes on a module as a tagged PDF (core.pdf.render_pdf, the one WeasyPrint entry point)."""

from django.template.loader import render_to_string
from django.utils import timezone

from core.pdf import render_pdf

from .services import notes_for

STYLESHEETS = ("notes/pdf.css",)


def notes_pdf(user, module):
    """The PDF of `user`'s notes on `module`'s lessons, in lesson order. Rendered on request for that
    user alone and never kept: it holds private notes."""
    html = render_to_string(
        "notes/pdf/notes.html",
        {"user": user, "module": module, "notes": notes_for(user, module), "now": timezone.now()},
    )
    return render_pdf(html, stylesheets=STYLESHEETS)
