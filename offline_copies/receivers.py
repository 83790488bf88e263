"""Stored files go with their rows: a copy deleted (a page deleted, an old revision's copy replaced)
takes its file with it once the deletion has committed."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_unpublished

from .models import OfflineCopy


@receiver(post_delete, sender=OfflineCopy)
def delete_stored_file(sender, instance, **kwargs):
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))


@receiver(page_unpublished)
def forget_unpublished_page(sender, instance, **kwargs):
    """An unpublished lesson or module is no longer served: its copies go (they are made again on republish)."""
    OfflineCopy.objects.filter(page_id=instance.pk).delete()
