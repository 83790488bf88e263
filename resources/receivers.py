"""Joining or leaving an organisation changes what "My learning" shows a person (their submissions)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.services import learner_records_changed

from .records import OrganisationMember


@receiver([post_save, post_delete], sender=OrganisationMember, dispatch_uid="resources.membership_changed")
def on_membership_changed(sender, instance, **kwargs):
    learner_records_changed([instance.user_id])
