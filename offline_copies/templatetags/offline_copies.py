from django import template
from django.apps import apps

register = template.Library()


@register.simple_tag
def notes_available():
    """Whether the private-notes app is installed, so a "with my notes" copy can be offered."""
    return apps.is_installed("notes")
