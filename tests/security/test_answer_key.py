"""The quiz answer key never reaches a learner before submission, nor the public API.

The matrix proves who may open the module's edit, preview and revision screens (which
show the question bank); this file looks inside the pages a learner can open.
"""

import json

import pytest

from courses import services
from tests.courses.conftest import make_index, make_module

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(academy):
    module = make_module(make_index(academy.page, slug="key-modules"), lessons=1, questions=3)
    module.review_answers = "each_attempt"  # the most open review option
    module.save_revision().publish()
    return module


def test_an_attempt_in_progress_shows_no_answers_or_feedback(client, judge, module):
    enrolment, _ = services.enrol(judge, module)
    attempt = services.start_attempt(enrolment)
    client.force_login(judge)
    html = client.get(f"/courses/attempts/{attempt.pk}/").content.decode()
    assert "Right answer 1" in html  # the options are there...
    for secret in ("SECRET-FEEDBACK", "Correct answer", '"correct"', "tag-ok"):
        assert secret not in html  # ...but not which one is right, nor the feedback


def test_the_public_api_does_not_expose_the_question_bank(client, module):
    response = client.get(f"/api/v2/pages/{module.pk}/?fields=*")
    assert response.status_code == 200
    body = json.dumps(response.json())
    assert "SECRET-FEEDBACK" not in body and "Right answer" not in body and "questions" not in body


def test_the_personal_data_download_leaves_out_the_snapshot_of_an_open_attempt(client, judge, module):
    enrolment, _ = services.enrol(judge, module)
    services.start_attempt(enrolment)
    client.force_login(judge)
    body = client.get("/accounts/personal-data/").content.decode()
    assert "SECRET-FEEDBACK" not in body and "Right answer" not in body


def test_saved_answers_are_shown_back_but_never_graded_or_marked(client, judge, module):
    enrolment, _ = services.enrol(judge, module)
    attempt = services.start_attempt(enrolment)
    client.force_login(judge)
    q = attempt.questions[0]
    wrong = next(o["id"] for o in q["options"] if not o["correct"])
    saved = client.post(f"/courses/attempts/{attempt.pk}/save/", {f"q{q['id']}": wrong})
    body = saved.content.decode()
    assert saved.status_code == 200 and set(saved.json()) == {"saved", "message"}
    for secret in ("SECRET-FEEDBACK", "correct", "score", "right", "Right answer"):
        assert secret not in body
    client.post(f"/courses/attempts/{attempt.pk}/", {f"q{q['id']}": wrong, "action": "later"})
    html = client.get(f"/courses/attempts/{attempt.pk}/").content.decode()
    assert f'value="{wrong}" checked' in html  # the learner's own choice comes back...
    for secret in ("SECRET-FEEDBACK", "Correct answer", '"correct"', "tag-ok", "tag-bad", "You scored"):
        assert secret not in html  # ...with nothing that says whether it is right
    attempt.refresh_from_db()
    assert attempt.results == {} and attempt.score is None and attempt.passed is None


def test_the_personal_data_download_leaves_out_the_saved_answers_of_an_open_attempt(client, judge, module):
    enrolment, _ = services.enrol(judge, module)
    attempt = services.start_attempt(enrolment)
    q = attempt.questions[0]
    services.save_answers(attempt, {str(q["id"]): q["options"][0]["id"]})
    client.force_login(judge)
    body = client.get("/accounts/personal-data/").content.decode()
    assert "SECRET-FEEDBACK" not in body and "Right answer" not in body and q["options"][0]["id"] not in body
