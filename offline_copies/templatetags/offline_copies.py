from django import template
from wagtail import hooks

from ..services import LEARNER_NOTES

register = template.Library()


@register.simple_tag
def notes_available():
    """Whether an app gives learners' notes (the notes app), so a "with my notes" copy can be offered."""
    return bool(hooks.get_hooks(LEARNER_NOTES))
