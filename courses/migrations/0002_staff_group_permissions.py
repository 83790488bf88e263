"""Give the platform staff groups what the courses admin needs.

Registrars view and add enrolments (bulk enrolment, reports); academy editors view
enrolments (reports). Which academy's modules they see is decided per request by
academies.services; the question bank is part of the module page, so page
permissions already cover editing it.
"""

from django.db import migrations

from core.migration_helpers import grant_group_permissions, revoke_group_permissions

GROUP_PERMISSIONS = {
    "Registrars": [("courses", "view_enrolment"), ("courses", "add_enrolment")],
    "Academy editors": [("courses", "view_enrolment")],
}


def add_permissions(apps, schema_editor):
    grant_group_permissions(apps, GROUP_PERMISSIONS)


def remove_permissions(apps, schema_editor):
    revoke_group_permissions(apps, GROUP_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("accounts", "0002_staff_groups"),
    ]
    operations = [migrations.RunPython(add_permissions, remove_permissions)]
