"""Public functions of the academies app: provisioning, and who may act for which academy.

Other apps ask `academies_for(user, REGISTRAR)` or `is_staff_of(user, academy,
MODERATOR)` and never look at groups themselves.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site

from accounts.roles import EDITORS_GROUP, MODERATORS_GROUP, REGISTRARS_GROUP
from regions.models import State

from .models import Academy, AcademyIndexPage, AcademyPage

EDITOR = "editor"
MODERATOR = "moderator"
REGISTRAR = "registrar"
FINANCE = "finance"
STAFF_ROLES = {EDITOR: "editors", MODERATOR: "moderators", REGISTRAR: "registrars", FINANCE: "finance"}
# The platform-wide group of academy finance staff; the support app grants it its permissions.
FINANCE_GROUP = "Finance officers"
PLATFORM_GROUP_FOR_ROLE = {
    EDITOR: EDITORS_GROUP,
    MODERATOR: MODERATORS_GROUP,
    REGISTRAR: REGISTRARS_GROUP,
    FINANCE: FINANCE_GROUP,
}

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _academy_index():
    index = AcademyIndexPage.originals.first()
    if index:
        return index
    root = Site.objects.get(is_default_site=True).root_page
    index = AcademyIndexPage(title="Academies", slug="academies", introduction="")
    root.add_child(instance=index)
    return index


@transaction.atomic
def provision_academy(academy):
    """Create the academy's page section, collection and staff groups. Idempotent."""
    changed = []
    if academy.page_id is None:
        page = AcademyPage(title=academy.name, slug=academy.short_code.lower(), introduction="")
        _academy_index().add_child(instance=page)
        academy.page = page
        changed.append("page")
    if academy.collection_id is None:
        academy.collection = Collection.get_first_root_node().add_child(name=academy.name)
        changed.append("collection")
    access_admin = _permission("wagtailadmin", "access_admin")
    for suffix in STAFF_ROLES.values():
        field = f"{suffix}_group"
        if getattr(academy, f"{field}_id") is None:
            group, _ = Group.objects.get_or_create(name=f"{academy.short_code} {suffix}")
            group.permissions.add(access_admin)
            setattr(academy, field, group)
            changed.append(field)
    if changed:
        academy.save(update_fields=changed)

    page = Page.objects.get(pk=academy.page_id)
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=academy.editors_group, page=page, permission=_permission("wagtailcore", codename)
        )
    for app_label, codename in EDITOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=academy.editors_group, collection=academy.collection, permission=_permission(app_label, codename)
        )
    return academy


def add_staff(academy, user, role):
    """Make `user` an editor, moderator, registrar or finance officer of `academy`."""
    group = getattr(academy, f"{STAFF_ROLES[role]}_group")
    user.groups.add(group, Group.objects.get(name=PLATFORM_GROUP_FOR_ROLE[role]))


def _may_hold_staff_role(user):
    # Every staff role comes with access to the admin, which accounts.receivers mirrors in
    # `user.is_staff`: a user without it holds no staff role, answered without a query
    # (learners pass through these checks on every page).
    return user.is_authenticated and user.is_staff


def acts_for_all(user):
    return _may_hold_staff_role(user) and (user.is_superuser or user.has_perm("academies.manage_all_academies"))


def academies_for(user, role):
    """The academies for which `user` holds `role` (all of them for platform administrators)."""
    if not _may_hold_staff_role(user):
        return Academy.objects.none()
    if acts_for_all(user):
        return Academy.objects.all()
    field = f"{STAFF_ROLES[role]}_group__in"
    return Academy.objects.filter(**{field: user.groups.all()})


def is_staff_of(user, academy, role):
    if academy is None or not _may_hold_staff_role(user):
        return False
    if acts_for_all(user):
        return True
    group_id = getattr(academy, f"{STAFF_ROLES[role]}_group_id")
    return group_id is not None and user.groups.filter(pk=group_id).exists()


def staff_academies(user):
    """Every academy where `user` holds any staff role."""
    if not _may_hold_staff_role(user):
        return Academy.objects.none()
    if acts_for_all(user):
        return Academy.objects.all()
    groups = user.groups.all()
    return Academy.objects.filter(
        Q(editors_group__in=groups)
        | Q(moderators_group__in=groups)
        | Q(registrars_group__in=groups)
        | Q(finance_group__in=groups)
    ).distinct()


def academy_for_page(page):
    """The academy whose section contains `page`, or None (national pages)."""
    academy_page = AcademyPage.objects.ancestor_of(page, inclusive=True).first()
    if academy_page is None:
        return None
    return Academy.objects.filter(page_id=academy_page.pk).first()


def contact_for(academy):
    """Whom a participant should contact at `academy`: name, email, phone and website (each may be "").

    None when there is no academy (national pages) or its record gives no way to reach it.
    """
    if academy is None:
        return None
    details = {
        "name": academy.name,
        "email": academy.contact_email,
        "phone": academy.contact_phone,
        "website": academy.website,
    }
    if not (details["email"] or details["phone"] or details["website"]):
        return None
    return details


def scope_role_queue(user, users):
    """Registrars verify the roles of users in the States/UTs their academies serve.

    A national academy's registrars, superusers and platform administrators see everyone.
    """
    if acts_for_all(user):
        return users
    academies = academies_for(user, REGISTRAR)
    if academies.filter(is_national=True).exists():
        return users
    return users.filter(state__academies__in=academies).distinct()


def states_served_by(user, role):
    """States/UTs served by the academies where `user` holds `role`; None means every State."""
    academies = academies_for(user, role)
    if acts_for_all(user) or academies.filter(is_national=True).exists():
        return None
    return State.objects.filter(academies__in=academies).distinct()
