"""Receivers: audit changes of group membership (who holds which staff role), whichever screen or
script made them, and keep `is_staff` ("may open the admin") in step with groups and permissions.

Inside the Wagtail admin the acting user comes from Wagtail's log context; a
script or data migration records no user.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from .audit import record
from .models import User
from .services import refresh_admin_flag

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


# --- The "Admin" link ---------------------------------------------------------------------------
# Every page header asks whether the user may open the admin. Answering from permissions costs two
# queries per page, so `is_staff` (which nothing else on this site uses: Django's own admin is not
# installed) holds the answer, kept in step here with group membership, direct permissions, the
# permissions of groups and superuser status (services.refresh_admin_flag). The admin itself still
# checks permissions.


@receiver(m2m_changed, sender=User.groups.through)
@receiver(m2m_changed, sender=User.user_permissions.through)
def user_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear" and reverse:
        instance._admin_flag_user_ids = list(instance.user_set.values_list("pk", flat=True))
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        instance.is_staff = instance.pk in refresh_admin_flag([instance.pk])
    elif action == "post_clear":
        refresh_admin_flag(getattr(instance, "_admin_flag_user_ids", []))
    else:
        refresh_admin_flag(pk_set or ())


@receiver(m2m_changed, sender=Group.permissions.through)
def group_permissions_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    groups = Group.objects.filter(pk__in=pk_set or ()) if reverse else [instance]
    refresh_admin_flag(User.objects.filter(groups__in=list(groups)).values_list("pk", flat=True).distinct())


@receiver(post_save, sender=User)
def superuser_changed(sender, instance, created, update_fields=None, **kwargs):
    if update_fields is not None and "is_superuser" not in update_fields and "is_staff" not in update_fields:
        return
    if instance.is_superuser != instance.is_staff or not created:
        instance.is_staff = instance.pk in refresh_admin_flag([instance.pk])
