"""Grant the staff groups their model permissions from a data migration.

Each app's data migration names the permissions its admin screens need, per platform
staff group ("Registrars", "Moderators", ...), and calls these functions from RunPython:

    GROUP_PERMISSIONS = {"Registrars": [("courses", "view_enrolment")]}

    def grant(apps, schema_editor):
        grant_group_permissions(apps, GROUP_PERMISSIONS)

Only the historical models that `apps` holds are used, never the current ones, so old
migrations keep working whatever the models become. Keep this module stable: migrations
import it, and a change here changes what every old migration does.
"""

from django.contrib.auth.management import create_permissions


def create_app_permissions(apps, app_labels):
    """Create the default (and Meta) permissions of these apps' historical models now.

    Django creates them after `migrate` (post_migrate); a data migration that grants them
    needs them earlier.
    """
    for app_label in app_labels:
        try:
            app_config = apps.get_app_config(app_label)
        except LookupError:
            continue  # no models in the historical state (wagtailadmin): its permissions come from its own migration
        # Historical app configs have no models module, and create_permissions skips those.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant_group_permissions(apps, group_permissions):
    """Add permissions to groups, creating the groups and the permissions as needed.

    `group_permissions` maps a group name to (app_label, codename) pairs. Every permission
    must exist once its app's permissions are created: a misspelt codename fails the migration.
    """
    create_app_permissions(apps, sorted({label for pairs in group_permissions.values() for label, _ in pairs}))
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, pairs in group_permissions.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *(Permission.objects.get(content_type__app_label=label, codename=codename) for label, codename in pairs)
        )


def revoke_group_permissions(apps, group_permissions):
    """Take back what grant_group_permissions gave; the groups themselves stay."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, pairs in group_permissions.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for label, codename in pairs:
            group.permissions.remove(*Permission.objects.filter(content_type__app_label=label, codename=codename))
