"""A "finance" staff group per academy, beside its editors, moderators and registrars, and the
platform-wide "Finance officers" group that carries their model permissions (the support app
grants it the support record's permissions in its own data migration). New academies get
their finance group from academies.services.provision_academy."""

from django.db import migrations, models
import django.db.models.deletion

from core.migration_helpers import grant_group_permissions

FINANCE_GROUP = "Finance officers"


def create_finance_groups(apps, schema_editor):
    grant_group_permissions(apps, {FINANCE_GROUP: [("wagtailadmin", "access_admin")]})
    Academy = apps.get_model("academies", "Academy")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    for academy in Academy.objects.filter(finance_group__isnull=True):
        group, _ = Group.objects.get_or_create(name=f"{academy.short_code} finance")
        group.permissions.add(access_admin)
        academy.finance_group = group
        academy.save(update_fields=["finance_group"])


def remove_finance_groups(apps, schema_editor):
    Academy = apps.get_model("academies", "Academy")
    Group = apps.get_model("auth", "Group")
    group_ids = list(Academy.objects.exclude(finance_group=None).values_list("finance_group_id", flat=True))
    Academy.objects.update(finance_group=None)
    Group.objects.filter(pk__in=group_ids).delete()
    Group.objects.filter(name=FINANCE_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("academies", "0002_platform_administrators"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [
        migrations.AddField(
            model_name="academy",
            name="finance_group",
            field=models.OneToOneField(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="auth.group",
            ),
        ),
        migrations.RunPython(create_finance_groups, remove_finance_groups),
    ]
