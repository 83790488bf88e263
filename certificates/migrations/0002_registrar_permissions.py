"""Give the platform "Registrars" and "Platform administrators" groups the certificate permissions.

Which academy's certificates a registrar may act on is decided in code
(academies.services.is_staff_of); these permissions open the admin screens.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "Registrars": [
        "view_certificate", "issue_certificate", "view_issuebatch",
        "add_certificatetemplate", "change_certificatetemplate", "view_certificatetemplate",
    ],
    "Platform administrators": [
        "view_certificate", "issue_certificate", "view_issuebatch",
        "add_certificatetemplate", "change_certificatetemplate", "delete_certificatetemplate",
        "view_certificatetemplate",
    ],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("certificates")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="certificates", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0001_initial"),
        ("accounts", "0002_staff_groups"),
        ("academies", "0002_platform_administrators"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
