"""The demo's past Jharkhand workshop has feedback from most of its participants and a knowledge test with gains."""

import io

import pytest

from colloquia.models import ColloquiumPage
from demo.loaders import academies as academies_demo
from demo.loaders import accounts as accounts_demo
from demo.loaders import colloquia as colloquia_demo
from demo.loaders import courses as courses_demo
from demo.loaders import feedback as feedback_demo
from demo.loaders import home as home_demo
from feedback import services
from feedback.models import FeedbackResponse, KnowledgeTestTake


@pytest.mark.django_db
def test_the_demo_workshop_has_anonymous_feedback_and_gains():
    out = io.StringIO()
    for loader in (accounts_demo.load, home_demo.load, academies_demo.load, courses_demo.load, colloquia_demo.load):
        loader(out)
    assert feedback_demo.load(out) > 0
    assert feedback_demo.load(out) == 0  # idempotent
    event = ColloquiumPage.objects.get(slug="workshop-victim-centred-investigation")
    summary = services.event_feedback_summary(event)
    assert summary["invited"] == 11 and summary["responses"] == 10  # police7 never came
    assert summary["response_rate"] > 0.5
    assert [row["category"] for row in summary["knowledge_gain"]] == [
        "Public prosecutors",
        "Police nodal officers (AHTU)",
    ]
    assert all(row["post_mean"] > row["pre_mean"] and row["people"] >= 5 for row in summary["knowledge_gain"])
    assert KnowledgeTestTake.objects.filter(registration__page=event).count() == 22
    # Answers carry no name, and were given within the form's window, on varied days.
    assert set(FeedbackResponse.objects.values_list("respondent_name", flat=True)) == {""}
    opens, closes = services.feedback_window(event)
    days = set(FeedbackResponse.objects.values_list("submitted_on", flat=True))
    assert len(days) > 3 and all(opens.date() <= day < closes.date() for day in days)
    # Published with the page, so an editor's next edit starts from the settings.
    assert len(event.get_latest_revision().content["feedback_setup"]) == 1
