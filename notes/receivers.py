"""An anonymised account's notes are deleted: they are the person's own words, and no law asks to keep them."""

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.dispatch import receiver

from .services import forget_notes_of


@receiver(post_save, sender=get_user_model(), dispatch_uid="notes.account_anonymised")
def forget_notes_of_anonymised(sender, instance, **kwargs):
    # accounts.services.anonymise_user sets anonymised_at and saves the user, inside its transaction.
    if getattr(instance, "anonymised_at", None):
        forget_notes_of(instance)
