"""Academy editors keep their academies' contacts and nodal officers (scoped by academies.permissions)."""

from django.db import migrations

from core.migration_helpers import grant_group_permissions, revoke_group_permissions

GROUP_PERMISSIONS = {
    "Academy editors": [
        ("interstate", "add_contact"),
        ("interstate", "change_contact"),
        ("interstate", "delete_contact"),
        ("interstate", "view_contact"),
    ],
    "Platform administrators": [
        ("interstate", "add_contact"),
        ("interstate", "change_contact"),
        ("interstate", "delete_contact"),
        ("interstate", "view_contact"),
    ],
}


def grant(apps, schema_editor):
    grant_group_permissions(apps, GROUP_PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_group_permissions(apps, GROUP_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("interstate", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
