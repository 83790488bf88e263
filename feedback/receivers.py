"""Answering an event's feedback form or taking its knowledge test changes what "My learning" asks of
the person: their kept sections and pages are rebuilt (accounts.services.learner_records_changed)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.services import learner_records_changed
from colloquia.records import Registration

from .models import FeedbackReceipt, KnowledgeTestTake


@receiver([post_save, post_delete], sender=FeedbackReceipt, dispatch_uid="feedback.receipt_changed")
def on_receipt_changed(sender, instance, **kwargs):
    learner_records_changed([instance.user_id])


@receiver([post_save, post_delete], sender=KnowledgeTestTake, dispatch_uid="feedback.test_taken")
def on_test_taken(sender, instance, **kwargs):
    learner_records_changed(Registration.objects.filter(pk=instance.registration_id).values("user_id"))
