"""Who may answer an event's feedback form, when, and only once; the answers are kept without the person."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from feedback import services
from feedback.models import FeedbackReceipt, FeedbackResponse, FeedbackSetup, SessionRating
from tests import factories
from tests.colloquia.conftest import make_event

from .conftest import add_registration, ended_event, mark_present, participants, set_up

pytestmark = pytest.mark.django_db


def answer(page, user, **extra):
    sessions = services.rated_sessions(page)
    ratings = {str(sessions[0].uid): {"relevance": 5, "clarity": 4, "speaker": 5}}
    return services.submit_feedback(
        page,
        user,
        overall_usefulness=extra.pop("overall_usefulness", 4),
        to_change=extra.pop("to_change", "More time for questions."),
        topics_wanted=extra.pop("topics_wanted", "Cyber-trafficking evidence."),
        ratings=extra.pop("ratings", ratings),
        **extra,
    )


def test_an_attendee_answers_once_and_a_second_try_is_refused(past_event, judge):
    mark_present(add_registration(past_event, judge))
    assert services.feedback_state(past_event, judge)["can_answer"]
    answer(past_event, judge)
    with pytest.raises(services.FeedbackRefused, match="already given your feedback"):
        answer(past_event, judge, overall_usefulness=1)
    assert FeedbackResponse.objects.count() == 1 and FeedbackReceipt.objects.count() == 1
    assert FeedbackResponse.objects.get().overall_usefulness == 4


def test_two_submissions_at_once_store_one_answer(past_event, judge):
    """Both requests passed the check before either wrote: the receipt's unique constraint refuses the second."""
    mark_present(add_registration(past_event, judge))
    state = services.feedback_state(past_event, judge)
    with mock.patch("feedback.services.responses.feedback_state", return_value=state):
        answer(past_event, judge)
        with pytest.raises(services.FeedbackRefused, match="already given your feedback"):
            answer(past_event, judge)
    assert FeedbackResponse.objects.count() == 1 and SessionRating.objects.count() == 1


def test_the_form_is_closed_before_the_last_session_ends(index, judge):
    today = make_event(index, title="Today's colloquium", start=timezone.localdate(), registration_open=False)
    mark_present(add_registration(today, judge))
    opens, _ = services.feedback_window(today)
    before = opens - datetime.timedelta(minutes=1)
    state = services.feedback_state(today, judge, now=before)
    assert not state["can_answer"] and "opens when the last session ends" in state["reason"]
    with pytest.raises(services.FeedbackRefused):
        answer(today, judge, now=before)
    assert services.feedback_state(today, judge, now=opens)["can_answer"]
    assert opens.astimezone(today.zone).time() == datetime.time(15, 15)  # the last counted session's end


def test_the_form_closes_after_the_academys_window(index, judge):
    page = ended_event(index, days_ago=10)
    mark_present(add_registration(page, judge))
    opens, closes = services.feedback_window(page)
    assert closes - opens == datetime.timedelta(days=30)  # the default
    assert not services.feedback_state(page, judge, now=closes)["can_answer"]
    assert "closed on" in services.feedback_state(page, judge, now=closes)["reason"]
    set_up(page, window_days=7)
    state = services.feedback_state(page, judge)
    assert not state["can_answer"] and "closed on" in state["reason"]


def test_only_those_who_attended_may_answer(past_event, judge, prosecutor, police, cso_user):
    mark_present(add_registration(past_event, judge))
    add_registration(past_event, prosecutor)  # approved, never came
    add_registration(past_event, police, status="pending")
    assert services.feedback_state(past_event, judge)["can_answer"]
    for person in (prosecutor, police, cso_user):
        state = services.feedback_state(past_event, person)
        assert not state["can_answer"] and "Only participants who attended" in state["reason"]
    assert list(services.eligible_registrations(past_event).values_list("user", flat=True)) == [judge.pk]


def test_without_any_attendance_recorded_approved_participants_may_answer(past_event, judge, police):
    add_registration(past_event, judge)
    add_registration(past_event, police, status="rejected")
    assert services.feedback_state(past_event, judge)["can_answer"]
    assert not services.feedback_state(past_event, police)["can_answer"]


def test_an_event_may_collect_no_feedback(past_event, judge):
    mark_present(add_registration(past_event, judge))
    set_up(past_event, collect_feedback=False)
    assert "does not collect feedback" in services.feedback_state(past_event, judge)["reason"]


def test_no_column_links_an_answer_to_its_person(past_event, judge):
    mark_present(add_registration(past_event, judge))
    response = answer(past_event, judge)
    # No foreign key from the answers to a user or a registration, and no time of day.
    for model in (FeedbackResponse, SessionRating):
        for field in model._meta.get_fields():
            if field.is_relation and field.many_to_one:
                assert field.related_model._meta.label in {"colloquia.ColloquiumPage", "feedback.FeedbackResponse"}
            assert not isinstance(field, models.DateTimeField), field.name
    assert isinstance(response.id, type(FeedbackReceipt.objects.get().id))  # random keys: no order of arrival
    row = FeedbackResponse.objects.filter(pk=response.pk).values().get()
    ratings = list(SessionRating.objects.values())
    stored = repr(row) + repr(ratings)
    for trace in (judge.email, judge.full_name, f"'{judge.pk}'"):
        assert trace not in stored
    assert row["respondent_name"] == "" and row["submitted_on"] == timezone.localdate()
    # The receipt says that the judge answered, and nothing of what.
    assert {f.name for f in FeedbackReceipt._meta.get_fields()} == {"id", "page", "user"}


