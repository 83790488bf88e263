"""The participant's form and tests on the site, and who may read the event's feedback report."""

import csv
import io
import re

import pytest
from django.contrib.messages import get_messages

from feedback import services
from feedback.models import FeedbackResponse
from tests import factories
from tests.colloquia.conftest import make_event, make_index

from .conftest import add_registration, mark_present, participants

pytestmark = pytest.mark.django_db


def form_data(page, overall="4", **extra):
    data = {"overall_usefulness": overall, "to_change": "Shorter lunch.", "topics_wanted": "Labour trafficking."}
    data.update({"s0_relevance": "5", "s0_clarity": "4", "s0_speaker": "5"})
    data.update(extra)
    return data


@pytest.fixture
def attendee(past_event, judge):
    mark_present(add_registration(past_event, judge))
    return judge


def test_the_participant_answers_once(client, past_event, attendee):
    client.force_login(attendee)
    url = f"/feedback/{past_event.pk}/"
    page = client.get(url).content.decode()
    assert "Anonymous." in page and "Inaugural session" in page and "TS-III: Victims in court" in page
    assert "Lunch" not in page
    response = client.post(url, form_data(past_event))
    assert response.status_code == 200 and "Thank you for your feedback" in response.content.decode()
    again = client.post(url, form_data(past_event, overall="1"))
    assert again.status_code == 409 and "already given your feedback" in again.content.decode()
    assert client.get(url).status_code == 409
    assert list(FeedbackResponse.objects.values_list("overall_usefulness", flat=True)) == [4]


def test_a_form_with_errors_comes_back_with_the_entries(client, past_event, attendee):
    client.force_login(attendee)
    response = client.post(f"/feedback/{past_event.pk}/", form_data(past_event, overall="", to_change="Keep this"))
    body = response.content.decode()
    assert response.status_code == 200 and "Choose how useful the event was" in body
    assert "Keep this" in body
    assert re.search(r'<input type="radio" name="s0_relevance" value="5"[^>]*checked', body)
    assert not FeedbackResponse.objects.exists()


def test_others_are_refused_with_the_reason(client, past_event, attendee, prosecutor):
    url = f"/feedback/{past_event.pk}/"
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.force_login(prosecutor)  # no place at the event
    response = client.get(url)
    assert response.status_code == 403 and "Only participants who attended" in response.content.decode()
    assert client.post(url, form_data(past_event)).status_code == 403
    assert not FeedbackResponse.objects.exists()


def test_the_link_is_on_the_event_page_and_in_my_learning(
    client, past_event, attendee, django_capture_on_commit_callbacks
):
    client.force_login(attendee)
    link = f'href="/feedback/{past_event.pk}/"'
    assert link in client.get(past_event.url).content.decode()
    assert link in client.get("/accounts/dashboard/").content.decode()
    # "My learning" is kept per learner; the answer's commit tells it (feedback.receivers).
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/feedback/{past_event.pk}/", form_data(past_event))
    event_page = client.get(past_event.url).content.decode()
    assert link not in event_page and "You have given your feedback" in event_page
    assert link not in client.get("/accounts/dashboard/").content.decode()


def test_no_link_for_someone_who_did_not_attend(client, past_event, attendee, prosecutor):
    add_registration(past_event, prosecutor)
    client.force_login(prosecutor)
    assert f"/feedback/{past_event.pk}/" not in client.get(past_event.url).content.decode()


# --- the report ---


@pytest.fixture
def answered(past_event):
    people = participants(past_event, 6)
    for n, user in enumerate(people[:5]):
        services.submit_feedback(past_event, user, overall_usefulness=1 + n % 5, to_change=f"Comment number {n}")
    return people


def report_url(page):
    return f"/admin/feedback/{page.pk}/"


def assert_no_person(text, people):
    for user in people:
        assert user.full_name not in text and user.email not in text


def test_the_registrar_reads_the_report_without_any_name(client, registrar, past_event, answered):
    client.force_login(registrar)
    listing = client.get("/admin/feedback/").content.decode()
    assert past_event.title in listing
    body = client.get(report_url(past_event)).content.decode()
    assert "Comment number 3" in body and "<svg" in body and "Overall usefulness" in body
    assert "6" in body and "5 (83%)" in body
    assert_no_person(body, answered)
    response = client.get(report_url(past_event) + "?format=csv")
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Measure", "Session or category", "Value"]
    assert ["Responses", "", "5"] in rows and ["Participants asked", "", "6"] in rows
    assert "Comment number" not in text
    assert_no_person(text, answered)


@pytest.mark.parametrize("who", ["editor", "superuser", "platform_admin"])
def test_editors_and_platform_administrators_read_it_too(client, request, who, past_event, answered):
    client.force_login(request.getfixturevalue(who))
    assert client.get(report_url(past_event)).status_code == 200
    assert client.get(report_url(past_event) + "?format=csv").status_code == 200


def test_another_academys_staff_get_not_found(client, other_academy, past_event, answered):
    for role in ("registrar", "editor"):
        client.force_login(factories.make_staff(other_academy, role))
        assert client.get(report_url(past_event)).status_code == 404
        assert client.get(report_url(past_event) + "?format=csv").status_code == 404
        assert past_event.title not in client.get("/admin/feedback/").content.decode()


def test_and_the_other_direction(client, registrar, other_academy):
    mp_event = make_event(make_index(other_academy.page), title="MP colloquium", state="MP")
    client.force_login(registrar)
    assert client.get(report_url(mp_event)).status_code == 404


def test_moderators_participants_and_visitors_are_refused(client, moderator, past_event, answered):
    client.force_login(moderator)
    response = client.get(report_url(past_event))
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert any("do not have permission" in str(m) for m in get_messages(response.wsgi_request))
    client.force_login(answered[0])
    response = client.get(report_url(past_event))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    client.logout()
    response = client.get(report_url(past_event) + "?format=csv")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_menu_item_is_for_report_readers(client, registrar, moderator):
    client.force_login(registrar)
    assert "/admin/feedback/" in client.get("/admin/").content.decode()
    client.force_login(moderator)
    assert "/admin/feedback/" not in client.get("/admin/").content.decode()


def test_the_editor_sets_feedback_in_the_event_form(client, superuser, index):
    from wagtail.test.utils.form_data import inline_formset

    from colloquia.models import ColloquiumPage
    from tests.colloquia.test_agenda_form import add_url, form, session

    client.force_login(superuser)
    setup = {"collect_feedback": "on", "named": "on", "window_days": "14", "test_module": "", "test_questions": "10"}
    data = form(
        [{"mode": "in_person", **session("TS-I", "10:00", "11:00")}],
        feedback_setup=inline_formset([setup]),
    )
    response = client.post(add_url(index), data)
    if response.status_code != 302:
        edit = response.context["form"]
        pytest.fail(f"{edit.errors} {[(name, f.errors, f.non_form_errors()) for name, f in edit.formsets.items()]}")
    page = ColloquiumPage.objects.get(slug="colloquium-aht")
    settings = services.setup_for(page)
    assert (settings.named, settings.window_days, settings.test_module) == (True, 14, None)
    opens, closes = services.feedback_window(page)
    assert (closes - opens).days == 14
