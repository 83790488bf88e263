"""Staff decisions leave audit entries (who, when, what, why) that superusers read in
Reports > Site history, and staff of one academy do not read another academy's entries."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import ModelLogEntry

from tests import factories

from .world import build_world

pytestmark = pytest.mark.django_db

SITE_HISTORY = "/admin/reports/site-history/"


def entries(action):
    return ModelLogEntry.objects.filter(action=action)


def decide_everything(world):
    """Make one of each audited staff decision through the apps' services; return the actions expected."""
    from accounts.services import decide_role
    from certificates.services import reissue, revoke
    from colloquia import services as colloquia
    from resources import services as resources

    registrar, moderator, superuser = world.users["registrar"], world.users["moderator"], world.users["superuser"]
    decide_role(world.users["unverified"], verified=True, reviewer=registrar, note="Checked with the court.")
    colloquia.decide(world["registration_a"], approve=False, by=registrar, note="Not in the audience.")
    colloquia.decide(world["registration_a"], approve=True, by=registrar, note="Reconsidered.")
    colloquia.record_attendance(world["session_a"], {world["registration_a"]: "present"}, method="manual", by=registrar)
    resources.decide(world["version_other_pending"], moderator, "reject", "Outside the library's scope.")
    revoke(world["certificate_a"], reason="Issued in error.", by=registrar)
    factories.make_user("district_judge")  # unrelated noise
    cert_b = world["certificate_b"]
    reissue(cert_b, by=superuser, reason="Name corrected.", name="Judge B (corrected)")
    world.users["police"].groups.add(Group.objects.get(name="Registrars"))
    return {
        "colloquium.role_verified": "Role verified",
        "colloquium.registration_rejected": "Registration rejected",
        "colloquium.registration_approved": "Registration approved",
        "colloquium.attendance_recorded": "Attendance recorded",
        "colloquium.resource_reject": "Resource rejected",
        "colloquium.certificate_issued": "Certificate issued",
        "colloquium.certificate_revoked": "Certificate revoked",
        "colloquium.certificate_reissued": "Certificate re-issued",
        "colloquium.groups_changed": "Group membership changed",
    }


def test_staff_decisions_are_audited_and_shown_to_superusers(client):
    world = build_world()
    expected = decide_everything(world)
    for action in expected:
        assert entries(action).exists(), f"no audit entry for {action}"
    verified = entries("colloquium.role_verified").get()
    assert verified.user_id == world.users["registrar"].pk  # who
    assert verified.timestamp is not None  # when
    assert verified.data["note"] == "Checked with the court."  # why
    rejected = entries("colloquium.resource_reject").get()
    assert rejected.user_id == world.users["moderator"].pk and rejected.data["note"] == "Outside the library's scope."

    client.force_login(world.users["superuser"])
    html = client.get(SITE_HISTORY).content.decode()
    for action, label in expected.items():
        assert label in html, f"Site history does not show {action} ({label})"


def test_group_membership_changes_are_audited_in_both_directions(db):
    user = factories.make_user("district_judge")
    registrars, moderators = Group.objects.get(name="Registrars"), Group.objects.get(name="Moderators")
    user.groups.add(registrars)
    moderators.user_set.add(user)
    user.groups.remove(registrars)
    user.groups.clear()
    log = [e.data for e in entries("colloquium.groups_changed").filter(object_id=str(user.pk)).order_by("pk")]
    assert log == [
        {"added": ["Registrars"], "removed": []},
        {"added": ["Moderators"], "removed": []},
        {"added": [], "removed": ["Registrars"]},
        {"added": [], "removed": ["Moderators"]},
    ]


def test_group_change_in_the_admin_records_who_made_it(client, superuser):
    user = factories.make_user("district_judge", full_name="Promoted Judge")
    group = Group.objects.get(name="Moderators")
    client.force_login(superuser)
    edit_url = f"/admin/users/edit/{user.pk}/"
    form = client.get(edit_url).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["groups"] = [str(group.pk)]
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors
    entry = entries("colloquium.groups_changed").filter(object_id=str(user.pk)).latest("pk")
    assert entry.data["added"] == ["Moderators"]
    assert entry.user_id == superuser.pk


def test_staff_of_one_academy_do_not_read_another_academys_audit_entries(client):
    """Site history lists entries by model permission, not by academy: a registrar of A must not
    read registrations, attendance or certificates of academy B there."""
    from colloquia import services as colloquia

    world = build_world()
    colloquia.decide(world["registration_b"], approve=False, by=world["registrar_b"], note="B's own decision")
    name_b = world["learner_b"].full_name
    entry = entries("colloquium.registration_rejected").get(object_id=str(world["registration_b"].pk))
    assert name_b in entry.label  # so its absence below means the entry is hidden, not unnamed
    client.force_login(world.users["superuser"])
    assert name_b in client.get(SITE_HISTORY).content.decode()
    for role in ("registrar", "moderator", "editor"):
        client.force_login(world.users[role])
        response = client.get(SITE_HISTORY)
        assert name_b not in response.content.decode(), f"{role} of academy A reads academy B's audit entries"
        assert response.status_code == 403  # the site-wide history is for platform administrators
