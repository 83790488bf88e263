"""A resource and its files have one address each: any other slug or file name moves there (301)."""

import pytest

from resources import services
from tests.resources.conftest import service_data


def wrong_slug_url(version, index_page, slug="x"):
    return index_page.url + index_page.reverse_subpage("detail", kwargs={"pk": version.resource_id, "slug": slug})


def test_detail_under_its_own_slug_is_served(client, index_page, approved):
    response = client.get(approved.resource.get_url(index_page))
    assert response.status_code == 200
    assert approved.title in response.content.decode()


@pytest.mark.parametrize("slug", ["x", "guide-to-victim", "guide-to-victim-identification-old"])
def test_detail_under_another_slug_moves_to_its_own_address(client, index_page, approved, slug):
    response = client.get(wrong_slug_url(approved, index_page, slug))
    assert response.status_code == 301
    assert response["Location"] == approved.resource.get_url(index_page)


def test_redirect_keeps_the_query_string(client, index_page, approved):
    response = client.get(wrong_slug_url(approved, index_page) + "?utm_source=mail&lang=hi")
    assert response.status_code == 301
    assert response["Location"] == approved.resource.get_url(index_page) + "?utm_source=mail&lang=hi"


def test_new_title_moves_the_old_address(client, index_page, approved, member, moderator):
    old_url = approved.resource.get_url(index_page)
    data = service_data(title="Victim identification: a field guide")
    edited = services.submit_edit(member, approved.resource, data, [], list(approved.files.all()))
    services.decide(edited, moderator, "approve")
    approved.resource.refresh_from_db()
    new_url = approved.resource.get_url(index_page)
    assert new_url != old_url
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"] == new_url


def test_pending_resource_under_another_slug_stays_404_for_outsiders(client, index_page, pending, judge):
    # The redirect comes after the permission check: it would otherwise tell outsiders the resource exists.
    assert client.get(wrong_slug_url(pending, index_page)).status_code == 404
    client.force_login(judge)
    assert client.get(wrong_slug_url(pending, index_page)).status_code == 404


def test_pending_resource_under_another_slug_moves_for_its_organisation(client, index_page, pending, member):
    client.force_login(member)
    response = client.get(wrong_slug_url(pending, index_page))
    assert response.status_code == 301
    assert response["Location"] == pending.resource.get_url(index_page)
    assert client.get(response["Location"]).status_code == 200


def test_file_under_another_name_moves_to_its_own_address(client, approved):
    stored = approved.files.get()
    response = client.get(f"/resources/files/{stored.pk}/other-name.pdf?download=1")
    assert response.status_code == 301
    assert response["Location"] == stored.get_absolute_url() + "?download=1"
    assert client.get(stored.get_absolute_url()).status_code == 200


def test_pending_file_under_another_name_stays_404_for_outsiders(client, pending):
    stored = pending.files.get()
    assert client.get(f"/resources/files/{stored.pk}/other-name.pdf").status_code == 404
