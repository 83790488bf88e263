import pytest
from django.core import mail

from colloquia import services
from colloquia.models import Registration
from tests.factories import make_user

from .conftest import make_event

pytestmark = pytest.mark.django_db


def test_open_mode_approves_a_verified_user_in_the_audience(client, event, judge, django_capture_on_commit_callbacks):
    client.force_login(judge)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(event.url + "register/")
    assert response.status_code == 302
    registration = Registration.objects.get(page=event, user=judge)
    assert registration.status == "approved" and registration.category == "district_judge"
    assert mail.outbox[0].to == [judge.email]
    assert "Your registration: Approved" in client.get(event.url).content.decode()


def test_anonymous_is_sent_to_sign_in(client, event):
    response = client.post(event.url + "register/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Registration.objects.exists()


@pytest.mark.parametrize("who", ["unverified", "cso_user"])
def test_unverified_or_outside_the_audience_is_refused_with_the_reason(client, event, request, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    response = client.post(event.url + "register/", follow=True)
    assert not Registration.objects.exists()
    body = response.content.decode()
    assert "awaiting verification" in body or "This is open to" in body


def test_approval_mode_waits_for_the_registrar(index, judge, registrar):
    page = make_event(index, title="Approval event", mode="approval")
    registration = services.register(judge, page)
    assert registration.status == "pending"
    services.decide(registration, approve=True, by=registrar)
    registration.refresh_from_db()
    assert registration.status == "approved" and registration.decided_by == registrar


def test_approval_mode_rejection(index, judge, registrar):
    page = make_event(index, title="Approval event", mode="approval")
    registration = services.register(judge, page)
    services.decide(registration, approve=False, by=registrar, note="Not in the nominated batch.")
    registration.refresh_from_db()
    assert registration.status == "rejected" and registration.decision_note == "Not in the nominated batch."
    with pytest.raises(services.Refused, match="did not approve"):
        services.register(judge, page)


def test_nomination_mode_refuses_self_registration(index, judge):
    page = make_event(index, title="Nominated event", mode="nomination")
    with pytest.raises(services.Refused, match="by nomination only"):
        services.register(judge, page)


def test_closed_registration_is_refused(index, judge):
    page = make_event(index, title="Closed event", registration_open=False)
    with pytest.raises(services.Refused, match="not open"):
        services.register(judge, page)


def test_quota_fills_then_waitlist_is_promoted_in_order_when_a_place_frees(index):
    page = make_event(index, title="Small event", audience={"district_judge": 2})
    judges = [make_user("district_judge") for _ in range(4)]
    registrations = [services.register(j, page) for j in judges]
    assert [r.status for r in registrations] == ["approved", "approved", "waitlisted", "waitlisted"]
    services.withdraw(registrations[0], by=judges[0])
    statuses = {r.pk: r.status for r in Registration.objects.filter(page=page)}
    assert statuses[registrations[0].pk] == "withdrawn"
    assert statuses[registrations[2].pk] == "approved"  # first on the list
    assert statuses[registrations[3].pk] == "waitlisted"
    assert services.places_taken(page, "district_judge") == 2


def test_quotas_are_per_category(index, prosecutor):
    page = make_event(index, title="Per category", audience={"district_judge": 1, "prosecutor": 1})
    services.register(make_user("district_judge"), page)
    assert services.register(make_user("district_judge"), page).status == "waitlisted"
    assert services.register(prosecutor, page).status == "approved"


def test_rejecting_an_approved_participant_promotes_the_waiting_list(index, registrar):
    page = make_event(index, title="Reject frees", audience={"district_judge": 1})
    first = services.register(make_user("district_judge"), page)
    second = services.register(make_user("district_judge"), page)
    services.decide(first, approve=False, by=registrar)
    second.refresh_from_db()
    assert second.status == "approved"


def test_withdrawal_through_the_page(client, event, judge):
    services.register(judge, event)
    client.force_login(judge)
    client.post(event.url + "withdraw/")
    assert Registration.objects.get(user=judge).status == "withdrawn"
    # A withdrawn participant may register again.
    client.post(event.url + "register/")
    assert Registration.objects.get(user=judge).status == "approved"


def test_registering_twice_keeps_one_registration(event, judge):
    services.register(judge, event)
    services.register(judge, event)
    assert Registration.objects.filter(page=event, user=judge).count() == 1


def test_dashboard_shows_my_colloquia_with_status_and_withdraw(client, event, judge):
    services.register(judge, event)
    client.force_login(judge)
    body = client.get("/accounts/dashboard/").content.decode()
    assert "My colloquia" in body and event.title in body and "Withdraw" in body


def test_personal_calendar_feed_needs_only_the_token(client, event, judge):
    from icalendar import Calendar

    services.register(judge, event)
    feed = services.calendar_feed(judge)
    response = client.get(f"/registrations/calendar/{feed.token}.ics")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    assert len(calendar.walk("VEVENT")) == event.sessions.count()
    assert client.get("/registrations/calendar/not-a-token.ics").status_code == 404


def test_personal_data_export_lists_registrations(event, judge):
    services.register(judge, event)
    data = services.export_personal_data(judge)
    assert data["colloquium_registrations"][0]["event"] == event.title
