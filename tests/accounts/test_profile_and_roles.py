import json

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from accounts.models import User
from accounts.roles import RoleStatus
from accounts.services import decide_role, role_gate
from regions.models import State
from tests import factories

pytestmark = pytest.mark.django_db


def profile_data(user, **overrides):
    data = {
        "full_name": user.full_name,
        "name_devanagari": "",
        "role": user.role,
        "designation": "Sessions Judge",
        "court_or_office": "Civil Court, Ranchi",
        "district": "Ranchi",
        "state": State.objects.get(code="JH").pk,
        "high_court": "",
    }
    data.update(overrides)
    return data


def test_profile_edit_saves_and_a_changed_role_goes_back_to_pending(client, judge):
    client.force_login(judge)
    response = client.post("/accounts/profile/", profile_data(judge, designation="Principal Sessions Judge"))
    assert response.status_code == 302
    judge.refresh_from_db()
    assert judge.designation == "Principal Sessions Judge" and judge.role_status == RoleStatus.VERIFIED
    client.post("/accounts/profile/", profile_data(judge, role="prosecutor"))
    judge.refresh_from_db()
    assert judge.role == "prosecutor" and judge.role_status == RoleStatus.PENDING


def test_profile_with_bad_input_keeps_entries(client, judge):
    client.force_login(judge)
    response = client.post("/accounts/profile/", profile_data(judge, full_name="", designation="Kept designation"))
    assert response.status_code == 200
    assert "full_name" in response.context["form"].errors
    assert b"Kept designation" in response.content


def test_profile_shows_pending_role_plainly(client, unverified):
    client.force_login(unverified)
    response = client.get("/accounts/profile/")
    assert b"pending verification" in response.content


def test_role_gate_gives_each_reason(judge, unverified, cso_user):
    from django.contrib.auth.models import AnonymousUser

    assert role_gate(AnonymousUser(), ["district_judge"]).code == "anonymous"
    assert role_gate(unverified, ["district_judge"]).code == "unverified"
    assert role_gate(cso_user, ["district_judge"]).code == "audience"
    assert "Civil society member" in role_gate(cso_user, ["district_judge"]).reason
    assert role_gate(judge, ["district_judge"]).allowed


def test_registrar_verifies_a_role_from_the_admin_queue_and_the_user_is_emailed(
    client, registrar, unverified, django_capture_on_commit_callbacks
):
    client.force_login(registrar)
    queue = client.get("/admin/roles/")
    assert queue.status_code == 200 and unverified.full_name.encode() in queue.content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/roles/{unverified.pk}/decide/", {"decision": "verify", "note": "Checked roll"})
    assert response.status_code == 302
    unverified.refresh_from_db()
    assert unverified.role_status == RoleStatus.VERIFIED and unverified.role_reviewed_by == registrar
    assert mail.outbox[-1].to == [unverified.email] and "verified" in mail.outbox[-1].subject
    assert ModelLogEntry.objects.filter(action="colloquium.role_verified", user=registrar).exists()


def test_rejecting_needs_a_note(client, registrar, unverified):
    client.force_login(registrar)
    client.post(f"/admin/roles/{unverified.pk}/decide/", {"decision": "reject", "note": ""})
    unverified.refresh_from_db()
    assert unverified.role_status == RoleStatus.PENDING
    decide_role(unverified, verified=False, reviewer=registrar, note="Not on the roll")
    unverified.refresh_from_db()
    assert unverified.role_status == RoleStatus.REJECTED and unverified.role_note == "Not on the roll"


@pytest.mark.parametrize(
    ("who", "sent_to"),
    [
        # Not staff: the admin does not open at all, so Wagtail asks them to sign in as staff.
        ("judge", "/accounts/login/?next=/admin/roles/"),
        ("cso_user", "/accounts/login/?next=/admin/roles/"),
        # Staff without the permission: Wagtail's refusal, back to the dashboard.
        ("editor", "/admin/"),
        ("moderator", "/admin/"),
    ],
)
def test_only_role_verifiers_reach_the_queue(client, request, who, sent_to):
    client.force_login(request.getfixturevalue(who))
    response = client.get("/admin/roles/")
    assert response.status_code == 302 and response["Location"] == sent_to


def test_staff_without_mfa_are_sent_to_set_it_up(client, academy):
    staff = factories.make_user("academy_staff")
    from academies.services import add_staff

    add_staff(academy, staff, "editor")
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 302 and "/accounts/2fa/totp/activate/" in response["Location"]


def test_personal_data_download_and_deletion(client, judge):
    client.force_login(judge)
    data = json.loads(client.get("/accounts/personal-data/").content)
    assert data["profile"]["email"] == judge.email
    response = client.post("/accounts/delete/", {"confirm": "on"})
    assert response.status_code == 302
    judge.refresh_from_db()
    assert judge.full_name == "Deleted user" and not judge.is_active and judge.email.endswith("@invalid.local")
    assert not User.objects.filter(email="judge@example.test").exists()


def test_registrars_verify_users_of_the_states_their_academy_serves(client, registrar, other_academy):
    near = factories.make_user("district_judge", verified=False, state="JH", full_name="Ranchi Judge")
    far = factories.make_user("district_judge", verified=False, state="MP", full_name="Bhopal Judge")
    client.force_login(registrar)
    queue = client.get("/admin/roles/").content.decode()
    assert "Ranchi Judge" in queue and "Bhopal Judge" not in queue
    assert client.post(f"/admin/roles/{far.pk}/decide/", {"decision": "verify"}).status_code == 404
    far.refresh_from_db()
    assert far.role_status == RoleStatus.PENDING
    other_registrar = factories.make_staff(other_academy, "registrar")
    client.force_login(other_registrar)
    assert client.post(f"/admin/roles/{far.pk}/decide/", {"decision": "verify"}).status_code == 302
    assert near.role_status == RoleStatus.PENDING


def test_staff_without_mfa_cannot_use_front_end_moderation(client, academy):
    from academies.services import add_staff

    staff = factories.make_user("academy_staff")
    add_staff(academy, staff, "moderator")
    client.force_login(staff)
    response = client.get("/resources/moderation/")
    assert response.status_code == 302 and "/accounts/2fa/totp/activate/" in response["Location"]
    factories.give_mfa(staff)
    assert client.get("/resources/moderation/").status_code == 200
