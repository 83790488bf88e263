"""Decisions, history, audit, email, academy scoping and the guards that keep races consistent."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry

from resources import services
from resources.models import ModerationDecision, ResourceVersion
from tests.resources.conftest import service_data, submit


def test_approve_publishes_records_and_emails(pending, moderator, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(pending, moderator, "approve")
    pending.refresh_from_db()
    assert pending.status == "approved" and pending.decided_by == moderator and pending.decided_at
    assert pending.resource.live_version_id == pending.pk
    decision = ModerationDecision.objects.get()
    assert (decision.decision, decision.decided_by) == ("approve", moderator)
    assert ModelLogEntry.objects.filter(action="colloquium.resource_approve", user=moderator).exists()
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert "now public" in mail.outbox[0].subject


def test_request_changes_shows_the_note_to_the_organisation(
    client, pending, moderator, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(pending, moderator, "changes", "Please add the source of the statistics.")
    pending.refresh_from_db()
    assert pending.status == "changes"
    assert pending.resource.live_version is None
    client.force_login(member)
    assert (
        "Please add the source of the statistics."
        in client.get(f"/resources/mine/{pending.resource_id}/").content.decode()
    )
    assert "Please add the source" in client.get("/accounts/dashboard/").content.decode()
    assert "Please add the source" in mail.outbox[0].body


def test_reject_needs_a_reason(pending, moderator):
    with pytest.raises(ValueError):
        services.decide(pending, moderator, "reject", "")
    services.decide(pending, moderator, "reject", "Not about trafficking.")
    pending.refresh_from_db()
    assert pending.status == "rejected"
    assert ModelLogEntry.objects.filter(action="colloquium.resource_reject").exists()


def test_moderator_of_another_academy_cannot_decide(pending, other_moderator, moderator, other_academy, member):
    with pytest.raises(PermissionDenied):
        services.decide(pending, other_moderator, "approve")
    # And the other direction: a submission sent only to the other academy.
    other = submit(member, title="For MP only", target_mode="chosen", target_academies=[other_academy])
    with pytest.raises(PermissionDenied):
        services.decide(other, moderator, "approve")
    services.decide(other, other_moderator, "approve")
    assert not ModerationDecision.objects.filter(version=pending).exists()


def test_review_view_scoping_both_directions(client, pending, moderator, other_moderator, other_academy, member):
    client.force_login(other_moderator)
    assert client.get(f"/resources/moderation/{pending.pk}/").status_code == 404
    assert client.post(f"/resources/moderation/{pending.pk}/", {"decision": "approve"}).status_code == 404
    assert pending.title not in client.get("/resources/moderation/").content.decode()
    other = submit(member, title="For MP only", target_mode="chosen", target_academies=[other_academy])
    client.force_login(moderator)
    assert client.get(f"/resources/moderation/{other.pk}/").status_code == 404
    queue = client.get("/resources/moderation/").content.decode()
    assert pending.title in queue and "For MP only" not in queue
    response = client.post(f"/resources/moderation/{pending.pk}/", {"decision": "approve", "note": ""})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == "approved"


def test_second_decision_is_refused(pending, moderator):
    services.decide(pending, moderator, "approve")
    with pytest.raises(services.DecisionConflict):
        services.decide(pending, moderator, "reject", "Too late")
    pending.refresh_from_db()
    assert pending.status == "approved"
    assert ModerationDecision.objects.count() == 1


def test_edit_replaces_pending_version_and_old_decision_is_refused(pending, moderator, member):
    from resources.models import ResourceFile

    kept = list(ResourceFile.objects.filter(version=pending))
    newer = services.submit_edit(member, pending.resource, service_data(title="Edited"), [], kept)
    pending.refresh_from_db()
    assert pending.status == "superseded"
    with pytest.raises(services.DecisionConflict):
        services.decide(pending, moderator, "approve")
    services.decide(newer, moderator, "approve")
    newer.resource.refresh_from_db()
    assert newer.resource.live_version == newer
    assert newer.files.get().file.name == kept[0].file.name


def test_decision_wins_over_a_later_edit(pending, moderator, member):
    services.decide(pending, moderator, "reject", "No.")
    newer = services.submit_edit(
        member, pending.resource, service_data(title="Second try"), [], list(pending.files.all())
    )
    assert newer.status == "pending"
    pending.refresh_from_db()
    assert pending.status == "rejected"  # the decided version keeps its decision


def test_editing_an_approved_resource_keeps_it_public(client, index_page, approved, moderator, member):
    url = approved.resource.get_url(index_page)
    newer = services.submit_edit(
        member, approved.resource, service_data(title="Revised guide"), [], list(approved.files.all())
    )
    body = client.get(url).content.decode()
    assert approved.title in body and "Revised guide" not in body
    services.decide(newer, moderator, "changes", "Fix the date.")
    assert approved.title in client.get(url).content.decode()
    newest = services.submit_edit(
        member, approved.resource, service_data(title="Revised again"), [], list(newer.files.all())
    )
    services.decide(newest, moderator, "approve")
    newest.resource.refresh_from_db()  # its live version (and so its slug) is the new one now
    url = newest.resource.get_url(index_page)
    body = client.get(url).content.decode()
    assert "Revised again" in body
    approved.refresh_from_db()
    assert approved.status == "superseded"
    assert ResourceVersion.objects.filter(resource=approved.resource).count() == 3


def test_edit_over_http_and_history(client, approved, member, moderator):
    client.force_login(member)
    url = f"/resources/mine/{approved.resource_id}/edit/"
    page = client.get(url).content.decode()
    assert approved.title in page
    from tests.resources.conftest import form_data

    response = client.post(url, form_data(title="Edited over HTTP"))
    assert response.status_code == 302
    latest = ResourceVersion.objects.get(title="Edited over HTTP")
    assert latest.files.count() == 1  # kept from the approved version
    client.force_login(moderator)
    history = client.get(f"/resources/moderation/{latest.pk}/").content.decode()
    assert "Approve by" in history and str(moderator) in history


def test_only_members_of_verified_organisations_edit(approved, other_member, organisation, member):
    with pytest.raises(PermissionDenied):
        services.submit_edit(other_member, approved.resource, service_data(), [], list(approved.files.all()))
    organisation.verified = False
    organisation.save()
    with pytest.raises(PermissionDenied):
        services.submit_edit(member, approved.resource, service_data(), [], list(approved.files.all()))


def test_organisation_verification_is_stamped(organisation, superuser):
    organisation.verified = False
    organisation.save()
    services.set_verified(organisation, True, superuser)
    organisation.refresh_from_db()
    assert organisation.verified and organisation.verified_by == superuser and organisation.verified_at
    assert ModelLogEntry.objects.filter(action="colloquium.organisation_verified").exists()


@pytest.mark.django_db(transaction=True)
def test_concurrent_decisions_end_in_one_state(home):
    """Approve, reject and an edit racing in threads: exactly one decision or edit wins on the open version."""
    import threading

    from django.db import connection

    if connection.vendor == "sqlite":
        pytest.skip("SQLite has no row locks; the race is tested on PostgreSQL")

    from tests import factories
    from tests.resources.conftest import make_member, make_org

    academy = factories.make_academy("JSJA", "Jharkhand State Judicial Academy", states=("JH",), high_court="JHHC")
    moderator = factories.make_staff(academy, "moderator")
    member = make_member(make_org())
    version = submit(member)
    outcomes = []

    def run(action):
        try:
            action()
            outcomes.append("ok")
        except services.DecisionConflict:
            outcomes.append("conflict")
        except Exception as error:  # SQLite may report a lock instead of waiting
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    actions = [
        lambda: services.decide(version, moderator, "approve"),
        lambda: services.decide(version, moderator, "reject", "No"),
        lambda: services.submit_edit(
            member, version.resource, service_data(title="Race edit"), [], list(version.files.all())
        ),
    ]
    threads = [threading.Thread(target=run, args=(a,)) for a in actions]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    version.refresh_from_db()
    decisions = ModerationDecision.objects.filter(version=version).count()
    assert decisions <= 1
    if version.status == "superseded":
        assert decisions == 0  # the edit won; both decisions were refused
    else:
        assert version.status in ("approved", "rejected") and decisions == 1
        assert version.resource.live_version_id == (version.pk if version.status == "approved" else None)
