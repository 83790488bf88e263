"""Take away the page and collection permissions Wagtail's initial data gives its own
"Moderators" and "Editors" groups.

Wagtail's first migrations create "Moderators" and "Editors" with add/change/publish
on the whole page tree and add/change/choose on every document and image. Our
0002 reuses the name "Moderators" for the platform-wide moderators group, so every
academy moderator could edit, publish and unpublish every academy's pages (module
pages hold the quiz answer key) and every document. Academy staff get page and
collection permissions only through their academy's own groups (academies.services).
"""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]


def strip(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    groups = Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS)
    GroupPagePermission.objects.filter(group__in=groups).delete()
    GroupCollectionPermission.objects.filter(group__in=groups).delete()
    # Wagtail's "Editors" group is not used by Colloquium: leave it with no permissions at all.
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_staff_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(strip, migrations.RunPython.noop)]
