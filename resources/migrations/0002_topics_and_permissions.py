"""Seed the fixed topic list; let moderators and platform administrators verify organisations."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

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
GROUP_PERMISSIONS = {
    "Moderators": ["add_organisation", "change_organisation", "view_organisation"],
    "Platform administrators": [
        "add_organisation",
        "change_organisation",
        "view_organisation",
        "delete_organisation",
    ],
}


def forwards(apps, schema_editor):
    Topic = apps.get_model("resources", "Topic")
    for position, (code, name) in enumerate(TOPICS):
        Topic.objects.update_or_create(code=code, defaults={"name": name, "position": position})
    app_config = apps.get_app_config("resources")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="resources", codename__in=codenames)
        )


def backwards(apps, schema_editor):
    apps.get_model("resources", "Topic").objects.filter(code__in=[code for code, _ in TOPICS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0001_initial"),
        ("accounts", "0002_staff_groups"),
        ("academies", "0002_platform_administrators"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
