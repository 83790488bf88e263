"""The demo loader builds catalogues, modules and the demo judge's enrolments, and is idempotent."""

import io

import pytest

from courses import demo
from courses.models import Attempt, CourseIndexPage, CoursePage, Enrolment, LessonPage, Question
from courses.signals import module_completed
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
                    ("heading", "Act, means, purpose"),
                    ("paragraph", "<p>Text.</p>"),
                    (
                        "statute",
                        {"act": "BNS", "section": "143", "old_act": "IPC", "old_section": "370", "summary": "s"},
                    ),
                    (
                        "case",
                        {
                            "name": "Vishal Jeet v. Union of India",
                            "citation": "(1990) 3 SCC 318",
                            "year": 1990,
                            "holding": "h",
                        },
                    ),
                    ("callout", {"title": "Key point", "body": "<p>Consent is irrelevant.</p>"}),
                ],
            }
            for n in range(1, 4)
        ],
        "questions": [
            {
                "kind": "single",
                "text": "Q1",
                "options": [("Yes", False), ("No", True)],
                "accepted_answers": [],
                "feedback": "f",
                "basis": "BNS 143",
            },
            {
                "kind": "multiple",
                "text": "Q2",
                "options": [("A", True), ("B", True), ("C", False)],
                "accepted_answers": [],
                "feedback": "",
                "basis": "",
            },
            {
                "kind": "true_false",
                "text": "Q3",
                "options": [("True", True), ("False", False)],
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


MODULES = [_module(f"M{n}", f"Module number {n}") for n in range(1, 7)]


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
            created = demo.load(io.StringIO(), modules_data=MODULES)
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
            assert demo.load(io.StringIO(), modules_data=MODULES) == 0
        assert counts == [m.objects.count() for m in (CoursePage, LessonPage, Question, Enrolment, Attempt)]
        assert len(fired) == 1
    finally:
        module_completed.disconnect(listener)


def test_pages_render(client, demo_world):
    demo.load(io.StringIO(), modules_data=MODULES)
    lesson = LessonPage.objects.first()
    html = client.get(lesson.url).content.decode()
    assert "BNS 143" in html and "formerly IPC 370" in html and "Vishal Jeet" in html and "Content note" in html
    assert client.get(CourseIndexPage.objects.get(depth=3).url).status_code == 200


def test_real_demo_content_has_the_agreed_shape():
    from courses.demo_content import MODULES as real

    assert [m["key"] for m in real] == ["M1", "M2", "M3", "M4", "M5", "M6"]
    for module in real:
        assert 4 <= len(module["lessons"]) <= 6
        assert len(module["questions"]) >= 8
        assert module["questions_drawn"] <= len(module["questions"])
        for q in module["questions"]:
            assert q["kind"] in {"single", "multiple", "true_false", "short"}


def test_real_demo_content_loads(demo_world):
    """Every question in demo_content passes the admin's validation, and every lesson body is valid."""
    assert demo.load(io.StringIO()) > 0
    assert CoursePage.objects.count() == 6
    for module in CoursePage.objects.all():
        assert module.questions_drawn <= module.questions.count()
        assert 4 <= LessonPage.objects.child_of(module).count() <= 6
    judge = demo_world
    assert Enrolment.objects.filter(user=judge, completed_at__isnull=False).count() == 1


def test_real_demo_shows_every_quiz_review_option(demo_world):
    """At least one demo module uses each review option and one opens its quiz only after the lessons,
    where the demo judge (two lessons done) sees which lessons remain."""
    from courses import services

    demo.load(io.StringIO())
    options = set(CoursePage.objects.values_list("review_answers", flat=True))
    assert options == {"each_attempt", "when_finished", "never"}
    gated = CoursePage.objects.get(quiz_after_lessons=True)
    enrolment = Enrolment.objects.get(user=demo_world, module=gated)
    assert len(services.quiz_state(enrolment)["waiting_for"]) >= 2
