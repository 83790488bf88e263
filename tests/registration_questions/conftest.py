"""Events with registration questions, and answers to them."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from colloquia.models import ColloquiumPage
from registration_questions.models import RegistrationQuestion
from tests.colloquia.conftest import make_event, make_index
from tests.resources.builders import PDF

# What the demo State colloquium asks, and two more kinds.
STATE_QUESTIONS = [
    {"label": "Travel mode", "kind": "single_choice", "choices": "Train\nBus\nAir\nOwn vehicle"},
    {"label": "Arrival date", "kind": "date"},
    {"label": "Accommodation needed", "kind": "yes_no"},
    {
        "label": "Dietary needs",
        "kind": "multiple_choice",
        "choices": "Vegetarian\nJain\nNo onion or garlic\nDiabetic",
        "required": False,
    },
    {"label": "Anything the academy should know", "kind": "long_text", "required": False},
    {"label": "Court or office address", "kind": "short_text", "required": False},
    {"label": "Nomination letter", "kind": "file", "help_text": "From your High Court or department."},
]


def with_questions(page, specs):
    """`page` published again with these questions, as an editor publishes them."""
    draft = page.get_latest_revision_as_object()
    draft.registration_questions = [RegistrationQuestion(**spec) for spec in specs]
    draft.save_revision().publish()
    return ColloquiumPage.objects.get(pk=page.pk)


def questions_of(page):
    return {question.label: question for question in page.registration_questions.all()}


def name(page, label):
    """The POST name of the question labelled `label`."""
    return f"questions-q{questions_of(page)[label].pk}"


def letter(content=PDF, filename="nomination-letter.pdf"):
    return SimpleUploadedFile(filename, content, content_type="application/pdf")


def valid_answers(page, changes=None):
    """POST data answering every question of a STATE_QUESTIONS event; `changes` by label (None leaves it out)."""
    data = {
        "Travel mode": "Train",
        "Arrival date": "2031-03-09",
        "Accommodation needed": "yes",
        "Dietary needs": ["Vegetarian", "Diabetic"],
        "Anything the academy should know": "Wheelchair access, please.",
        "Court or office address": "Civil Court, Ranchi",
        "Nomination letter": letter(),
    }
    data.update(changes or {})
    post = {"answering": "1"}
    for label, value in data.items():
        if value is not None:
            post[name(page, label)] = value
    return post


def stored_files():
    """Every file in the private storage (a sibling of MEDIA_ROOT, which each test moves)."""
    private = Path(settings.MEDIA_ROOT).parent / "private"
    return sorted(path for path in private.rglob("*") if path.is_file())


@pytest.fixture
def index(academy):
    return make_index(academy.page)


@pytest.fixture
def event(index):
    return with_questions(make_event(index), STATE_QUESTIONS)


@pytest.fixture
def other_index(other_academy):
    return make_index(other_academy.page)


__all__ = ["make_event", "make_index"]
