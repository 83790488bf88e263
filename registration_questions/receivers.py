"""A stored file goes when its answer does (with its registration, or a question answered again);
an anonymised account's answers are deleted."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Answer
from .services import forget_answers_of


@receiver(post_delete, sender=Answer, dispatch_uid="registration_questions.answer_file_deleted")
def delete_answer_file(sender, instance, **kwargs):
    if not instance.file:
        return
    storage, name = instance.file.storage, instance.file.name
    # After the commit: a deletion that is rolled back keeps its file.
    transaction.on_commit(lambda: storage.delete(name), robust=True)


@receiver(post_save, sender=get_user_model(), dispatch_uid="registration_questions.account_anonymised")
def forget_answers_of_anonymised(sender, instance, **kwargs):
    # accounts.services.anonymise_user sets anonymised_at: the person's answers (a nomination
    # letter, dietary needs) identify them, and no law requires keeping them.
    if getattr(instance, "anonymised_at", None):
        forget_answers_of(instance)
