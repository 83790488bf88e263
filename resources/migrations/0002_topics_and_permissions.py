"""Seed the fixed topic list; let moderators and platform administrators verify organisations."""

from django.db import migrations

from core.migration_helpers import grant_group_permissions

TOPICS = [
    ("forced-labour", "Forced labour"),
    ("commercial-sexual-exploitation", "Commercial sexual exploitation"),
    ("forced-marriage", "Forced marriage"),
    ("domestic-servitude", "Domestic servitude"),
    ("begging", "Forced begging"),
    ("organ-trade", "Organ trade"),
    ("drug-couriers", "Use as drug couriers"),
    ("arms-smuggling", "Arms smuggling"),
    ("compensation", "Victim compensation"),
    ("age-determination", "Age determination"),
    ("repatriation", "Repatriation"),
    ("victim-identification", "Victim identification"),
    ("evidence", "Evidence and trial"),
]
CODENAMES = {
    "Moderators": ["add_organisation", "change_organisation", "view_organisation"],
    "Platform administrators": [
        "add_organisation",
        "change_organisation",
        "view_organisation",
        "delete_organisation",
    ],
}
GROUP_PERMISSIONS = {name: [("resources", codename) for codename in codenames] for name, codenames in CODENAMES.items()}


def forwards(apps, schema_editor):
    Topic = apps.get_model("resources", "Topic")
    for position, (code, name) in enumerate(TOPICS):
        Topic.objects.update_or_create(code=code, defaults={"name": name, "position": position})
    grant_group_permissions(apps, GROUP_PERMISSIONS)


def backwards(apps, schema_editor):
    apps.get_model("resources", "Topic").objects.filter(code__in=[code for code, _ in TOPICS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0001_initial"),
        ("accounts", "0002_staff_groups"),
        ("academies", "0002_platform_administrators"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
