"""Each publication of a colloquium page records its agenda version and protected materials."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .models import ColloquiumPage


@receiver(page_published, sender=ColloquiumPage)
def on_colloquium_published(sender, instance, **kwargs):
    from .agenda import agenda_published, rebuild_restricted_materials

    agenda_published(instance)
    rebuild_restricted_materials(instance)
