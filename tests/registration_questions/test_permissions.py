"""Who may download an answer's file, see the answers, and manage an event's questions: both directions."""

import re

import pytest
from django.contrib.messages import get_messages
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from colloquia.models import ColloquiumPage, Registration
from registration_questions.models import Answer
from tests.colloquia.conftest import with_other_panels
from tests.factories import make_staff, make_user
from tests.resources.builders import PDF

from .conftest import STATE_QUESTIONS, make_event, make_index, questions_of, valid_answers, with_questions

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter_answer(client, judge, event):
    client.force_login(judge)
    assert client.post(event.url + "register/", valid_answers(event)).status_code == 302
    client.logout()
    return Answer.objects.get(kind="file")


def assert_refused_by_wagtail(response):
    """Wagtail's admin answers staff it refuses with a redirect to the dashboard and a message."""
    assert response.status_code == 302 and response["Location"] == "/admin/"
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("do not have permission" in message for message in messages), messages


def assert_sent_to_sign_in(response, path):
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/") and path in response["Location"]


# --- the participant's own file ---


def test_the_participant_downloads_their_own_file(client, judge, letter_answer):
    client.force_login(judge)
    response = client.get(letter_answer.participant_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="nomination-letter.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].startswith("sandbox;")
    assert "no-store" in response["Cache-Control"]


def test_nobody_else_downloads_it_from_the_participants_address(client, letter_answer, registrar, superuser):
    url = letter_answer.participant_url()
    assert_sent_to_sign_in(client.get(url), "/registration-questions/answers/")
    for other in (make_user("district_judge"), registrar, superuser):
        client.force_login(other)
        assert client.get(url).status_code == 404  # staff read it from the admin, behind two-factor sign-in


def test_a_wrong_name_in_the_address_leads_to_the_right_one(client, judge, letter_answer):
    client.force_login(judge)
    response = client.get(f"/registration-questions/answers/{letter_answer.pk}/other.pdf")
    assert response.status_code == 302 and response["Location"] == letter_answer.participant_url()


def test_an_answer_without_a_file_has_no_download(client, judge, letter_answer):
    client.force_login(judge)
    travel = Answer.objects.get(question_label="Travel mode")
    assert client.get(f"/registration-questions/answers/{travel.pk}/x").status_code == 404


# --- the registrar's screens and downloads ---


def registrar_urls(event, answer):
    return [
        "/admin/registration-questions/",
        f"/admin/registration-questions/{event.pk}/",
        f"/admin/registration-questions/{event.pk}/?format=csv",
        answer.registrar_url(),
    ]


def test_the_events_registrar_sees_the_answers_and_downloads_the_file(client, registrar, event, letter_answer):
    client.force_login(registrar)
    listing = client.get("/admin/registration-questions/").content.decode()
    assert event.title in listing
    assert re.search(r"<td>7</td>\s*<td>1</td>", listing)  # 7 questions; 1 registration answered them
    body = client.get(f"/admin/registration-questions/{event.pk}/").content.decode()
    assert "Test Judge" in body and "Vegetarian; Diabetic" in body and "9 Mar 2031" in body
    assert f'href="{letter_answer.registrar_url()}"' in body
    response = client.get(letter_answer.registrar_url())
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


def test_a_platform_administrator_is_allowed_too(client, superuser, event, letter_answer):
    client.force_login(superuser)
    for url in registrar_urls(event, letter_answer):
        assert client.get(url).status_code == 200, url


def test_another_academys_registrar_is_refused(client, other_academy, event, letter_answer):
    client.force_login(make_staff(other_academy, "registrar"))
    assert event.title not in client.get("/admin/registration-questions/").content.decode()
    for url in registrar_urls(event, letter_answer)[1:]:
        assert client.get(url).status_code == 404, url


def test_and_the_other_direction(client, registrar, other_index, judge):
    mp_event = with_questions(make_event(other_index, title="MP event", state="MP"), STATE_QUESTIONS[:1])
    registration = Registration.objects.create(
        page=mp_event, user=judge, email=judge.email, name="Test Judge", category="district_judge", status="approved"
    )
    Answer.objects.create(registration=registration, question_label="Travel mode", kind="short_text", value="Train")
    client.force_login(registrar)
    assert mp_event.title not in client.get("/admin/registration-questions/").content.decode()
    assert client.get(f"/admin/registration-questions/{mp_event.pk}/").status_code == 404


def test_editors_moderators_and_participants_are_refused(
    client, academy, editor, moderator, judge, event, letter_answer
):
    for staff in (editor, moderator):
        client.force_login(staff)
        for url in registrar_urls(event, letter_answer):
            assert_refused_by_wagtail(client.get(url))
    client.force_login(judge)  # no admin at all
    for url in registrar_urls(event, letter_answer):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url
    client.logout()
    for url in registrar_urls(event, letter_answer):
        assert_sent_to_sign_in(client.get(url), "/admin/registration-questions/")


def test_a_national_events_answers_are_for_platform_administrators(client, home, registrar, superuser, judge):
    national = with_questions(make_event(make_index(home, slug="national-colloquia")), STATE_QUESTIONS[:1])
    assert national.academy is None
    client.force_login(registrar)
    assert client.get(f"/admin/registration-questions/{national.pk}/").status_code == 404
    client.force_login(superuser)
    assert client.get(f"/admin/registration-questions/{national.pk}/").status_code == 200


def test_the_menu_item_is_shown_to_registrars_only(client, registrar, editor):
    client.force_login(registrar)
    assert "Registration answers" in client.get("/admin/").content.decode()
    client.force_login(editor)
    assert "Registration answers" not in client.get("/admin/").content.decode()


# --- managing the questions: the event page's form ---


def page_form(page, questions):
    """The colloquium page's edit form as the admin posts it, publishing, with these questions."""
    return nested_form_data(
        with_other_panels(
            {
                "title": page.title,
                "slug": page.slug,
                "kind": page.kind,
                "state": page.state_id,
                "venue": page.venue,
                "address": page.address,
                "start_date": page.start_date.isoformat(),
                "end_date": page.end_date.isoformat(),
                "time_zone": page.time_zone,
                "introduction": rich_text("<p>About the event.</p>"),
                "audience": inline_formset(
                    [
                        {"id": row.pk, "category": row.category, "places": row.places or ""}
                        for row in page.audience.all()
                    ],
                    initial=page.audience.count(),
                ),
                "registration_mode": page.registration_mode,
                "registration_open": "on",
                "registration_deadline": "",
                "certificate_rule": page.certificate_rule,
                "certificate_min_sessions": "",
                "certificate_min_hours": "",
                "attendance_opens_minutes_before": "30",
                "online_attendance_threshold": str(page.online_attendance_threshold),
                "agenda_days": inline_formset([]),
                "sessions": inline_formset(
                    [
                        {
                            "id": s.pk,
                            "kind": s.kind,
                            "title": s.title,
                            "date": s.date.isoformat(),
                            "start_time": s.start_time.strftime("%H:%M"),
                            "end_time": s.end_time.strftime("%H:%M"),
                            "room": s.room,
                            "mode": s.mode,
                            "meeting_link": s.meeting_link,
                            "description": s.description,
                            "people": streamfield([]),
                            "materials": streamfield([]),
                            **({"counts_for_attendance": "on"} if s.counts_for_attendance else {}),
                        }
                        for s in page.sessions.all()
                    ],
                    initial=page.sessions.count(),
                ),
                "registration_questions": inline_formset(questions),
                "action-publish": "action-publish",
            }
        )
    )


NEW_QUESTIONS = [
    {"label": "Travel mode", "kind": "single_choice", "required": "on", "help_text": "", "choices": "Train\nBus"},
    {"label": "Arrival date", "kind": "date", "help_text": "", "choices": ""},
]


@pytest.fixture
def plain_event(index):
    return make_event(index)


def test_the_academys_editor_adds_questions_in_the_page_form(client, editor, plain_event):
    client.force_login(editor)
    edit = f"/admin/pages/{plain_event.pk}/edit/"
    body = client.get(edit).content.decode()
    assert "Registration questions" in body and 'id="id_registration_questions-TOTAL_FORMS"' in body
    response = client.post(edit, page_form(plain_event, NEW_QUESTIONS))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    live = ColloquiumPage.objects.get(pk=plain_event.pk)
    questions = list(live.registration_questions.all())
    assert [(q.label, q.kind, q.required, q.choice_list()) for q in questions] == [
        ("Travel mode", "single_choice", True, ["Train", "Bus"]),
        ("Arrival date", "date", False, []),
    ]
    assert live.get_latest_revision().content["registration_questions"][0]["label"] == "Travel mode"


def test_the_page_form_refuses_a_choice_question_without_choices(client, editor, plain_event):
    client.force_login(editor)
    bad = [{"label": "Travel mode", "kind": "single_choice", "required": "on", "help_text": "", "choices": "Train"}]
    response = client.post(f"/admin/pages/{plain_event.pk}/edit/", page_form(plain_event, bad))
    assert response.status_code == 200
    assert "Give at least two choices, one per line." in response.content.decode()
    assert not ColloquiumPage.objects.get(pk=plain_event.pk).registration_questions.exists()


def test_staff_who_cannot_edit_the_page_cannot_change_its_questions(client, other_academy, registrar, plain_event):
    other_editor = make_staff(other_academy, "editor")
    for person in (other_editor, registrar):  # the academy's registrar edits no page
        client.force_login(person)
        assert_refused_by_wagtail(client.get(f"/admin/pages/{plain_event.pk}/edit/"))
        assert_refused_by_wagtail(
            client.post(f"/admin/pages/{plain_event.pk}/edit/", page_form(plain_event, NEW_QUESTIONS))
        )
    assert not ColloquiumPage.objects.get(pk=plain_event.pk).registration_questions.exists()


def test_a_participant_cannot_reach_the_page_form(client, judge, plain_event):
    client.force_login(judge)
    response = client.post(f"/admin/pages/{plain_event.pk}/edit/", page_form(plain_event, NEW_QUESTIONS))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not ColloquiumPage.objects.get(pk=plain_event.pk).registration_questions.exists()


def test_questions_are_copied_with_the_page(client, superuser, event, index):
    copy = event.copy(to=index, update_attrs={"slug": "copy-of-event", "title": "Copy"}, keep_live=False)
    copied = questions_of(copy)
    assert list(copied) == [spec["label"] for spec in STATE_QUESTIONS]
    assert {q.pk for q in copied.values()}.isdisjoint(q.pk for q in questions_of(event).values())
