"""A stored file goes from storage when its row is deleted (after the commit, so a rollback keeps it)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Expenditure, Photograph


def _delete_after_commit(field_file):
    if field_file:
        storage, name = field_file.storage, field_file.name
        transaction.on_commit(lambda: storage.delete(name), robust=True)


@receiver(post_delete, sender=Expenditure, dispatch_uid="support.voucher_deleted")
def delete_voucher(sender, instance, **kwargs):
    _delete_after_commit(instance.voucher)


@receiver(post_delete, sender=Photograph, dispatch_uid="support.photograph_deleted")
def delete_photograph(sender, instance, **kwargs):
    _delete_after_commit(instance.image)
