import datetime

import pytest
from django.core import mail

from colloquia import services
from colloquia.models import ColloquiumPage, Registration
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
    response = client.get(f"/colloquia-registrations/calendar/{feed.token}.ics")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    assert len(calendar.walk("VEVENT")) == event.sessions.count()
    assert client.get("/colloquia-registrations/calendar/not-a-token.ics").status_code == 404


def test_personal_data_export_lists_registrations(event, judge):
    services.register(judge, event)
    data = services.export_personal_data(judge)
    assert data["colloquium_registrations"][0]["event"] == event.title


# --- Withdrawing: confirm first, register again while open, whom to contact otherwise ---


def test_withdraw_asks_to_confirm_first_and_the_question_changes_nothing(client, event, judge):
    services.register(judge, event)
    client.force_login(judge)
    response = client.get(event.url + "withdraw/")
    assert response.status_code == 200
    body = response.content.decode()
    assert f"Withdraw from {event.title}?" in body
    assert "Your place will go to the next person on the waiting list." in body
    assert 'method="post"' in body and "Keep my registration" in body
    assert Registration.objects.get(page=event, user=judge).status == "approved"


def test_withdraw_confirmed_by_post_withdraws_and_returns_to_my_learning(client, event, judge):
    services.register(judge, event)
    client.force_login(judge)
    response = client.post(event.url + "withdraw/", {"next": "/accounts/dashboard/"})
    assert response.status_code == 302 and response["Location"] == "/accounts/dashboard/"
    assert Registration.objects.get(page=event, user=judge).status == "withdrawn"


