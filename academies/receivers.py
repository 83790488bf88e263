from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Academy
from .services import provision_academy


@receiver(post_save, sender=Academy)
def provision_new_academy(sender, instance, raw=False, **kwargs):
    if not raw:
        provision_academy(instance)
