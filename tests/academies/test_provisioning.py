import pytest
from wagtail.models import GroupPagePermission

from academies.services import academies_for, academy_for_page, is_staff_of, provision_academy
from tests import factories

pytestmark = pytest.mark.django_db


def test_creating_an_academy_provisions_its_section_collection_and_groups(academy):
    assert academy.page.title == academy.name
    assert academy.page.get_parent().specific_class.__name__ == "AcademyIndexPage"
    assert academy.collection.name == academy.name
    assert {g.name for g in (academy.editors_group, academy.moderators_group, academy.registrars_group)} == {
        "JSJA editors",
        "JSJA moderators",
        "JSJA registrars",
    }
    assert GroupPagePermission.objects.filter(group=academy.editors_group, page=academy.page).count() == 5


def test_provisioning_twice_changes_nothing(academy):
    before = GroupPagePermission.objects.count()
    provision_academy(academy)
    assert GroupPagePermission.objects.count() == before


def test_staff_act_only_for_their_own_academy(academy, other_academy, registrar):
    assert is_staff_of(registrar, academy, "registrar")
    assert not is_staff_of(registrar, other_academy, "registrar")
    assert not is_staff_of(registrar, academy, "moderator")
    assert list(academies_for(registrar, "registrar")) == [academy]


def test_platform_administrators_act_for_every_academy(academy, other_academy):
    from django.contrib.auth.models import Group

    admin = factories.make_user("academy_staff", mfa=True)
    admin.groups.add(Group.objects.get(name="Platform administrators"))
    assert set(academies_for(admin, "moderator")) == {academy, other_academy}


def test_academy_for_page_finds_the_enclosing_section(academy):
    from home.models import StandardPage

    child = StandardPage(title="About us", slug="about-us")
    academy.page.add_child(instance=child)
    assert academy_for_page(child) == academy
