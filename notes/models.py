"""A learner's private note on a lesson. Only its writer ever reads it: no admin screen lists notes,
no staff permission opens them, and every address answers 404 to anyone else (notes.views)."""

from django.conf import settings
from django.db import models

# Long enough for a page of notes on a lesson, short enough that one note cannot fill the database.
MAX_NOTE_LENGTH = 20_000


class Note(models.Model):
    """One note per learner and lesson, as typed (`notes.formatting` turns it into cleaned HTML)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_notes")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    body = models.TextField(max_length=MAX_NOTE_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="notes_one_note_per_lesson")]
        # No default permissions: no group or staff role can be given the right to see notes.
        default_permissions = ()

    def __str__(self):
        return f"Note {self.pk}"
