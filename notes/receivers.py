"""An anonymised account's notes are deleted: they are the person's own words, and no law asks to keep them.
A note written, changed or deleted is one of the learner's own records: pages kept for them are rebuilt."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.services import learner_records_changed

from .models import Note
from .services import forget_notes_of


@receiver([post_save, post_delete], sender=Note, dispatch_uid="notes.note_changed")
def on_note_changed(sender, instance, **kwargs):
    learner_records_changed([instance.user_id])


@receiver(post_save, sender=get_user_model(), dispatch_uid="notes.account_anonymised")
def forget_notes_of_anonymised(sender, instance, **kwargs):
    # accounts.services.anonymise_user sets anonymised_at and saves the user, inside its transaction.
    if getattr(instance, "anonymised_at", None):
        forget_notes_of(instance)