def test_named_feedback_keeps_the_name(past_event, judge):
    set_up(past_event, named=True)
    mark_present(add_registration(past_event, judge))
    assert services.feedback_state(past_event, judge)["named"]
    assert answer(past_event, judge).respondent_name == "Test Judge"


def test_named_or_anonymous_is_fixed_once_the_form_opens(index, past_event):
    upcoming = make_event(index, title="Next colloquium")
    setup = FeedbackSetup(page=upcoming, named=True)
    setup.full_clean()  # before the event: allowed
    setup.save()
    late = FeedbackSetup(page=past_event, named=True)
    with pytest.raises(ValidationError, match="stays as participants were told it is \\(anonymous\\)"):
        late.full_clean()
    unchanged = FeedbackSetup(page=past_event, window_days=10)
    unchanged.full_clean()


def test_ratings_outside_one_to_five_are_refused(past_event, judge):
    mark_present(add_registration(past_event, judge))
    with pytest.raises(ValueError):
        answer(past_event, judge, overall_usefulness=6)
    assert not FeedbackReceipt.objects.exists()


def test_sessions_not_on_the_form_are_ignored_and_blank_ones_not_stored(past_event, judge):
    mark_present(add_registration(past_event, judge))
    sessions = services.rated_sessions(past_event)
    assert [s.title for s in sessions] == [
        "Inaugural session",
        "TS-I: The law after BNS/BNSS",
        "TS-II: Investigation and evidence",
        "TS-III: Victims in court",
    ]  # registration and lunch do not count
    lunch = next(s for s in past_event.sessions.all() if s.title == "Lunch")
    ratings = {
        str(lunch.uid): {"relevance": 5, "clarity": 5, "speaker": 5},
        str(sessions[1].uid): {"relevance": None, "clarity": None, "speaker": None},
        str(sessions[2].uid): {"relevance": 3, "clarity": None, "speaker": None},
    }
    answer(past_event, judge, ratings=ratings)
    assert list(SessionRating.objects.values_list("session_title", "relevance", "clarity")) == [
        ("TS-II: Investigation and evidence", 3, None)
    ]


def test_summary_has_the_agreed_shape_and_exact_figures(past_event):
    people = participants(past_event, 4)
    participants(past_event, 1, present=False, prefix="Absent")  # approved, did not come: not asked
    sessions = services.rated_sessions(past_event)
    for user, (overall, relevance) in zip(people[:3], [(5, 5), (4, 3), (2, None)], strict=True):
        services.submit_feedback(
            past_event,
            user,
            overall_usefulness=overall,
            ratings={str(sessions[0].uid): {"relevance": relevance, "clarity": 4, "speaker": None}},
        )
    summary = services.event_feedback_summary(past_event)
    assert set(summary) == {
        "invited",
        "responses",
        "response_rate",
        "overall_usefulness_mean",
        "sessions",
        "knowledge_gain",
    }
    assert summary["invited"] == 4 and summary["responses"] == 3 and summary["response_rate"] == 0.75
    assert summary["overall_usefulness_mean"] == 3.67
    first = summary["sessions"][0]
    assert first == {
        "title": "Inaugural session",
        "relevance_mean": 4.0,
        "clarity_mean": 4.0,
        "speaker_mean": None,
        "responses": 3,
    }
    assert summary["sessions"][1]["responses"] == 0 and summary["sessions"][1]["relevance_mean"] is None
    assert summary["knowledge_gain"] == []
    report = services.feedback_report(past_event)
    assert report["usefulness_counts"] == [0, 1, 0, 1, 1]
    assert report["sessions"][0]["spread"][0]["counts"] == [0, 0, 1, 0, 1]


def test_an_event_without_feedback_summarises_to_zero(past_event):
    summary = services.event_feedback_summary(past_event)
    assert summary["invited"] == 0 and summary["response_rate"] == 0.0 and summary["overall_usefulness_mean"] is None


def test_comments_are_cleaned_and_kept_as_text(past_event, judge):
    mark_present(add_registration(past_event, judge))
    answer(past_event, judge, to_change='<script>alert(1)</script><a href="javascript:x">more</a>\n\nSecond point')
    html = services.feedback_report(past_event)["comments"]["to_change"][0]["html"]
    assert "<script" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html and "<p>Second point</p>" in html


def test_the_person_can_see_which_events_they_answered_but_not_what(past_event, judge):
    mark_present(add_registration(past_event, judge))
    answer(past_event, judge, to_change="A secret opinion")
    data = services.personal_data(judge)["feedback"]
    assert data["events_answered"] == [past_event.title]
    assert "A secret opinion" not in repr(data)


def test_a_user_of_another_event_is_not_asked(index, past_event):
    other = ended_event(index, title="Another colloquium")
    user = factories.make_user("district_judge", full_name="Elsewhere")
    mark_present(add_registration(other, user))
    assert not services.feedback_state(past_event, user)["can_answer"]
