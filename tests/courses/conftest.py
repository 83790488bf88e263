import pytest

from courses.models import CourseIndexPage, CoursePage, LessonPage, Question


def make_index(parent, slug="modules", title="Training modules"):
    index = CourseIndexPage(title=title, slug=slug)
    parent.add_child(instance=index)
    return index


def make_question(module, kind="single", text=None, correct=True, **fields):
    n = module.questions.count() + 1
    if kind == "short":
        options = []
        fields.setdefault("accepted_answers", "14 years\nfourteen years")
    elif kind == "true_false":
        options = [
            ("option", {"text": "True", "correct": correct}),
            ("option", {"text": "False", "correct": not correct}),
        ]
    elif kind == "multiple":
        options = [
            ("option", {"text": "BNS 143", "correct": True}),
            ("option", {"text": "ITPA s.5", "correct": True}),
            ("option", {"text": "Motor Vehicles Act", "correct": False}),
        ]
    else:
        options = [
            ("option", {"text": f"Right answer {n}", "correct": True}),
            ("option", {"text": f"Wrong answer {n}", "correct": False}),
        ]
    question = Question(
        module=module,
        kind=kind,
        text=text or f"Question {n}?",
        options=options,
        feedback=fields.pop("feedback", f"SECRET-FEEDBACK-{n}"),
        sort_order=n,
        **fields,
    )
    question.full_clean(exclude=["module"])
    question.save()
    return question


def make_module(index, *, lessons=3, questions=4, drawn=None, audience=("district_judge", "prosecutor"), **fields):
    n = CoursePage.objects.count() + 1
    module = CoursePage(
        title=fields.pop("title", f"Module {n}"),
        slug=fields.pop("slug", f"module-{n}"),
        summary="About trafficking law.",
        audience=list(audience),
        questions_drawn=0,
        pass_mark=fields.pop("pass_mark", 70),
        max_attempts=fields.pop("max_attempts", 3),
        shuffle_options=fields.pop("shuffle_options", False),
        **fields,
    )
    index.add_child(instance=module)
    for i in range(lessons):
        lesson = LessonPage(
            title=f"Lesson {i + 1}",
            slug=f"lesson-{i + 1}",
            body=[
                ("paragraph", f"<p>Lesson text {i + 1}.</p>"),
                ("statute", {"act": "BNS", "section": "143", "old_act": "IPC", "old_section": "370", "summary": "s"}),
            ],
        )
        module.add_child(instance=lesson)
    for _ in range(questions):
        make_question(module)
    module.questions_drawn = questions if drawn is None else drawn
    module.save()
    return module


@pytest.fixture
def national_index(home):
    return make_index(home)


@pytest.fixture
def academy_index(academy):
    return make_index(academy.page, slug="jsja-modules", title="JSJA modules")


@pytest.fixture
def module(academy_index):
    return make_module(academy_index)
