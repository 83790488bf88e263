"""The demo State colloquium asks travel mode and dates, accommodation, dietary needs and a nomination letter."""

import datetime
import io
import shutil

import pytest

from colloquia.models import ColloquiumPage, Registration
from demo.content import CONTENT_DIR, ContentError
from demo.loaders import academies as academies_demo
from demo.loaders import accounts as accounts_demo
from demo.loaders import colloquia as colloquia_demo
from demo.loaders import home as home_demo
from demo.loaders import registration_questions as questions_demo
from registration_questions.services import display_value


@pytest.mark.django_db
def test_the_demo_state_colloquium_asks_its_questions_and_two_participants_answered():
    out = io.StringIO()
    for loader in (accounts_demo.load, home_demo.load, academies_demo.load, colloquia_demo.load):
        loader(out)
    assert questions_demo.load(out) > 0
    assert questions_demo.load(out) == 0  # idempotent
    event = ColloquiumPage.objects.get(slug="state-judicial-colloquium-aht")
    questions = list(event.registration_questions.all())
    assert [(q.label, q.kind, q.required) for q in questions] == [
        ("Travel mode", "single_choice", True),
        ("Arrival date", "date", True),
        ("Departure date", "date", True),
        ("Accommodation needed", "yes_no", True),
        ("Dietary needs", "multiple_choice", False),
        ("Nomination letter", "file", True),
    ]
    # Published with the page, so an editor's next edit starts from them.
    assert len(event.get_latest_revision().content["registration_questions"]) == 6
    judge = Registration.objects.get(page=event, email="judge@demo.test")
    answers = {a.question_label: display_value(a) for a in judge.question_answers.all()}
    assert answers["Travel mode"] == "Train" and answers["Accommodation needed"] == "Yes"
    arrival = judge.question_answers.get(question_label="Arrival date").value
    assert arrival == (event.start_date - datetime.timedelta(days=1)).isoformat()  # the day before
    assert answers["Nomination letter"] == "nomination-letter.pdf"
    letter = judge.question_answers.get(kind="file")
    assert letter.content_type == "application/pdf" and letter.file.open("rb").read(5) == b"%PDF-"
    police = Registration.objects.get(page=event, email="police@demo.test")
    assert not police.question_answers.exists()  # registered before the questions were asked


def test_the_content_file_is_checked_without_the_database(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    text = (root / "registration_questions.yaml").read_text()
    (root / "registration_questions.yaml").write_text(text.replace("Travel mode: Train", "Travel mode: Helicopter"))
    with pytest.raises(ContentError, match=r"answers\.Travel mode: 'Helicopter' is not among the choices"):
        questions_demo.read(root)
    (root / "registration_questions.yaml").write_text(text.replace("email: judge@demo.test", "email: x@demo.test"))
    with pytest.raises(ContentError, match=r"x@demo.test is not registered for this event"):
        questions_demo.read(root)
    assert questions_demo.read()["events"][0]["event"] == "state-judicial-colloquium-aht"
