"""Public functions of the notes app: a learner's private notes on lessons.

Every function takes the user whose notes it reads or writes: no function lists anyone else's
notes, so no caller can show one person's notes to another. Other apps use `notes_for` (the
OFFLINE module PDF's "with my notes" copy) and the personal-data hook.
"""

from .notes import (
    delete_note,
    export_personal_data,
    forget_notes_of,
    note_for_lesson,
    notes_for,
    own_note,
    save_note,
)

__all__ = [
    "delete_note",
    "export_personal_data",
    "forget_notes_of",
    "note_for_lesson",
    "notes_for",
    "own_note",
    "save_note",
]
