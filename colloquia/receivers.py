"""Each publication of a colloquium page records its agenda version and protected materials, and
(with each unpublication) changes the registrants' personal calendar entries;
changes to a person's registrations and attendance make their "My learning" be rebuilt."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from accounts.services import learner_records_changed

from .agenda import agenda_published, rebuild_restricted_materials
from .models import Attendance, CalendarFeed, ColloquiumPage, Registration
from .services import calendar_entries_changed


@receiver(page_published, sender=ColloquiumPage)
def on_colloquium_published(sender, instance, **kwargs):
    agenda_published(instance)
    rebuild_restricted_materials(instance)
    calendar_entries_changed(instance)


@receiver(page_unpublished, sender=ColloquiumPage)
def on_colloquium_unpublished(sender, instance, **kwargs):
    # The event is cancelled: personal calendar feeds keep its entries, cancelled, with a higher SEQUENCE.
    calendar_entries_changed(instance)


@receiver([post_save, post_delete], sender=Registration, dispatch_uid="colloquia.registration_changed")
@receiver([post_save, post_delete], sender=CalendarFeed, dispatch_uid="colloquia.feed_changed")
def on_registration_changed(sender, instance, **kwargs):
    if instance.user_id is not None:
        learner_records_changed([instance.user_id])


@receiver([post_save, post_delete], sender=Attendance, dispatch_uid="colloquia.attendance_changed")
def on_attendance_changed(sender, instance, **kwargs):
    learner_records_changed(Registration.objects.filter(pk=instance.registration_id).values("user_id"))
