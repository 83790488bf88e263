"""The "Academy staff" role comes from academy groups, never from a declaration; no one verifies their own role."""

import pytest
from django.core.exceptions import PermissionDenied

from accounts.models import User
from accounts.roles import Role, RoleStatus, declarable_roles
from accounts.services import decide_role
from tests import factories
from tests.accounts.test_profile_and_roles import profile_data
from tests.accounts.test_signup_and_login import signup_data

pytestmark = pytest.mark.django_db


def test_declarable_roles_leave_out_academy_staff_unless_already_held():
    assert Role.ACADEMY_STAFF not in dict(declarable_roles())
    assert Role.DISTRICT_JUDGE in dict(declarable_roles())
    assert Role.ACADEMY_STAFF in dict(declarable_roles(Role.ACADEMY_STAFF))


def test_signup_does_not_offer_academy_staff_and_refuses_it_when_posted(client):
    assert 'value="academy_staff"' not in client.get("/accounts/signup/").content.decode()
    response = client.post("/accounts/signup/", signup_data(role="academy_staff"))
    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert 'value="Smt. Rekha Soren"' in response.content.decode()  # entries kept
    assert not User.objects.filter(email="new.judge@example.test").exists()


def test_profile_does_not_let_anyone_choose_academy_staff(client, judge):
    client.force_login(judge)
    assert 'value="academy_staff"' not in client.get("/accounts/profile/").content.decode()
    response = client.post("/accounts/profile/", profile_data(judge, role="academy_staff"))
    assert response.status_code == 200 and "role" in response.context["form"].errors
    judge.refresh_from_db()
    assert judge.role == Role.DISTRICT_JUDGE and judge.role_status == RoleStatus.VERIFIED


def test_someone_who_holds_academy_staff_keeps_it_when_saving_the_profile(client, editor):
    client.force_login(editor)
    form = client.get("/accounts/profile/").content.decode()
    assert 'value="academy_staff" selected' in form
    response = client.post("/accounts/profile/", profile_data(editor, designation="Deputy Director"))
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.role == Role.ACADEMY_STAFF and editor.role_status == RoleStatus.VERIFIED
    assert editor.designation == "Deputy Director"


@pytest.fixture
def pending_registrar(registrar):
    User.objects.filter(pk=registrar.pk).update(role_status=RoleStatus.PENDING)
    registrar.refresh_from_db()
    return registrar


def test_the_queue_leaves_out_the_verifiers_own_row(client, pending_registrar):
    other = factories.make_user("district_judge", verified=False, full_name="Other Pending Judge")
    client.force_login(pending_registrar)
    queue = client.get("/admin/roles/").content.decode()
    assert "Other Pending Judge" in queue
    assert pending_registrar.full_name not in queue
    assert f"/admin/roles/{other.pk}/decide/" in queue
    assert f"/admin/roles/{pending_registrar.pk}/decide/" not in queue


def test_the_verified_list_leaves_out_the_verifiers_own_row(client, registrar):
    factories.make_user("district_judge", full_name="Verified Colleague Judge")
    client.force_login(registrar)
    queue = client.get("/admin/roles/?status=verified").content.decode()
    assert "Verified Colleague Judge" in queue and registrar.full_name not in queue


def test_a_verifier_cannot_decide_their_own_role_by_posting(client, pending_registrar):
    client.force_login(pending_registrar)
    response = client.post(f"/admin/roles/{pending_registrar.pk}/decide/", {"decision": "verify"})
    # Refused: the Wagtail admin answers PermissionDenied by sending the user to the dashboard
    # (a decision sends them back to the queue).
    assert response.status_code == 302 and response["Location"] == "/admin/"
    pending_registrar.refresh_from_db()
    assert pending_registrar.role_status == RoleStatus.PENDING and pending_registrar.role_reviewed_by is None


def test_another_verifier_can_decide_it(client, academy, pending_registrar):
    colleague = factories.make_staff(academy, "registrar", full_name="Colleague Registrar")
    client.force_login(colleague)
    response = client.post(f"/admin/roles/{pending_registrar.pk}/decide/", {"decision": "verify"})
    assert response.status_code == 302
    pending_registrar.refresh_from_db()
    assert pending_registrar.role_status == RoleStatus.VERIFIED and pending_registrar.role_reviewed_by == colleague


def test_decide_role_refuses_a_reviewer_deciding_their_own_role(pending_registrar):
    with pytest.raises(PermissionDenied):
        decide_role(pending_registrar, verified=True, reviewer=pending_registrar)
    pending_registrar.refresh_from_db()
    assert pending_registrar.role_status == RoleStatus.PENDING