def test_withdrawing_needs_sign_in_and_touches_only_ones_own_registration(client, event, judge, prosecutor):
    registration = services.register(judge, event)
    response = client.get(event.url + "withdraw/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(event.url + "withdraw/").status_code == 302
    client.force_login(prosecutor)  # not registered: nothing to withdraw, and the judge keeps the place
    response = client.post(event.url + "withdraw/", follow=True)
    assert "You are not registered for this event." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "approved"


def test_after_withdrawing_the_page_offers_to_register_again_through_the_same_rules(client, index):
    page = make_event(index, title="Full event", audience={"district_judge": 1})
    first, second = make_user("district_judge"), make_user("district_judge")
    mine = services.register(first, page)
    theirs = services.register(second, page)
    client.force_login(first)
    client.post(page.url + "withdraw/")
    theirs.refresh_from_db()
    assert theirs.status == "approved"  # the place went to the waiting list
    body = client.get(page.url).content.decode()
    assert "Your registration: <strong>Withdrawn</strong>" in body and "Register again" in body
    client.post(page.url + "register/")
    mine.refresh_from_db()
    # A new request: the event is full now, so the waiting list, as for anyone else.
    assert mine.status == "waitlisted"
    assert Registration.objects.filter(page=page, user=first).count() == 1  # one row per person and event
    from wagtail.log_actions import registry

    actions = [entry.action for entry in registry.get_logs_for_instance(mine).order_by("timestamp", "pk")]
    assert actions == ["colloquium.registered", "colloquium.registration_withdrawn", "colloquium.registered"]


def test_after_registration_closes_a_withdrawn_person_is_told_whom_to_contact(client, index, academy, judge):
    academy.contact_email = "registrar@jsja.example"
    academy.contact_phone = "+91 651 000 0000"
    academy.save()
    page = make_event(index, title="Closing event")
    registration = services.register(judge, page)
    services.withdraw(registration, by=judge)
    ColloquiumPage.objects.filter(pk=page.pk).update(registration_open=False)
    client.force_login(judge)
    body = client.get(page.url).content.decode()
    assert "Registration is not open." in body
    assert "Register again" not in body
    assert f"contact the {academy.name}" in body
    assert "mailto:registrar@jsja.example" in body and "+91 651 000 0000" in body


def test_the_confirmation_says_when_registering_again_is_not_possible(client, index, academy, judge):
    academy.contact_email = "registrar@jsja.example"
    academy.save()
    page = make_event(index, title="Closed after registering")
    services.register(judge, page)
    ColloquiumPage.objects.filter(pk=page.pk).update(registration_open=False)
    client.force_login(judge)
    body = client.get(page.url + "withdraw/").content.decode()
    assert "You will not be able to register again yourself." in body
    assert "mailto:registrar@jsja.example" in body


# --- Personal calendar feed: cancelled entries stay, cancelled, with a higher SEQUENCE ---


def _feed_events(client, user):
    from icalendar import Calendar

    feed = services.calendar_feed(user)
    response = client.get(f"/colloquia-registrations/calendar/{feed.token}.ics")
    assert response.status_code == 200
    return {str(e["UID"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}


def test_withdrawing_keeps_the_events_in_the_feed_cancelled_with_a_higher_sequence(client, event, judge):
    registration = services.register(judge, event)
    before = _feed_events(client, judge)
    assert {str(e["STATUS"]) for e in before.values()} == {"CONFIRMED"}
    services.withdraw(registration, by=judge)
    after = _feed_events(client, judge)
    assert set(after) == set(before)  # the same events, not gone
    assert {str(e["STATUS"]) for e in after.values()} == {"CANCELLED"}
    assert all(int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"]) for uid in before)
    services.register(judge, event)  # registering again restores them, with a higher SEQUENCE still
    again = _feed_events(client, judge)
    assert {str(e["STATUS"]) for e in again.values()} == {"CONFIRMED"}
    assert all(int(again[uid]["SEQUENCE"]) > int(after[uid]["SEQUENCE"]) for uid in before)


def test_an_unpublished_event_stays_in_the_feed_cancelled(client, event, judge):
    services.register(judge, event)
    before = _feed_events(client, judge)
    event.unpublish()
    after = _feed_events(client, judge)
    assert set(after) == set(before)
    assert {str(e["STATUS"]) for e in after.values()} == {"CANCELLED"}
    assert all(int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"]) for uid in before)
    event.get_latest_revision().publish()
    again = _feed_events(client, judge)
    assert {str(e["STATUS"]) for e in again.values()} == {"CONFIRMED"}
    assert all(int(again[uid]["SEQUENCE"]) > int(after[uid]["SEQUENCE"]) for uid in before)


# --- The waiting list: a person's number, per category, in the order places are given ---


def test_waitlist_positions_are_per_category_and_follow_the_promotion_order(index):
    page = make_event(index, title="Two lists", audience={"district_judge": 1, "prosecutor": 1})
    judges = [services.register(make_user("district_judge"), page) for _ in range(4)]
    prosecutors = [services.register(make_user("prosecutor"), page) for _ in range(2)]
    assert [services.waitlist_position(r) for r in judges] == [None, 1, 2, 3]
    assert [services.waitlist_position(r) for r in prosecutors] == [None, 1]
    services.withdraw(judges[0], by=judges[0].user)
    for registration in judges:
        registration.refresh_from_db()
    assert judges[1].status == "approved"  # number 1 was the one given the place
    assert [services.waitlist_position(r) for r in judges[2:]] == [1, 2]
    annotated = services.with_waitlist_position(Registration.objects.filter(pk__in=[r.pk for r in judges]))
    assert sorted(r.waitlist_position or 0 for r in annotated) == [0, 0, 1, 2]


def test_waitlist_position_costs_one_query(index, django_assert_num_queries):
    page = make_event(index, title="Long list", audience={"district_judge": 1})
    registrations = [services.register(make_user("district_judge"), page) for _ in range(6)]
    with django_assert_num_queries(1):
        assert services.waitlist_position(registrations[-1]) == 5


def test_the_page_shows_my_number_on_the_waiting_list_in_flat_queries(client, index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = make_event(index, title="Waiting", audience={"district_judge": 1})
    people = [make_user("district_judge") for _ in range(8)]
    for person in people:
        services.register(person, page)
    counts = []
    for person, number in ((people[3], 3), (people[7], 7)):
        client.force_login(person)
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            body = client.get(page.url).content.decode()
        assert f"You are number {number} on the waiting list for District and Sessions judges." in body
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_my_learning_shows_the_number_and_updates_when_the_list_moves(
    client, index, django_capture_on_commit_callbacks
):
    page = make_event(index, title="Dashboard list", audience={"district_judge": 1})
    first, second, third = (make_user("district_judge") for _ in range(3))
    held = services.register(first, page)
    services.register(second, page)
    services.register(third, page)
    client.force_login(third)
    assert (
        "Number 2 on the waiting list for District and Sessions judges"
        in client.get("/accounts/dashboard/").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(held, by=first)  # the second is given the place; the third moves up
    assert (
        "Number 1 on the waiting list for District and Sessions judges"
        in client.get("/accounts/dashboard/").content.decode()
    )


def test_waitlisted_email_gives_the_number(index, django_capture_on_commit_callbacks):
    page = make_event(index, title="Email number", audience={"district_judge": 1})
    services.register(make_user("district_judge"), page)
    services.register(make_user("district_judge"), page)
    with django_capture_on_commit_callbacks(execute=True):
        services.register(make_user("district_judge"), page)
    assert "You are number 2 on the waiting list for District and Sessions judges." in mail.outbox[-1].body


# --- "Decisions by": shown to a person whose request is pending, and in the email ---


def test_a_pending_request_shows_when_decisions_are_expected(client, index, judge, django_capture_on_commit_callbacks):
    decisions_by = datetime.date.today() + datetime.timedelta(days=10)
    page = make_event(index, title="Approval with date", mode="approval", decisions_by=decisions_by)
    with django_capture_on_commit_callbacks(execute=True):
        services.register(judge, page)
    expected = f"Decisions are expected by {decisions_by.day} {decisions_by:%B %Y}."
    assert expected in mail.outbox[-1].body
    client.force_login(judge)
    assert (
        f"Decisions are expected by {decisions_by.day} {decisions_by:%b %Y}." in client.get(page.url).content.decode()
    )


def test_no_decision_date_is_promised_when_the_event_sets_none(
    client, index, judge, django_capture_on_commit_callbacks
):
    page = make_event(index, title="Approval without date", mode="approval")
    with django_capture_on_commit_callbacks(execute=True):
        services.register(judge, page)
    assert "Decisions are expected" not in mail.outbox[-1].body
    client.force_login(judge)
    assert "Decisions are expected" not in client.get(page.url).content.decode()


def test_a_decision_date_after_the_event_is_refused(client, index, superuser):
    from .test_agenda_form import START, add_url, form, session

    client.force_login(superuser)
    data = form([session("TS-I", "10:00", "11:00")], decisions_by=(START + datetime.timedelta(days=1)).isoformat())
    response = client.post(add_url(index), data)
    assert response.status_code == 200
    assert "Decisions must be made by the last day of the event." in response.content.decode()
    assert not ColloquiumPage.objects.filter(slug="colloquium-aht").exists()


# --- The registrar's note reaches the participant ---


def test_the_approval_email_carries_the_registrars_note(index, judge, registrar, django_capture_on_commit_callbacks):
    page = make_event(index, title="Approval with note", mode="approval")
    registration = services.register(judge, page)
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(registration, approve=True, by=registrar, note="Bring your service identity card.")
    body = mail.outbox[-1].body
    assert "Your place is confirmed." in body
    assert "Note from the registrar: Bring your service identity card." in body


def test_without_a_note_the_email_has_no_note_heading(index, judge, registrar, django_capture_on_commit_callbacks):
    page = make_event(index, title="Approval without note", mode="approval")
    registration = services.register(judge, page)
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(registration, approve=True, by=registrar, note="  ")
    body = mail.outbox[-1].body
    assert "Your place is confirmed." in body
    assert "Note from the registrar" not in body
