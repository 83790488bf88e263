"""Audit changes of group membership (who holds which staff role), whichever screen or script made them.

Inside the Wagtail admin the acting user comes from Wagtail's log context; a
script or data migration records no user.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_save
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


# --- The "Admin" link ---------------------------------------------------------------------------
# Every page header asks whether the user may open the admin. Answering from permissions costs two
# queries per page, so `is_staff` (which nothing else on this site uses: Django's own admin is not
# installed) holds the answer, kept in step here with group membership, direct permissions, the
# permissions of groups and superuser status. The admin itself still checks permissions.


def refresh_admin_flag(user_ids):
    """Set is_staff to "may open the Wagtail admin" for these users; returns the ids that may."""
    user_ids = list(user_ids)
    if not user_ids:
        return set()
    permission = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    users = User.objects.filter(pk__in=user_ids)
    allowed = users.filter(
        Q(is_superuser=True) | Q(user_permissions__in=permission) | Q(groups__permissions__in=permission)
    ).values_list("pk", flat=True)
    allowed = set(allowed)
    users.filter(is_staff=True).exclude(pk__in=allowed).update(is_staff=False)
    users.filter(is_staff=False, pk__in=allowed).update(is_staff=True)
    return allowed


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
