"""From now on `is_staff` means "may open the Wagtail admin" (see accounts.receivers): set it for existing users."""

from django.db import migrations
from django.db.models import Q


def set_flag(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    allowed = list(
        User.objects.filter(
            Q(is_superuser=True) | Q(user_permissions__in=permission) | Q(groups__permissions__in=permission)
        ).values_list("pk", flat=True)
    )
    User.objects.exclude(pk__in=allowed).update(is_staff=False)
    User.objects.filter(pk__in=allowed).update(is_staff=True)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_strip_wagtail_default_group_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(set_flag, migrations.RunPython.noop)]
