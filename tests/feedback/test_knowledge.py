"""Pre- and post-event knowledge tests from a module's question bank, and the gain per category."""

import datetime

import pytest
from django.utils import timezone

from feedback import services
from feedback.models import KnowledgeTestTake
from tests import factories
from tests.colloquia.conftest import make_event
from tests.courses.conftest import make_index as make_course_index
from tests.courses.conftest import make_module

from .conftest import add_registration, ended_event, mark_present, participants, set_up

pytestmark = pytest.mark.django_db


@pytest.fixture
def module(home):
    return make_module(make_course_index(home), lessons=0, questions=4)


def right_answers(questions, how_many):
    """{question id: answer}: the first `how_many` right, the rest wrong."""
    answers = {}
    for n, q in enumerate(questions):
        wanted = n < how_many
        answers[str(q["id"])] = next(o["id"] for o in q["options"] if o["correct"] == wanted)
    return answers


def take(page, user, stage, correct, **kwargs):
    questions = services.knowledge.paper(page)
    return services.submit_test(page, user, stage, right_answers(questions, correct), **kwargs)


def test_the_pre_test_is_open_until_the_first_session(index, module, judge):
    page = make_event(index, title="Upcoming colloquium")
    set_up(page, test_module=module, test_questions=3)
    add_registration(page, judge)
    state = services.test_state(page, judge, "pre")
    assert state["can_take"], state["reason"]
    result = take(page, judge, "pre", 2)
    assert (result.correct, result.total) == (2, 3)
    assert [q["text"] for q in result.questions] == ["Question 1?", "Question 2?", "Question 3?"]
    assert services.test_state(page, judge, "pre")["reason"] == "You have taken this test."
    with pytest.raises(services.TestRefused):
        take(page, judge, "pre", 3)
    starts = services.knowledge.first_session_starts(page)
    late = factories.make_user("prosecutor", full_name="Late Registrant")
    add_registration(page, late)
    assert "closed when its first session began" in services.test_state(page, late, "pre", now=starts)["reason"]


def test_the_post_test_is_for_attendees_after_the_last_session(past_event, module, judge, prosecutor):
    set_up(past_event, test_module=module)
    mark_present(add_registration(past_event, judge))
    add_registration(past_event, prosecutor)  # never came
    assert services.test_state(past_event, judge, "post")["can_take"]
    assert not services.test_state(past_event, prosecutor, "post")["can_take"]
    assert not services.test_state(past_event, judge, "pre")["can_take"]  # the event is over


def test_no_test_without_a_module(past_event, judge):
    mark_present(add_registration(past_event, judge))
    assert services.test_state(past_event, judge, "post")["reason"] == "This event sets no knowledge test."


def test_the_gain_per_category_leaves_out_groups_under_five(index, module):
    page = ended_event(index, days_ago=1)
    set_up(page, test_module=module, test_questions=4)
    judges = participants(page, 5, "district_judge")
    police = participants(page, 4, "police")
    # Taken as they were: the pre-test before the event (the clock moved back), the post-test now.
    before = timezone.now() - datetime.timedelta(days=3)
    for n, user in enumerate(judges):
        take(page, user, "pre", [1, 2, 1, 2, 2][n], now=before)
        take(page, user, "post", [3, 4, 4, 3, 4][n])
    for user in police:
        take(page, user, "pre", 0, now=before)
        take(page, user, "post", 4)
    gain = services.knowledge_gain(page)
    assert gain == [{"category": "District and Sessions judges", "pre_mean": 40.0, "post_mean": 90.0, "people": 5}]
    assert services.event_feedback_summary(page)["knowledge_gain"] == gain
    # A judge who took only one test does not count.
    KnowledgeTestTake.objects.filter(registration__user=judges[0], stage="post").delete()
    assert services.knowledge_gain(page) == []


def test_the_test_page_shows_no_answers_and_grades_once(client, index, module, judge, prosecutor):
    page = make_event(index, title="Upcoming colloquium")
    set_up(page, test_module=module, test_questions=2)
    add_registration(page, judge)
    url = f"/feedback/{page.pk}/test/pre/"
    client.force_login(judge)
    body = client.get(url).content.decode()
    assert "Question 1?" in body and "Question 2?" in body and "Question 3?" not in body
    assert "SECRET-FEEDBACK" not in body  # no feedback, no marks of the right option
    questions = services.knowledge.paper(page)
    data = {f"q{q['id']}": a for q, a in zip(questions, right_answers(questions, 1).values(), strict=True)}
    response = client.post(url, data)
    assert response.status_code == 200 and "You answered 1 of 2 questions correctly." in response.content.decode()
    assert "You answered 1 of 2" in client.get(url).content.decode()  # taken: its score, not the questions again
    assert KnowledgeTestTake.objects.get().correct == 1
    assert client.get(f"/feedback/{page.pk}/test/post/").status_code == 403  # before the event: not yet
    assert client.get(f"/feedback/{page.pk}/test/later/").status_code == 404
    client.force_login(prosecutor)  # no place at the event
    assert client.get(url).status_code == 403
