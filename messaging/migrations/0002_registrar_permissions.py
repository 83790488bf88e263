"""Registrars and platform administrators may write to participants and read the delivery logs.

Which events a registrar may write about is decided in code (messaging.services.may_message:
the registrars of the event's academy); these permissions open the admin screens.
"""

from django.db import migrations

from core.migration_helpers import grant_group_permissions, revoke_group_permissions

PERMISSIONS = [("messaging", "add_message"), ("messaging", "view_message")]
GROUP_PERMISSIONS = {"Registrars": PERMISSIONS, "Platform administrators": PERMISSIONS}


def grant(apps, schema_editor):
    grant_group_permissions(apps, GROUP_PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_group_permissions(apps, GROUP_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("messaging", "0001_initial"),
        ("accounts", "0002_staff_groups"),
        ("academies", "0002_platform_administrators"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
