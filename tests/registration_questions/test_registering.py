"""The questions in the registration and nomination-acceptance forms: saved with the registration, all or nothing."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import QueryDict

from colloquia import services
from colloquia.models import Registration
from registration_questions.forms import registration_form
from registration_questions.models import Answer
from tests.factories import make_user
from tests.resources.builders import PDF

from .conftest import letter, make_event, name, stored_files, valid_answers, with_questions

pytestmark = pytest.mark.django_db


def register_url(event):
    return event.url + "register/"


def answers_by_label(registration):
    return {answer.question_label: (answer.value or answer.file_name) for answer in registration.question_answers.all()}


def test_the_register_button_shows_the_questions_first(client, judge, event):
    client.force_login(judge)
    response = client.post(register_url(event))  # the event page's one-click button
    body = response.content.decode()
    assert response.status_code == 200
    assert "Travel mode" in body and "Dietary needs (optional)" in body and "From your High Court" in body
    assert 'enctype="multipart/form-data"' in body and 'name="answering"' in body
    assert "Please correct" not in body  # nothing answered yet, so nothing is wrong
    assert not Registration.objects.exists()
    assert client.get(register_url(event)).content.decode().count('name="answering"') == 1


def test_a_visitor_signs_in_and_comes_back_to_the_questions(client, event):
    response = client.get(register_url(event))
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={register_url(event)}"


def test_answers_are_saved_with_the_registration(client, judge, event, settings):
    client.force_login(judge)
    response = client.post(register_url(event), valid_answers(event))
    assert response.status_code == 302 and response["Location"] == event.url
    registration = Registration.objects.get(page=event, user=judge)
    assert registration.status == "approved"
    assert answers_by_label(registration) == {
        "Travel mode": "Train",
        "Arrival date": "2031-03-09",
        "Accommodation needed": True,
        "Dietary needs": ["Vegetarian", "Diabetic"],
        "Anything the academy should know": "Wheelchair access, please.",
        "Court or office address": "Civil Court, Ranchi",
        "Nomination letter": "nomination-letter.pdf",
    }
    stored = registration.question_answers.get(kind="file")
    assert (stored.content_type, stored.size, len(stored.sha256)) == ("application/pdf", len(PDF), 64)
    # Stored privately: outside MEDIA_ROOT (which the web server serves), under a random name.
    (path,) = stored_files()
    assert path.read_bytes() == PDF
    assert settings.MEDIA_ROOT not in path.parents and "nomination" not in path.name


def test_optional_questions_left_blank_store_no_answer(client, judge, event):
    client.force_login(judge)
    blank = {"Dietary needs": None, "Anything the academy should know": "", "Court or office address": ""}
    client.post(register_url(event), valid_answers(event, blank))
    registration = Registration.objects.get(page=event, user=judge)
    assert set(answers_by_label(registration)) == {
        "Travel mode",
        "Arrival date",
        "Accommodation needed",
        "Nomination letter",
    }


def test_a_form_with_errors_keeps_every_entry_and_asks_for_the_file_again(client, judge, event):
    client.force_login(judge)
    changes = {"Arrival date": "31/02/2031", "Travel mode": "Helicopter"}
    response = client.post(register_url(event), valid_answers(event, changes))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Enter a date such as 14/03/2026." in body
    assert "Select a valid choice. Helicopter is not one of the available choices." in body
    assert "choose your files again: a browser cannot keep a chosen file" in body
    # What was typed and ticked is there again.
    assert 'value="31/02/2031"' in body
    assert 'value="Civil Court, Ranchi"' in body
    assert "Wheelchair access, please.</textarea>" in body
    assert f'name="{name(event, "Accommodation needed")}" value="yes" required id' in body.replace("checked", "")
    assert body.count("checked") == 3  # yes, Vegetarian, Diabetic
    assert not Registration.objects.exists() and not Answer.objects.exists() and stored_files() == []


def test_a_refused_file_is_named_with_the_reason_and_nothing_is_saved(client, judge, event):
    client.force_login(judge)
    hostile = SimpleUploadedFile("letter.pdf", b"<html><script>alert(1)</script></html>")
    response = client.post(register_url(event), valid_answers(event, {"Nomination letter": hostile}))
    body = response.content.decode()
    assert response.status_code == 200
    assert "“letter.pdf” was refused: it is named .pdf but its content is a web page (HTML)" in body
    assert not Registration.objects.exists() and stored_files() == []


def test_a_failure_after_the_answers_are_saved_undoes_everything(client, judge, event, monkeypatch):
    """All or nothing: the registration, the answers and the stored file go together."""

    def mail_server_down(*args, **kwargs):
        raise ConnectionError("mail server down")

    monkeypatch.setattr("colloquia.services.registration.notify", mail_server_down)
    client.force_login(judge)
    with pytest.raises(ConnectionError):
        client.post(register_url(event), valid_answers(event))
    assert not Registration.objects.exists()
    assert not Answer.objects.exists()
    assert stored_files() == []  # the file written before the failure was removed


def test_someone_already_registered_is_not_asked_again(client, judge, event):
    client.force_login(judge)
    client.post(register_url(event), valid_answers(event))
    assert client.get(register_url(event))["Location"] == event.url
    response = client.post(register_url(event), follow=True)  # the button again, say from another tab
    assert "Your registration: Approved" in response.content.decode()
    assert Answer.objects.count() == 7  # from the first registration, unchanged


def test_registering_again_after_withdrawing_replaces_the_answers(
    client, judge, event, django_capture_on_commit_callbacks
):
    client.force_login(judge)
    client.post(register_url(event), valid_answers(event))
    (first_file,) = stored_files()
    registration = Registration.objects.get(user=judge)
    services.withdraw(registration, by=judge)
    new_letter = letter(PDF + b"\n% revised", "revised-letter.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            register_url(event), valid_answers(event, {"Travel mode": "Air", "Nomination letter": new_letter})
        )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "approved"
    answers = answers_by_label(registration)
    assert answers["Travel mode"] == "Air" and answers["Nomination letter"] == "revised-letter.pdf"
    assert Answer.objects.filter(registration=registration).count() == 7
    (second_file,) = stored_files()
    assert second_file != first_file and not first_file.exists()


def test_the_questions_are_not_shown_when_registration_is_closed(client, judge, index):
    event = with_questions(make_event(index, registration_open=False), [{"label": "Travel mode", "kind": "short_text"}])
    client.force_login(judge)
    response = client.get(register_url(event), follow=True)
    assert response.redirect_chain[-1][0] == event.url
    assert "Registration is not open." in response.content.decode()
    assert client.post(register_url(event), {"answering": "1", name(event, "Travel mode"): "Train"}).status_code == 302
    assert not Registration.objects.exists()


def test_an_event_without_questions_registers_in_one_click(client, judge, index):
    event = make_event(index)
    client.force_login(judge)
    assert client.get(register_url(event))["Location"] == event.url
    assert client.post(register_url(event)).status_code == 302
    assert Registration.objects.get(user=judge).status == "approved"
    assert not Answer.objects.exists()


def test_the_service_saves_answers_given_to_it(judge, event):
    """services.register is the one place that saves: a view, a command or an admin action hands it the form."""
    data = valid_answers(event)
    files = {key: data.pop(key) for key in list(data) if hasattr(data[key], "read")}
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    form = registration_form(event, data=query, files=files)
    assert form.is_valid(), form.errors
    registration = services.register(judge, event, answers=[form])
    assert registration.question_answers.get(question_label="Arrival date").value == "2031-03-09"


# --- nominations ---


@pytest.fixture
def nominated(index):
    event = make_event(index, title="Nominated colloquium", mode="nomination", audience={"district_judge": None})
    event = with_questions(
        event,
        [
            {"label": "Travel mode", "kind": "single_choice", "choices": "Train\nBus"},
            {"label": "Nomination letter", "kind": "file"},
        ],
    )
    invited = Registration.objects.create(
        page=event,
        email="nominee@example.test",
        name="Shri A. Kumar",
        category="district_judge",
        status="invited",
        nominating_office="District Court Ranchi",
        invited_at=datetime.datetime.now(datetime.UTC),
    )
    return event, invited, f"/colloquia-registrations/invitation/{services.invitation_token(invited)}/"


def test_a_nominee_answers_when_accepting(client, nominated):
    event, invited, link = nominated
    body = client.get(link).content.decode()
    assert "Travel mode" in body and "Nomination letter" in body and 'enctype="multipart/form-data"' in body
    response = client.post(
        link, {"answer": "accept", name(event, "Travel mode"): "Bus", name(event, "Nomination letter"): letter()}
    )
    assert "Set your password" in response.content.decode()
    invited.refresh_from_db()
    assert invited.status == "approved" and invited.user.email == "nominee@example.test"
    assert answers_by_label(invited) == {"Travel mode": "Bus", "Nomination letter": "nomination-letter.pdf"}


def test_a_nominee_who_leaves_out_an_answer_keeps_the_rest_and_stays_invited(client, nominated):
    event, invited, link = nominated
    response = client.post(link, {"answer": "accept", name(event, "Travel mode"): "Bus"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in body and "choose your files again" in body
    assert f'name="{name(event, "Travel mode")}" value="Bus" required id' in body.replace("checked", "")
    invited.refresh_from_db()
    assert invited.status == "invited" and invited.user is None and not Answer.objects.exists()


def test_a_nominee_declines_without_answering(client, nominated):
    _, invited, link = nominated
    client.post(link, {"answer": "decline"})
    invited.refresh_from_db()
    assert invited.status == "declined" and not Answer.objects.exists()


def test_a_failed_acceptance_keeps_no_answer_and_no_file(client, nominated, monkeypatch):
    event, invited, link = nominated

    def mail_server_down(*args, **kwargs):
        raise ConnectionError("mail server down")

    monkeypatch.setattr("colloquia.services.invitations.notify", mail_server_down)
    with pytest.raises(ConnectionError):
        client.post(
            link, {"answer": "accept", name(event, "Travel mode"): "Bus", name(event, "Nomination letter"): letter()}
        )
    invited.refresh_from_db()
    assert invited.status == "invited" and not Answer.objects.exists() and stored_files() == []


def test_a_second_person_can_register_with_their_own_answers(client, judge, event):
    other = make_user("prosecutor")
    for person, mode in ((judge, "Train"), (other, "Bus")):
        client.force_login(person)
        client.post(register_url(event), valid_answers(event, {"Travel mode": mode}))
    modes = dict(Answer.objects.filter(question_label="Travel mode").values_list("registration__user", "value"))
    assert modes == {judge.pk: "Train", other.pk: "Bus"}
    assert len(stored_files()) == 2
