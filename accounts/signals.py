"""Audit changes of group membership (who holds which staff role), whichever screen or script made them.

Inside the Wagtail admin the acting user comes from Wagtail's log context; a
script or data migration records no user.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from .audit import record
from .models import User

ACTION = "colloquium.groups_changed"


def _record(user, added=(), removed=()):
    record(user, ACTION, None, added=sorted(added), removed=sorted(removed))


@receiver(m2m_changed, sender=User.groups.through)
def audit_group_membership(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear":
        # Remember what is about to go; post_clear no longer knows.
        if reverse:
            instance._cleared_user_ids = list(instance.user_set.values_list("pk", flat=True))
        else:
            instance._cleared_group_names = list(instance.groups.values_list("name", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    key = "added" if action == "post_add" else "removed"
    if not reverse:
        if action == "post_clear":
            names = getattr(instance, "_cleared_group_names", [])
        else:
            names = list(Group.objects.filter(pk__in=pk_set).values_list("name", flat=True))
        if names:
            _record(instance, **{key: names})
        return
    # group.user_set.add(...) and friends: one entry per user.
    user_ids = getattr(instance, "_cleared_user_ids", []) if action == "post_clear" else list(pk_set or ())
    for user in User.objects.filter(pk__in=user_ids):
        _record(user, **{key: [instance.name]})
