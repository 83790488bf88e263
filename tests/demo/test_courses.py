"""The demo loader builds catalogues, modules and the demo judge's enrolments, and is idempotent."""

import io

import pytest

from courses.models import Attempt, CourseIndexPage, CoursePage, Enrolment, LessonPage, Question
from courses.signals import module_completed
from demo.loaders import courses as courses_demo
from tests.factories import make_academy, make_user

pytestmark = pytest.mark.django_db


def _module(key, title):
    return {
        "key": key,
        "title": title,
        "summary": f"Summary of {title}.",
        "outcomes": ["Apply BNS 143.", "Explain consent."],
        "audience": ["district_judge", "prosecutor"],
        "hours": 3,
        "edition": "2026",
        "topics": ["BNS", "Evidence"],
        "gives_certificate": True,
        "pass_mark": 70,
        "max_attempts": 3,
        "questions_drawn": 3,
        "lessons": [
            {
                "title": f"{title}: lesson {n}",
                "content_note": "Describes sexual exploitation." if n == 1 else "",
                "body": [
                    {"heading": "Act, means, purpose"},
                    {"paragraph": "<p>Text.</p>"},
                    {
                        "statute": {
                            "new_law": {"act": "BNS", "section": "143"},
                            "old_law": {"act": "IPC", "section": "370"},
                            "source": "Bharatiya Nyaya Sanhita, 2023, s.143",
                            "summary": "s",
                        }
                    },
                    {
                        "case": {
                            "name": "Vishal Jeet v. Union of India",
                            "citation": "(1990) 3 SCC 318",
                            "year": 1990,
                            "holding": "h",
                        }
                    },
                    {"key_point": {"title": "Key point", "body": "<p>Consent is irrelevant.</p>"}},
                ],
            }
            for n in range(1, 4)
        ],
        "questions": [
            {
                "kind": "single",
                "text": "Q1",
                "options": [{"text": "Yes", "correct": False}, {"text": "No", "correct": True}],
                "accepted_answers": [],
                "feedback": "f",
                "basis": "BNS 143",
            },
            {
                "kind": "multiple",
                "text": "Q2",
                "options": [{"text": t, "correct": ok} for t, ok in (("A", True), ("B", True), ("C", False))],
                "accepted_answers": [],
                "feedback": "",
                "basis": "",
            },
            {
                "kind": "true_false",
                "text": "Q3",
                "options": [{"text": "True", "correct": True}, {"text": "False", "correct": False}],
                "accepted_answers": [],
                "feedback": "",
                "basis": "",
            },
            {
                "kind": "short",
                "text": "Q4",
                "options": [],
                "accepted_answers": ["14 years"],
                "feedback": "",
                "basis": "",
            },
        ],
    }


# Which academy's catalogue holds each module, and which are featured, as in the demo files.
PLACEMENT = {"M1": "JSJA", "M2": "JSJA", "M3": "JSJA", "M4": "CJA", "M5": "CJA", "M6": "NJA"}
MODULES = [
    courses_demo.check_module(
        {**_module(f"M{n}", f"Module number {n}"), "academy": PLACEMENT[f"M{n}"], "featured": n in (1, 2, 4)},
        f"test module M{n}",
    )
    for n in range(1, 7)
]


def with_modules(modules):
    """The real catalogue and learner settings with these modules instead of the demo's."""
    return {**courses_demo.read(), "modules": modules}


@pytest.fixture
def demo_world(academy):
    make_academy("CJA", "Chandigarh Judicial Academy", states=("PB", "HR", "CH"), high_court="PH")
    make_academy("NJA", "National Judicial Academy", states=(), high_court=None, is_national=True)
    return make_user("district_judge", email="judge@demo.test", full_name="Smt. Anjali Verma")


def test_loader_builds_everything_and_is_idempotent(demo_world, django_capture_on_commit_callbacks):
    fired = []

    def listener(sender, enrolment, **kwargs):
        fired.append(enrolment.pk)

    module_completed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            created = courses_demo.load(io.StringIO(), with_modules(MODULES))
        assert created > 0
        national = CourseIndexPage.objects.get(slug="modules", depth=3)
        assert national.title == "Training modules" and national.show_in_menus
        assert CourseIndexPage.objects.count() == 4
        assert CoursePage.objects.count() == 6 and LessonPage.objects.count() == 18
        assert Question.objects.count() == 24
        m1 = CoursePage.objects.get(title="Module number 1")
        assert "/academies/jsja/" in m1.url and m1.questions_drawn == 3 and m1.live
        assert "/academies/nja/" in CoursePage.objects.get(title="Module number 6").url
        judge = demo_world
        enrolments = {e.module.title: e for e in Enrolment.objects.filter(user=judge)}
        assert len(enrolments) == 2
        assert enrolments["Module number 1"].completed_at is not None
        assert Attempt.objects.filter(enrolment=enrolments["Module number 1"], passed=True).exists()
        assert enrolments["Module number 2"].completed_at is None
        assert enrolments["Module number 2"].progress.count() == 2
        assert fired == [enrolments["Module number 1"].pk]

        counts = [m.objects.count() for m in (CoursePage, LessonPage, Question, Enrolment, Attempt)]
        with django_capture_on_commit_callbacks(execute=True):
            assert courses_demo.load(io.StringIO(), with_modules(MODULES)) == 0
        assert counts == [m.objects.count() for m in (CoursePage, LessonPage, Question, Enrolment, Attempt)]
        assert len(fired) == 1
    finally:
        module_completed.disconnect(listener)


def test_pages_render(client, demo_world):
    courses_demo.load(io.StringIO(), with_modules(MODULES))
    lesson = LessonPage.objects.first()
    html = client.get(lesson.url).content.decode()
    assert "BNS 143" in html and "formerly IPC 370" in html and "Vishal Jeet" in html and "Content note" in html
    assert client.get(CourseIndexPage.objects.get(depth=3).url).status_code == 200


def test_real_demo_content_has_the_agreed_shape():
    real = courses_demo.read()["modules"]

    assert [m["key"] for m in real] == [f"M{n}" for n in range(1, 11)]
    for module in real:
        assert 4 <= len(module["lessons"]) <= 7
        assert len(module["questions"]) >= 8
        assert module["questions_drawn"] <= len(module["questions"])
        for q in module["questions"]:
            assert q["kind"] in {"single", "multiple", "true_false", "short"}


def test_real_demo_content_loads(demo_world):
    """Every question in the demo files passes the admin's validation, and every lesson body is valid."""
    assert courses_demo.load(io.StringIO()) > 0
    assert CoursePage.objects.count() == 10
    for module in CoursePage.objects.all():
        assert module.questions_drawn <= module.questions.count()
        assert 4 <= LessonPage.objects.child_of(module).count() <= 7
    judge = demo_world
    assert Enrolment.objects.filter(user=judge, completed_at__isnull=False).count() == 1


def test_real_demo_shows_every_quiz_review_option(demo_world):
    """At least one demo module uses each review option and one opens its quiz only after the lessons,
    where the demo judge (two lessons done) sees which lessons remain."""
    from courses import services

    courses_demo.load(io.StringIO())
    options = set(CoursePage.objects.values_list("review_answers", flat=True))
    assert options == {"each_attempt", "when_finished", "never"}
    gated = CoursePage.objects.get(quiz_after_lessons=True)
    enrolment = Enrolment.objects.get(user=demo_world, module=gated)
    assert len(services.quiz_state(enrolment)["waiting_for"]) >= 2
