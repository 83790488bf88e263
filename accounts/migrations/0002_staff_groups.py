"""The platform-wide staff groups. Feature apps add their model permissions to
these groups in their own data migrations; academies add per-academy groups."""

from django.db import migrations

from core.migration_helpers import grant_group_permissions

GROUP_PERMISSIONS = {
    "Academy editors": [("wagtailadmin", "access_admin")],
    "Moderators": [("wagtailadmin", "access_admin")],
    "Registrars": [("wagtailadmin", "access_admin"), ("accounts", "verify_role")],
}


def create_groups(apps, schema_editor):
    grant_group_permissions(apps, GROUP_PERMISSIONS)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]
