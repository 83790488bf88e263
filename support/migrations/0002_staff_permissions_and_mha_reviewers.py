"""Who keeps support records (registrars and finance officers, scoped to their academies by
support.services), and the read-only "MHA reviewers" group that sees every State's records."""

from django.db import migrations

from core.migration_helpers import grant_group_permissions, revoke_group_permissions

KEEP = [
    ("support", "view_supportrecord"),
    ("support", "add_supportrecord"),
    ("support", "change_supportrecord"),
]
GROUP_PERMISSIONS = {
    "Registrars": KEEP,
    "Finance officers": KEEP,
    "Platform administrators": KEEP,
    # Read-only: no add or change permission, so every write path refuses them.
    "MHA reviewers": [
        ("wagtailadmin", "access_admin"),
        ("support", "view_supportrecord"),
        ("support", "review_all_records"),
    ],
}


def grant(apps, schema_editor):
    grant_group_permissions(apps, GROUP_PERMISSIONS)


def revoke(apps, schema_editor):
    revoke_group_permissions(apps, GROUP_PERMISSIONS)
    apps.get_model("auth", "Group").objects.filter(name="MHA reviewers").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0001_initial"),
        ("academies", "0003_finance_staff_group"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
