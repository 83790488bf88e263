"""Listen to colloquia: a registration that becomes approved gets its e-ticket (once, for good).
Tell accounts when a person's tickets change, so their "My learning" is rebuilt."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.services import learner_records_changed
from colloquia.models import RegistrationStatus
from colloquia.signals import registration_status_changed

from .models import BadgeSheet, Ticket


@receiver(registration_status_changed, dispatch_uid="checkin.ticket_on_approval")
def on_registration_status_changed(sender, registration, status, **kwargs):
    # Inside the transaction that approves: the ticket commits, or rolls back, with the approval,
    # and exists when the approval email (sent after the commit) asks for it.
    if status == RegistrationStatus.APPROVED:
        Ticket.objects.get_or_create(registration=registration)


@receiver(post_save, sender=Ticket, dispatch_uid="checkin.ticket_made")
def on_ticket_made(sender, instance, created, **kwargs):
    # A deleted ticket goes with its registration, whose own deletion already rebuilds "My learning".
    user_id = instance.registration.user_id
    if created and user_id is not None:
        learner_records_changed([user_id])


@receiver(post_delete, sender=BadgeSheet, dispatch_uid="checkin.badge_sheet_file")
def on_badge_sheet_deleted(sender, instance, **kwargs):
    # A sheet's file lists people's names: it goes with its row (replaced, expired, or its event deleted).
    if instance.file.name:
        instance.file.storage.delete(instance.file.name)
