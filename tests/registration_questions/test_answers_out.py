"""Where answers go: export columns, the personal-data download, the registrar's CSV; and when they go."""

import csv
import datetime
import io

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from accounts.services import anonymise_user, export_personal_data
from colloquia.models import ColloquiumPage, Registration
from registration_questions.models import Answer
from registration_questions.services import EXPORT_COLUMNS_HOOK, export_columns
from tests.factories import make_user

from .conftest import STATE_QUESTIONS, make_event, stored_files, valid_answers, with_questions

pytestmark = pytest.mark.django_db


def register_with_answers(client, person, event, changes=None):
    client.force_login(person)
    response = client.post(event.url + "register/", valid_answers(event, changes))
    assert response.status_code == 302
    client.logout()
    return Registration.objects.get(page=event, user=person)


def test_export_columns_give_each_answer_as_a_spreadsheet_value(client, judge, event):
    answered = register_with_answers(client, judge, event)
    silent = Registration.objects.create(
        page=event, user=make_user("prosecutor"), email="p@example.test", name="P", category="prosecutor"
    )
    assert export_columns in hooks.get_hooks(EXPORT_COLUMNS_HOOK)
    columns = export_columns(event)
    assert [heading for heading, _ in columns] == [spec["label"] for spec in STATE_QUESTIONS]
    letter = answered.question_answers.get(kind="file")
    assert [value(answered) for _, value in columns] == [
        "Train",
        datetime.date(2031, 3, 9),
        "Yes",
        "Vegetarian; Diabetic",
        "Wheelchair access, please.",
        "Civil Court, Ranchi",
        f"http://testserver/admin/registration-questions/answers/{letter.pk}/nomination-letter.pdf",
    ]
    assert [value(silent) for _, value in columns] == [None] * 7


def test_export_columns_read_every_answer_in_one_query(client, judge, event, django_assert_num_queries):
    people = [judge, make_user("prosecutor"), make_user("police")]
    registrations = [register_with_answers(client, person, event) for person in people]
    with django_assert_num_queries(1):  # the questions
        columns = export_columns(event)
    with django_assert_num_queries(1):  # every answer of the event, whatever the number of people
        cells = [[value(registration) for _, value in columns] for registration in registrations]
    assert [row[0] for row in cells] == ["Train"] * 3


def test_an_event_without_questions_adds_no_column(index):
    assert export_columns(make_event(index, title="No questions")) == []


def test_the_personal_data_download_holds_the_answers(client, judge, event):
    register_with_answers(client, judge, event)
    letter = Answer.objects.get(kind="file")
    answers = export_personal_data(judge)["colloquium_registration_answers"]
    assert {row["question"]: row["answer"] for row in answers} == {
        "Travel mode": "Train",
        "Arrival date": "9 Mar 2031",
        "Accommodation needed": "Yes",
        "Dietary needs": "Vegetarian; Diabetic",
        "Anything the academy should know": "Wheelchair access, please.",
        "Court or office address": "Civil Court, Ranchi",
        "Nomination letter": "nomination-letter.pdf",
    }
    assert {row["event"] for row in answers} == {event.title}
    (with_file,) = [row for row in answers if "file" in row]
    assert with_file["file"] == f"http://testserver/registration-questions/answers/{letter.pk}/nomination-letter.pdf"
    assert export_personal_data(make_user("police"))["colloquium_registration_answers"] == []


def test_the_registrars_csv_has_every_answer_with_formulas_neutralised(client, judge, registrar, event):
    register_with_answers(client, judge, event, {"Court or office address": '=HYPERLINK("http://x.test","Ranchi")'})
    client.force_login(registrar)
    response = client.get(f"/admin/registration-questions/{event.pk}/?format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="answers-{event.slug}.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == [
        "Name",
        "Email",
        "Category",
        "Status",
        "Nominating court or office",
        *(spec["label"] for spec in STATE_QUESTIONS),
    ]
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Name"] == "Test Judge" and row["Status"] == "Approved"
    assert row["Arrival date"] == "2031-03-09" and row["Accommodation needed"] == "Yes"
    assert row["Court or office address"] == '\'=HYPERLINK("http://x.test","Ranchi")'
    assert row["Nomination letter"].startswith("http://testserver/admin/registration-questions/answers/")


# --- deletion ---


def test_answers_and_their_file_go_with_the_registration(client, judge, event, django_capture_on_commit_callbacks):
    registration = register_with_answers(client, judge, event)
    assert len(stored_files()) == 1
    with django_capture_on_commit_callbacks(execute=True):
        registration.delete()
    assert not Answer.objects.exists()
    assert stored_files() == []


def test_a_deletion_rolled_back_keeps_the_file(client, judge, event):
    registration = register_with_answers(client, judge, event)

    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        registration.delete()
        raise Undo
    assert Answer.objects.count() == 7 and len(stored_files()) == 1


def test_deleting_the_event_deletes_its_answers_and_files(client, judge, event, django_capture_on_commit_callbacks):
    register_with_answers(client, judge, event)
    with django_capture_on_commit_callbacks(execute=True):
        ColloquiumPage.objects.get(pk=event.pk).delete()
    assert not Answer.objects.exists() and stored_files() == []


def test_removing_a_question_keeps_the_answers_given_to_it(client, judge, event):
    registration = register_with_answers(client, judge, event)
    with_questions(event, [spec for spec in STATE_QUESTIONS if spec["label"] != "Travel mode"])
    travel = Answer.objects.get(registration=registration, question_label="Travel mode")
    assert travel.question is None and travel.value == "Train"
    assert "Travel mode" not in [heading for heading, _ in export_columns(event)]
    assert "Travel mode" in [row["question"] for row in export_personal_data(judge)["colloquium_registration_answers"]]


def test_an_anonymised_account_loses_its_answers(client, judge, event, django_capture_on_commit_callbacks):
    register_with_answers(client, judge, event)
    with django_capture_on_commit_callbacks(execute=True):
        anonymise_user(judge)
    assert not Answer.objects.exists() and stored_files() == []
    assert Registration.objects.filter(user=judge).exists()  # the registration itself stays


def test_the_registrars_screen_costs_the_same_queries_for_more_registrations(client, registrar, event):
    def queries_for_screen():
        client.force_login(registrar)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/admin/registration-questions/{event.pk}/").status_code == 200
        return len(captured)

    register_with_answers(client, make_user("district_judge"), event)
    few = queries_for_screen()
    for role in ("prosecutor", "police", "district_judge"):
        register_with_answers(client, make_user(role), event)
    assert queries_for_screen() == few
