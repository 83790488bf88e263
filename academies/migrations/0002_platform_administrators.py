"""Platform administrators see and act for every academy."""

from django.db import migrations

from core.migration_helpers import create_app_permissions, grant_group_permissions

MODEL_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("accounts", "verify_role"),
    ("accounts", "add_user"),
    ("accounts", "change_user"),
    ("academies", "manage_all_academies"),
    ("academies", "add_academy"),
    ("academies", "change_academy"),
    ("academies", "delete_academy"),
]
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"), ("wagtaildocs", "change_document"), ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"), ("wagtailimages", "change_image"), ("wagtailimages", "choose_image"),
]


def create_group(apps, schema_editor):
    # The page and collection permissions below are Wagtail's: create them too.
    create_app_permissions(apps, ["wagtailcore", "wagtaildocs", "wagtailimages"])
    grant_group_permissions(apps, {"Platform administrators": MODEL_PERMISSIONS})
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    def perm(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    group = Group.objects.get(name="Platform administrators")
    root_page = Page.objects.filter(depth=1).first()
    if root_page:
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=perm("wagtailcore", codename))
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection:
        for app_label, codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=perm(app_label, codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("academies", "0001_initial"),
        ("accounts", "0002_staff_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]
    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
