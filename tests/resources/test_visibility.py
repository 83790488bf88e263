"""A pending resource is a 404 for everyone but its organisation and its academies' moderators."""

import pytest

from resources import services
from resources.models import Resource
from tests import factories


def detail_url(version, index_page):
    return version.resource.get_url(index_page)


def file_url(version):
    return version.files.get().get_absolute_url()


@pytest.fixture
def outsiders(db, other_member, other_moderator, judge):
    return {
        "anonymous": None,
        "judge": judge,
        "other organisation": other_member,
        "other academy's moderator": other_moderator,
    }


def test_pending_is_404_for_outsiders(client, index_page, pending, outsiders):
    for label, user in outsiders.items():
        client.logout()
        if user:
            client.force_login(user)
        assert client.get(detail_url(pending, index_page)).status_code == 404, label
        assert client.get(file_url(pending)).status_code == 404, label
        listing = client.get(index_page.url + "?q=victim").content.decode()
        assert pending.title not in listing, label
        assert client.get(f"/resources/moderation/{pending.pk}/").status_code in (302, 404), label


def test_pending_is_visible_to_its_organisation_and_target_moderators(client, index_page, pending, member, moderator):
    for user in (member, moderator):
        client.force_login(user)
        response = client.get(detail_url(pending, index_page))
        assert response.status_code == 200
        assert "Not public" in response.content.decode()
        assert client.get(file_url(pending)).status_code == 200
    # Still not listed or searchable, even for them.
    assert pending.title not in client.get(index_page.url + "?q=victim").content.decode()


def test_pending_not_in_site_search_or_api(client, index_page, pending):
    assert pending.title not in client.get("/search/?q=victim").content.decode()
    assert pending.title not in client.get("/api/v2/pages/?search=victim").content.decode()
    assert pending.title not in client.get("/api/v2/documents/?search=victim").content.decode()


def test_approved_is_public_with_safe_file_headers(client, index_page, approved):
    response = client.get(detail_url(approved, index_page))
    assert response.status_code == 200
    assert approved.title in client.get(index_page.url + "?q=identification").content.decode()
    response = client.get(file_url(approved))
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")


def test_office_files_download_as_attachments(client, index_page, member, moderator):
    from resources.files import check_upload
    from tests.resources.builders import ooxml_bytes, upload
    from tests.resources.conftest import service_data

    version = services.submit_resource(member, service_data(), [check_upload(upload("n.docx", ooxml_bytes()))])
    services.decide(version, moderator, "approve")
    response = client.get(version.files.get().get_absolute_url())
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_unverifying_an_organisation_hides_its_resources(client, index_page, approved, organisation):
    organisation.verified = False
    organisation.save()
    assert client.get(detail_url(approved, index_page)).status_code == 404
    assert client.get(file_url(approved)).status_code == 404
    org_url = index_page.url + index_page.reverse_subpage("organisation", kwargs={"slug": organisation.slug})
    assert client.get(org_url).status_code == 404


def test_organisation_page_lists_only_approved(client, index_page, approved, member, organisation):
    from tests.resources.conftest import submit

    draft = submit(member, title="Unapproved draft")
    org_url = index_page.url + index_page.reverse_subpage("organisation", kwargs={"slug": organisation.slug})
    body = client.get(org_url).content.decode()
    assert approved.title in body
    assert draft.title not in body


def test_filters(client, index_page, approved):
    url = index_page.url
    assert approved.title in client.get(url + "?topic=victim-identification").content.decode()
    assert approved.title not in client.get(url + "?topic=organ-trade").content.decode()
    assert approved.title in client.get(url + "?state=JH&language=en&type=guide").content.decode()
    assert approved.title not in client.get(url + "?state=MP").content.decode()
    assert approved.title not in client.get(url + "?type=sop").content.decode()
    slug = approved.resource.organisation.slug
    assert approved.title in client.get(url + f"?organisation={slug}").content.decode()


def test_submission_pages_are_for_members_only(client, pending, other_member, member):
    url = f"/resources/mine/{pending.resource_id}/"
    client.force_login(other_member)
    assert client.get(url).status_code == 404
    assert client.get(url + "edit/").status_code == 404
    client.force_login(member)
    assert client.get(url).status_code == 200
    assert client.get(url + "edit/").status_code == 200


def test_moderation_queue_needs_a_moderator(client, db, judge, academy):
    client.force_login(judge)
    assert client.get("/resources/moderation/").status_code == 403
    editor = factories.make_staff(academy, "editor")
    client.force_login(editor)
    assert client.get("/resources/moderation/").status_code == 403


def test_unknown_resource_is_404(client, index_page, db):
    assert client.get(index_page.url + "999-nothing/").status_code == 404
    assert client.get("/resources/files/999/x.pdf").status_code == 404
    assert not Resource.objects.exists()
