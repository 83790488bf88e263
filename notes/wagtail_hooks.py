"""What the notes app adds to other apps' pages: the note under each lesson, and the personal-data download.

No admin menu, listing or viewset: nobody but the writer reads a note."""

from wagtail import hooks

from core.learner_pages import shows_own_records
from courses.models.pages import LESSON_SECTIONS

from . import services
from .forms import NoteForm


@hooks.register(LESSON_SECTIONS)
def lesson_note_section(request, lesson, module):
    """The reader's note on this lesson, with its form (a visitor is invited to sign in)."""
    shows_own_records()  # the note changes only when its writer changes it (notes.receivers)
    if not request.user.is_authenticated:
        return {"template": "notes/sections/lesson_note.html", "lesson": lesson, "module": module}
    note = services.note_for_lesson(request.user, lesson)
    return {
        "template": "notes/sections/lesson_note.html",
        "lesson": lesson,
        "module": module,
        "note": note,
        "form": NoteForm(initial={"body": note.body if note else ""}, auto_id="note_%s"),
    }


hooks.register("colloquium_personal_data", services.export_personal_data, order=15)
# The learner's notes on a module, for the offline copy "with my notes" (offline_copies.views).
hooks.register("colloquium_learner_notes", services.notes_for)
