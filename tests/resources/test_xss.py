"""Script, event-handler and javascript: payloads in every text field come out inert wherever shown."""

import json

from django.core import mail

from resources import services
from resources.models import Organisation
from tests.resources.builders import PDF, upload
from tests.resources.conftest import form_data, make_member
from tests.resources.inert import PAYLOAD, assert_inert


def test_payloads_in_every_field_are_inert_everywhere(
    client, index_page, academy, moderator, superuser, django_capture_on_commit_callbacks
):
    from regions.models import State

    organisation = Organisation.objects.create(
        name=f"Org {PAYLOAD}"[:200],
        state=State.objects.get(code="JH"),
        verified=True,
        about=PAYLOAD,
        website="https://example.org/",
    )
    member = make_member(organisation, full_name=f"Member {PAYLOAD}"[:150])
    client.force_login(member)
    data = form_data(
        title=PAYLOAD[:200],
        summary=PAYLOAD,
        description=PAYLOAD + '<p><a href="javascript:alert(1)" onclick="x()">link</a></p>',
        author_source=PAYLOAD[:200],
        files=upload(f"{PAYLOAD[:40]}.pdf", PDF),
    )
    assert client.post("/resources/share/", data).status_code == 302
    version = organisation.resources.get().latest_version
    assert "<script" not in version.description and "javascript:" not in version.description
    stored_file = version.files.get()
    assert "<" not in stored_file.original_name and '"' not in stored_file.original_name

    # The organisation's own views of the pending version.
    assert_inert(client.get(f"/resources/mine/{version.resource_id}/").content.decode())
    assert_inert(client.get("/resources/mine/").content.decode())
    assert_inert(client.get(version.resource.get_url(index_page)).content.decode())

    # The moderator's preview and decision, with a payload in the note.
    client.force_login(moderator)
    assert_inert(client.get(f"/resources/moderation/{version.pk}/").content.decode())
    assert_inert(client.get("/resources/moderation/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(version, moderator, "approve")
    assert mail.outbox

    # The public library: listing, search results, detail, organisation page, home section.
    client.logout()
    assert_inert(client.get(index_page.url).content.decode())
    assert_inert(client.get(index_page.url + "?q=xss-marker").content.decode())
    assert_inert(client.get(version.resource.get_url(index_page)).content.decode())
    org_url = index_page.url + index_page.reverse_subpage("organisation", kwargs={"slug": organisation.slug})
    assert_inert(client.get(org_url).content.decode())
    assert_inert(client.get("/").content.decode())

    # The Wagtail admin listing and edit form of organisations (admin preview of the CSO's data).
    client.force_login(superuser)
    assert_inert(client.get("/admin/snippets/resources/organisation/").content.decode())
    assert_inert(client.get(f"/admin/snippets/resources/organisation/edit/{organisation.pk}/").content.decode())

    # The API exposes pages only; nothing of the resource leaks there, payload or not.
    api = client.get("/api/v2/pages/?search=xss-marker").content.decode()
    assert json.loads(api)["meta"]["total_count"] == 0


def test_moderator_note_is_inert_for_the_organisation(client, pending, moderator, member):
    services.decide(pending, moderator, "changes", PAYLOAD)
    client.force_login(member)
    assert_inert(client.get(f"/resources/mine/{pending.resource_id}/").content.decode())
    assert_inert(client.get("/accounts/dashboard/").content.decode())
    assert_inert(client.get(f"/resources/mine/{pending.resource_id}/edit/").content.decode())
