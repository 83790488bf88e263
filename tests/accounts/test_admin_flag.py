"""`is_staff` mirrors "may open the Wagtail admin", so page headers need no permission queries."""

import pytest
from django.contrib.auth.models import Group, Permission

from academies.services import EDITOR, add_staff
from accounts.models import User
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def flag(user):
    return User.objects.get(pk=user.pk).is_staff


def test_staff_roles_set_it_and_taking_them_away_clears_it(academy):
    user = make_user()
    assert not flag(user)
    add_staff(academy, user, EDITOR)
    assert flag(user) and user.is_staff
    user.groups.clear()
    assert not flag(user) and not user.is_staff


def test_adding_users_to_a_group_from_the_group_side(academy):
    users = [make_user(), make_user()]
    academy.editors_group.user_set.add(*users)
    assert all(flag(u) for u in users)
    academy.editors_group.user_set.remove(users[0])
    assert not flag(users[0]) and flag(users[1])
    academy.editors_group.user_set.clear()
    assert not flag(users[1])


def test_a_group_losing_admin_access_takes_it_from_its_members():
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    group = Group.objects.create(name="Reviewers")
    user = make_user()
    user.groups.add(group)
    assert not flag(user)
    group.permissions.add(access)
    assert flag(user)
    group.permissions.remove(access)
    assert not flag(user)


def test_superusers_and_direct_permissions():
    user = make_user()
    user.is_superuser = True
    user.save()
    assert flag(user)
    user.is_superuser = False
    user.save()
    assert not flag(user)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert flag(user)


def test_the_header_shows_the_admin_link_only_to_staff(client, judge, editor):
    client.force_login(judge)
    assert 'href="/admin/"' not in client.get("/").content.decode()
    client.force_login(editor)
    assert 'href="/admin/"' in client.get("/").content.decode()
