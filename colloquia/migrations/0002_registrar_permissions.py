"""Registrars act on registrations and attendance; editors build the pages (page permissions)."""

from django.db import migrations

from core.migration_helpers import grant_group_permissions, revoke_group_permissions

PERMISSIONS = [
    ("colloquia", "view_registration"),
    ("colloquia", "change_registration"),
    ("colloquia", "view_attendance"),
    ("colloquia", "add_attendance"),
    ("colloquia", "change_attendance"),
]


GROUP_PERMISSIONS = {"Registrars": PERMISSIONS}


def grant(apps, schema_editor):
    grant_group_permissions(apps, GROUP_PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_group_permissions(apps, GROUP_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("colloquia", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
