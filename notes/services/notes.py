"""Reading and writing a learner's notes. Lessons and modules come in as page objects (from the
courses app's public functions); no page class is imported here."""

from django.db import transaction

from courses.services import lessons_for, module_of

from ..formatting import note_html
from ..models import Note


def note_for_lesson(user, lesson):
    """The user's note on `lesson`, or None (anonymous users have none)."""
    if not user.is_authenticated:
        return None
    return Note.objects.filter(user=user, lesson_id=lesson.pk).first()


def own_note(user, note_id):
    """The note `note_id` if it is the user's own, else None: another person's note does not exist for them."""
    if not user.is_authenticated:
        return None
    return Note.objects.filter(pk=note_id, user=user).first()


@transaction.atomic
def save_note(user, lesson, body):
    """Keep `body` as the user's note on `lesson` (one note per lesson). An empty body deletes the
    note. Returns the note, or None when there is none left."""
    body = (body or "").strip()
    if not body:
        Note.objects.filter(user=user, lesson_id=lesson.pk).delete()
        return None
    note, created = Note.objects.select_for_update().get_or_create(
        user=user, lesson_id=lesson.pk, defaults={"body": body}
    )
    if not created and note.body != body:
        note.body = body
        note.save(update_fields=["body", "updated_at"])
    return note


def delete_note(user, note_id):
    """Delete the user's own note `note_id`. Returns the number deleted (0 for anyone else's)."""
    deleted, _ = Note.objects.filter(pk=note_id, user=user).delete()
    return deleted


def notes_for(user, module_page):
    """The user's notes on the module's lessons, in lesson order: [{"lesson", "body_html", "updated_at"}].

    One query whatever the number of lessons; lessons that are no longer live are left out."""
    if not user.is_authenticated:
        return []
    lessons = lessons_for(module_page)
    notes = {n.lesson_id: n for n in Note.objects.filter(user=user, lesson_id__in=[lesson.pk for lesson in lessons])}
    return [
        {
            "lesson": lesson,
            "note": notes[lesson.pk],
            "body_html": note_html(notes[lesson.pk].body),
            "updated_at": notes[lesson.pk].updated_at,
        }
        for lesson in lessons
        if lesson.pk in notes
    ]


def export_personal_data(user):
    """The `colloquium_personal_data` hook: every note the user wrote, as typed."""
    notes = Note.objects.filter(user=user).select_related("lesson").order_by("created_at")
    return {
        "lesson_notes": [
            {
                "module": module_of(note.lesson).title,
                "lesson": note.lesson.title,
                "note": note.body,
                "created_at": note.created_at.isoformat(),
                "updated_at": note.updated_at.isoformat(),
            }
            for note in notes
        ]
    }


def forget_notes_of(user):
    """Delete every note of `user`: their account was anonymised."""
    return Note.objects.filter(user=user).delete()
