"""Academy staff edit only their own section of the page tree and their own collection."""

import pytest
from django.contrib.messages import get_messages
from wagtail.documents import get_document_model
from wagtail.models import Page

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def add_page(parent, title):
    page = StandardPage(title=title, slug=title.lower().replace(" ", "-"))
    parent.add_child(instance=page)
    return page


def assert_refused_by_wagtail(response):
    """Wagtail's admin answers a page it refuses with a redirect to the dashboard and a message."""
    assert response.status_code == 302 and response["Location"] == "/admin/"
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("do not have permission" in message for message in messages), messages


def test_editor_edits_pages_in_own_section_only(client, academy, other_academy, editor):
    own = add_page(academy.page, "Own notice")
    other = add_page(other_academy.page, "Other notice")
    client.force_login(editor)
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    assert_refused_by_wagtail(client.get(f"/admin/pages/{other.pk}/edit/"))
    assert client.get(f"/admin/pages/add/home/standardpage/{academy.page.pk}/").status_code == 200
    assert_refused_by_wagtail(client.get(f"/admin/pages/add/home/standardpage/{other_academy.page.pk}/"))


def test_editor_cannot_edit_the_home_page_or_national_pages(client, academy, editor, home):
    client.force_login(editor)
    assert_refused_by_wagtail(client.get(f"/admin/pages/{home.pk}/edit/"))


def test_editor_publishes_in_own_section(client, academy, editor):
    page = add_page(academy.page, "Draft notice")
    client.force_login(editor)
    user_perms = page.permissions_for_user(editor)
    assert user_perms.can_publish() and user_perms.can_edit()
    other_perms = Page.objects.get(pk=academy.page.get_parent().pk).permissions_for_user(editor)
    assert not other_perms.can_edit()


def test_editor_uploads_documents_only_into_own_collection(academy, other_academy, editor):
    from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

    policy = CollectionOwnershipPermissionPolicy(get_document_model(), auth_model=get_document_model())
    collections = set(policy.collections_user_has_permission_for(editor, "add"))
    assert academy.collection in collections and other_academy.collection not in collections


def test_only_platform_administrators_edit_academy_records(client, academy, editor, superuser):
    client.force_login(editor)
    assert_refused_by_wagtail(client.get(f"/admin/snippets/academies/academy/edit/{academy.pk}/"))
    client.force_login(superuser)
    assert client.get(f"/admin/snippets/academies/academy/edit/{academy.pk}/").status_code == 200


def test_public_academy_pages_are_visible_to_everyone(client, academy):
    assert client.get(academy.page.url).status_code == 200
