"""The registrar's waiting list (reorder, promote by hand, beyond the quota only with an audited
reason), registering or inviting someone on their behalf, and invitations: sent again, lapsing
after their accept-by date (by the command and whenever they are read), holding places."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from colloquia import services
from colloquia.models import CategoryPlaces, Registration
from tests.factories import make_staff, make_user

from .conftest import make_event

pytestmark = pytest.mark.django_db


def logged(action, registration):
    return ModelLogEntry.objects.filter(action=action, object_id=str(registration.pk))


@pytest.fixture
def full_event(index):
    """One place for district judges, taken; three people waiting."""
    page = make_event(index, title="Full colloquium", audience={"district_judge": 1, "prosecutor": None})
    judges = [make_user("district_judge", full_name=name) for name in ("Placed", "Waiting A", "Waiting B", "Waiting C")]
    registrations = [services.register(judge, page) for judge in judges]
    assert [r.status for r in registrations] == ["approved", "waitlisted", "waitlisted", "waitlisted"]
    return page, registrations


def order(page):
    return [r.name for r in services.waiting_list(page.pk, "district_judge")]


def tomorrow_in(page):
    return datetime.datetime.combine(
        timezone.localdate() + datetime.timedelta(days=1), datetime.time(23, 59, 59), tzinfo=page.zone
    )


# --- reordering ---


def test_the_registrar_moves_someone_up_the_list_and_the_next_free_place_follows_the_new_order(
    client, registrar, full_event
):
    page, (placed, a, b, c) = full_event
    client.force_login(registrar)
    response = client.post(f"/admin/colloquia/{page.pk}/registrations/{c.pk}/waiting-list-position/", {"position": 1})
    assert response.status_code == 302 and response["Location"] == f"/admin/colloquia/{page.pk}/waiting-list/"
    assert order(page) == ["Waiting C", "Waiting A", "Waiting B"]
    c.refresh_from_db()
    assert services.waitlist_position(c) == 1
    entry = logged("colloquium.waitlist_reordered", c).get()
    assert (entry.data, entry.user_id) == ({"position_from": 3, "position_to": 1}, registrar.pk)
    body = client.get(f"/admin/colloquia/{page.pk}/waiting-list/").content.decode()
    assert body.index("Waiting C") < body.index("Waiting A") < body.index("Waiting B")
    services.withdraw(placed, by=placed.user)
    assert Registration.objects.get(pk=c.pk).status == "approved"
    assert order(page) == ["Waiting A", "Waiting B"]


def test_a_position_beyond_the_list_puts_the_person_last_and_nonsense_is_refused(client, registrar, full_event):
    page, (_, a, _, _) = full_event
    client.force_login(registrar)
    url = f"/admin/colloquia/{page.pk}/registrations/{a.pk}/waiting-list-position/"
    client.post(url, {"position": 99})
    assert order(page) == ["Waiting B", "Waiting C", "Waiting A"]
    response = client.post(url, {"position": "first"}, follow=True)
    assert "Give the new position as a number from 1." in response.content.decode()
    assert order(page) == ["Waiting B", "Waiting C", "Waiting A"]


# --- promoting by hand ---


def test_promoting_needs_a_written_reason_when_no_place_is_free_and_the_reason_is_audited(
    client, registrar, full_event, django_capture_on_commit_callbacks
):
    page, (_, a, b, _) = full_event
    client.force_login(registrar)
    url = f"/admin/colloquia/{page.pk}/registrations/{b.pk}/promote/"
    form = client.get(url).content.decode()
    assert "No place is free." in form and "1 place: 1 approved, 0 held for invitations, 0 free." in form
    refused = client.post(url, {"reason": "  "})
    assert refused.status_code == 400
    assert "No place is free: write why this person must have one." in refused.content.decode()
    assert Registration.objects.get(pk=b.pk).status == "waitlisted"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "Nodal judge for the district; the High Court asked for her."})
    assert response.status_code == 302
    b.refresh_from_db()
    assert (b.status, b.decided_by) == ("approved", registrar)
    entry = logged("colloquium.quota_overridden", b).get()
    assert entry.user_id == registrar.pk
    assert entry.data == {
        "reason": "Nodal judge for the district; the High Court asked for her.",
        "places": 1,
        "taken": 1,
    }
    assert [(m.to, m.subject) for m in mail.outbox] == [([b.email], "Your place is confirmed: Full colloquium")]
    assert order(page) == ["Waiting A", "Waiting C"]


def test_promoting_while_a_place_is_free_needs_no_reason(full_event, registrar):
    page, (_, a, b, _) = full_event
    CategoryPlaces.objects.filter(page=page, category="district_judge").update(places=2)  # the editor adds a place
    services.promote_from_waitlist(b, by=registrar)
    assert Registration.objects.get(pk=b.pk).status == "approved"
    assert logged("colloquium.registration_promoted", b).get().data == {"category": "district_judge", "by_hand": True}
    with pytest.raises(services.Refused, match="No place is free for District and Sessions judges: 2 of 2"):
        services.promote_from_waitlist(a, by=registrar)


def test_only_someone_waiting_can_be_promoted(full_event, registrar):
    _, (placed, *_) = full_event
    with pytest.raises(services.Refused, match="not on the waiting list"):
        services.promote_from_waitlist(placed, by=registrar, reason="Anyway")


# --- registering on someone's behalf ---


def test_registering_an_existing_account_takes_a_free_place_or_the_waiting_list(
    client, registrar, full_event, prosecutor, django_capture_on_commit_callbacks
):
    page, _ = full_event
    client.force_login(registrar)
    url = f"/admin/colloquia/{page.pk}/register/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"action": "account", "account-email": prosecutor.email.upper(), "account-category": "prosecutor"}
        )
    assert response.status_code == 302
    registration = Registration.objects.get(page=page, user=prosecutor)
    assert (registration.status, registration.category, registration.decided_by) == (
        "approved",
        "prosecutor",
        registrar,
    )
    assert logged("colloquium.registered_on_behalf", registration).get().user_id == registrar.pk
    message = mail.outbox[-1]
    assert message.subject == "Your place is confirmed: Full colloquium"
    assert "The academy has registered you for this event." in message.body

    judge = make_user("district_judge", full_name="Late Judge")
    client.post(url, {"action": "account", "account-email": judge.email, "account-category": "district_judge"})
    late = Registration.objects.get(page=page, user=judge)
    assert late.status == "waitlisted" and services.waitlist_position(late) == 4

    again = client.post(url, {"action": "account", "account-email": judge.email, "account-category": "district_judge"})
    assert again.status_code == 400
    assert "Late Judge is already registered for this event (on the waiting list)." in again.content.decode()
    nobody = client.post(
        url, {"action": "account", "account-email": "nobody@example.test", "account-category": "police"}
    )
    body = nobody.content.decode()
    assert "No account uses this address. Invite the person by email instead." in body
    assert "Select a valid choice. police is not one of the available choices." in body


def test_inviting_someone_by_email_uses_the_nomination_machinery(
    client, registrar, full_event, django_capture_on_commit_callbacks
):
    page, _ = full_event
    client.force_login(registrar)
    accept_by = timezone.localdate() + datetime.timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/colloquia/{page.pk}/register/",
            {
                "action": "invite",
                "invite-name": "Smt. New Nominee",
                "invite-email": "New.Nominee@example.test",
                "invite-designation": "APP",
                "invite-category": "prosecutor",
                "invite-nominating_office": "Directorate of Prosecution",
                "invite-accept_by": accept_by.isoformat(),
            },
        )
    assert response.status_code == 302
    invited = Registration.objects.get(page=page, email="new.nominee@example.test")
    assert (invited.status, invited.user, invited.nominated_by, invited.holds_place) == (
        "invited",
        None,
        registrar,
        True,
    )
    assert timezone.localtime(invited.accept_by, page.zone).date() == accept_by
    (message,) = mail.outbox
    assert message.subject == "Invitation: Full colloquium" and "/colloquia-registrations/invitation/" in message.body
    assert f"by {accept_by.day} {accept_by:%B %Y}" in message.body


def test_an_accept_by_date_must_be_today_or_later_and_before_the_event(client, registrar, full_event):
    page, _ = full_event
    client.force_login(registrar)
    data = {
        "action": "invite",
        "invite-name": "N",
        "invite-email": "n@example.test",
        "invite-category": "prosecutor",
        "invite-nominating_office": "DoP",
    }
    past = client.post(f"/admin/colloquia/{page.pk}/register/", {**data, "invite-accept_by": "2020-01-01"})
    assert "The accept-by date cannot be in the past." in past.content.decode()
    late = page.start_date + datetime.timedelta(days=1)
    after = client.post(f"/admin/colloquia/{page.pk}/register/", {**data, "invite-accept_by": late.isoformat()})
    assert "The accept-by date must be on or before the event&#x27;s first day." in after.content.decode()
    assert not Registration.objects.filter(email="n@example.test").exists()


# --- invitations: holding places, lapsing, sending again ---


@pytest.fixture
def nominated(index):
    return make_event(index, title="Nominated colloquium", mode="nomination", audience={"district_judge": 1})


def invite(page, email, registrar, accept_by):
    return services.invite_on_behalf(
        page,
        email=email,
        name=email.split("@")[0],
        designation="",
        category="district_judge",
        nominating_office="District Court",
        accept_by=accept_by,
        by=registrar,
    )


def test_an_invitation_holds_a_place_until_it_lapses_and_the_place_then_goes_to_the_waiting_list(
    nominated, registrar, django_capture_on_commit_callbacks
):
    first = invite(nominated, "first@example.test", registrar, tomorrow_in(nominated))
    second = invite(nominated, "second@example.test", registrar, tomorrow_in(nominated))
    assert (first.holds_place, second.holds_place) == (True, False)  # one place: the first invitation holds it
    # The second accepts at once: no place is free (the first holds it), so the waiting list.
    accepted, _ = services.accept_invitation(second)
    assert accepted.status == "waitlisted"
    later = tomorrow_in(nominated) + datetime.timedelta(seconds=1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.lapse_overdue_invitations(now=later) == 1
    first.refresh_from_db()
    accepted.refresh_from_db()
    assert (first.status, first.holds_place, accepted.status) == ("lapsed", False, "approved")
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects == {
        "first@example.test": "Your invitation has lapsed: Nominated colloquium",
        "second@example.test": "Your place is confirmed: Nominated colloquium",
    }
    assert logged("colloquium.invitation_lapsed", first).exists()
    # Idempotent: nothing more lapses, nobody else is emailed.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.lapse_overdue_invitations(now=later) == 0
    assert mail.outbox == []


def test_the_command_lapses_overdue_invitations_once(nominated, registrar, monkeypatch):
    invitation = invite(nominated, "n@example.test", registrar, tomorrow_in(nominated))
    Registration.objects.filter(pk=invitation.pk).update(accept_by=timezone.now() - datetime.timedelta(minutes=1))
    out = []
    call_command("lapse_nominations", stdout=type("Out", (), {"write": lambda self, text: out.append(text)})())
    call_command("lapse_nominations", stdout=type("Out", (), {"write": lambda self, text: out.append(text)})())
    assert Registration.objects.get(pk=invitation.pk).status == "lapsed"
    assert [line.strip() for line in out] == ["1 invitation lapsed.", "0 invitations lapsed."]


def test_a_stale_invitation_is_never_accepted(client, nominated, registrar):
    invitation = invite(nominated, "stale@example.test", registrar, tomorrow_in(nominated))
    token = services.invitation_token(invitation)
    Registration.objects.filter(pk=invitation.pk).update(accept_by=timezone.now() - datetime.timedelta(seconds=1))
    page = client.get(f"/colloquia-registrations/invitation/{token}/")
    assert page.status_code == 400 and "This invitation has lapsed" in page.content.decode()
    assert Registration.objects.get(pk=invitation.pk).status == "lapsed"  # lapsed as soon as it was read
    answer = client.post(f"/colloquia-registrations/invitation/{token}/", {"answer": "accept"})
    assert answer.status_code == 400
    assert Registration.objects.get(pk=invitation.pk).status == "lapsed"


def test_accepting_races_the_deadline_and_is_refused_once_it_has_passed(nominated, registrar):
    invitation = invite(nominated, "late@example.test", registrar, tomorrow_in(nominated))
    Registration.objects.filter(pk=invitation.pk).update(accept_by=timezone.now() - datetime.timedelta(seconds=1))
    invitation.refresh_from_db()
    with pytest.raises(services.Refused, match="has lapsed"):
        services.accept_invitation(invitation)
    assert Registration.objects.get(pk=invitation.pk).status == "lapsed"


def test_the_registrar_sends_an_invitation_again_and_a_lapsed_one_opens_again(
    client, registrar, nominated, django_capture_on_commit_callbacks
):
    invitation = invite(nominated, "again@example.test", registrar, tomorrow_in(nominated))
    Registration.objects.filter(pk=invitation.pk).update(accept_by=timezone.now() - datetime.timedelta(seconds=1))
    services.lapse_overdue_invitations()
    client.force_login(registrar)
    url = f"/admin/colloquia/{nominated.pk}/registrations/{invitation.pk}/resend-invitation/"
    assert "the invitation lapsed on" in client.get(url).content.decode()
    new_date = timezone.localdate() + datetime.timedelta(days=5)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"accept_by": new_date.isoformat()})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert (invitation.status, invitation.holds_place) == ("invited", True)
    assert timezone.localtime(invitation.accept_by, nominated.zone).date() == new_date
    (message,) = mail.outbox
    link = re.search(r"http://testserver(/colloquia-registrations/invitation/\S+/)", message.body).group(1)
    assert "Accept" in client.get(link).content.decode()
    assert logged("colloquium.invitation_resent", invitation).get().data["previous"] == "lapsed"
    accepted, _ = services.accept_invitation(invitation)
    assert accepted.status == "approved"
    # Answered: there is nothing to send again.
    refused = client.get(url, follow=True)
    assert "has answered: there is no invitation to send again." in refused.content.decode()


def test_declining_an_invitation_that_held_a_place_gives_it_to_the_waiting_list(nominated, registrar):
    holder = invite(nominated, "holder@example.test", registrar, tomorrow_in(nominated))
    waiting, _ = services.accept_invitation(invite(nominated, "w@example.test", registrar, tomorrow_in(nominated)))
    assert waiting.status == "waitlisted"
    services.decline_invitation(holder)
    assert Registration.objects.get(pk=waiting.pk).status == "approved"


def test_nominations_imported_with_an_accept_by_date_hold_the_free_places_in_file_order(client, registrar, nominated):
    from django.core.files.uploadedfile import SimpleUploadedFile

    text = (
        "name,email,designation,category,nominating_office\n"
        "A,a@example.test,ASJ,district_judge,Court A\n"
        "B,b@example.test,ASJ,district_judge,Court B\n"
    )
    client.force_login(registrar)
    accept_by = timezone.localdate() + datetime.timedelta(days=2)
    response = client.post(
        f"/admin/colloquia/{nominated.pk}/nominations/",
        {"file": SimpleUploadedFile("n.csv", text.encode()), "accept_by": accept_by.isoformat()},
        follow=True,
    )
    assert (
        "2 nominees invited; each has been emailed an invitation. 1 of them holds a place" in response.content.decode()
    )
    held = dict(Registration.objects.filter(page=nominated).values_list("email", "holds_place"))
    assert held == {"a@example.test": True, "b@example.test": False}
    assert services.places_by_category(nominated)[0].free == 0


# --- who may use these screens ---


def _screens(page, registration):
    base = f"/admin/colloquia/{page.pk}"
    return [
        ("GET", f"{base}/waiting-list/", {}),
        ("GET", f"{base}/register/", {}),
        ("GET", f"{base}/registrations/{registration.pk}/promote/", {}),
        ("POST", f"{base}/registrations/{registration.pk}/promote/", {"reason": "x"}),
        ("POST", f"{base}/registrations/{registration.pk}/waiting-list-position/", {"position": 1}),
        ("GET", f"{base}/registrations/{registration.pk}/resend-invitation/", {}),
    ]


def test_the_waiting_list_screens_are_for_the_events_registrars(
    client, full_event, registrar, superuser, editor, moderator, judge, other_academy
):
    page, (_, a, *_) = full_event
    for allowed in (registrar, superuser):
        client.force_login(allowed)
        for method, url, _ in _screens(page, a):
            if method == "GET":
                assert client.get(url).status_code in (200, 302), url  # 302: resend for someone not invited
    client.force_login(make_staff(other_academy, "registrar"))
    for method, url, data in _screens(page, a):
        assert getattr(client, method.lower())(url, data).status_code == 404, url
    for refused in (editor, moderator):
        client.force_login(refused)
        for method, url, data in _screens(page, a):
            response = getattr(client, method.lower())(url, data)
            assert (response.status_code, response.get("Location")) == (302, "/admin/"), url
    for visitor in (judge, None):
        if visitor:
            client.force_login(visitor)
        else:
            client.logout()
        for method, url, data in _screens(page, a):
            response = getattr(client, method.lower())(url, data)
            assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url
    assert Registration.objects.get(pk=a.pk).status == "waitlisted"
    assert order(page) == ["Waiting A", "Waiting B", "Waiting C"]


def test_a_registration_is_reached_only_through_its_own_event(client, registrar, full_event, index):
    page, (_, a, *_) = full_event
    other_page = make_event(index, title="Another of our events")
    client.force_login(registrar)
    assert client.get(f"/admin/colloquia/{other_page.pk}/registrations/{a.pk}/promote/").status_code == 404


def test_the_migration_ranks_people_already_waiting_in_the_order_they_came(index):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("colloquia.migrations.0006_registrar_lists")
    page = make_event(index, title="Waiting before ranks", audience={"district_judge": 1})
    first, *waiting = [services.register(make_user("district_judge"), page) for _ in range(4)]
    # As before the migration: no order of their own (here the same rank), only their arrival.
    arrival = timezone.now()
    for minutes, registration in zip((3, 1, 2), waiting, strict=True):
        Registration.objects.filter(pk=registration.pk).update(
            waitlist_rank=7, created_at=arrival + datetime.timedelta(minutes=minutes)
        )
    migration.rank_the_waiting_lists(apps, None)
    ranks = dict(Registration.objects.filter(status="waitlisted").values_list("pk", "waitlist_rank"))
    assert [ranks[r.pk] for r in waiting] == [3, 1, 2]
    assert Registration.objects.get(pk=first.pk).waitlist_rank is None
