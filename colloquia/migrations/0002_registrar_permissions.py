"""Registrars act on registrations and attendance; editors build the pages (page permissions)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = [
    ("colloquia", "view_registration"),
    ("colloquia", "change_registration"),
    ("colloquia", "view_attendance"),
    ("colloquia", "add_attendance"),
    ("colloquia", "change_attendance"),
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("colloquia")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Registrars")
    for app_label, codename in PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Registrars").first()
    if group:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="colloquia", codename__in=[c for _, c in PERMISSIONS])
        )


class Migration(migrations.Migration):
    dependencies = [
        ("colloquia", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
