"""Give the platform "Registrars" and "Platform administrators" groups the certificate permissions.

Which academy's certificates a registrar may act on is decided in code
(academies.services.is_staff_of); these permissions open the admin screens.
"""

from django.db import migrations

from core.migration_helpers import grant_group_permissions

CODENAMES = {
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
GROUP_PERMISSIONS = {name: [("certificates", codename) for codename in codenames] for name, codenames in CODENAMES.items()}


def grant(apps, schema_editor):
    grant_group_permissions(apps, GROUP_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0001_initial"),
        ("accounts", "0002_staff_groups"),
        ("academies", "0002_platform_administrators"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
