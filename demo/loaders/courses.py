"""Demo modules (content/courses/): the national catalogue, one catalogue per demo academy, the
modules with their lessons and question banks, and the demo judge's two enrolments.

One folder per module: module.yaml (details and question bank) and lessons/*.yaml (one file per
lesson, in file-name order). Idempotent: pages are found by slug, questions only added to a new
module, enrolments with get_or_create; a second run creates nothing and returns 0.
"""

import random

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Site

from academies.models import Academy
from accounts.models import User
from courses import services
from courses.models import CourseIndexPage, CoursePage, Enrolment, LessonPage, Question, ReviewAnswers

from ..blocks import stream
from ..content import (
    CONTENT_DIR,
    NUMBER,
    TEXT,
    ContentError,
    check_choice,
    check_fields,
    check_list,
    display_name,
    natural_order,
    read_yaml,
    yaml_files,
)

FOLDER = "courses"
CATALOGUE = {"national_catalogue": (dict, True), "academy_catalogue": (dict, True), "learner": (dict, True)}
INDEX = {"slug": (TEXT, True), "title": (TEXT, True), "show_in_menus": (bool, False), "introduction": (TEXT, True)}
LEARNER = {"email": (TEXT, True), "completed": (TEXT, True), "two_lessons_done": (TEXT, True)}
MODULE = {
    "key": (TEXT, True),
    "title": (TEXT, True),
    "academy": (TEXT, False),  # short code of the academy whose catalogue holds it; none: the national one
    "featured": (bool, False),
    "summary": (TEXT, True),
    "outcomes": (list, True),
    "audience": (list, True),
    "hours": (NUMBER, True),
    "edition": (TEXT, False),
    "topics": (list, False),
    "gives_certificate": (bool, False),
    "pass_mark": (int, True),
    "max_attempts": (int, True),
    "questions_drawn": (int, True),
    "review_answers": (TEXT, False),
    "quiz_after_lessons": (bool, False),
    "questions": (list, True),
    "lessons": (list, False),  # filled from the lessons/ folder
}
QUESTION = {
    "kind": (TEXT, True),
    "text": (TEXT, True),
    "options": (list, False),
    "accepted_answers": (list, False),
    "feedback": (TEXT, False),
    "basis": (TEXT, False),
}
OPTION = {"text": (TEXT, True), "correct": (bool, True)}
LESSON = {"title": (TEXT, True), "content_note": (TEXT, False), "required": (bool, False), "body": (list, True)}
KINDS = (Question.SINGLE, Question.MULTIPLE, Question.TRUE_FALSE, Question.SHORT)


def check_question(question, where):
    check_fields(question, QUESTION, where)
    check_choice(question["kind"], KINDS, f"{where}.kind")
    check_list(question.get("options", []), f"{where}.options", lambda o, at: check_fields(o, OPTION, at))
    check_list(question.get("accepted_answers", []), f"{where}.accepted_answers", _answer_text)
    return question


def _answer_text(answer, where):
    # YAML reads 2025-09-01 as a date and 14 as a number: an accepted answer is what a learner types.
    if not isinstance(answer, str):
        raise ContentError(
            f"{where}: expected text, found {answer!r} (put answers that look like dates or numbers in quotes)"
        )
    return answer


def check_lesson(lesson, where):
    """A lesson as written in its file -> the same with its body as StreamField blocks."""
    check_fields(lesson, LESSON, where)
    return {**lesson, "body": stream(lesson["body"], f"{where}: body")}


def check_module(module, where, lessons=None):
    """A module as written in module.yaml (plus its lessons) -> the shape `load_module` takes."""
    check_fields(module, MODULE, where)
    if "review_answers" in module:
        check_choice(module["review_answers"], ReviewAnswers.values, f"{where}.review_answers")
    check_list(module["questions"], f"{where}: questions", check_question)
    if lessons is None:
        lessons = check_list(module.get("lessons", []), f"{where}: lessons", check_lesson)
    return {**module, "lessons": lessons}


def read(root=CONTENT_DIR):
    folder = root / FOLDER
    catalogue = check_fields(read_yaml(folder / "catalogue.yaml", root), CATALOGUE, f"{FOLDER}/catalogue.yaml")
    for name, spec in (("national_catalogue", INDEX), ("academy_catalogue", INDEX), ("learner", LEARNER)):
        check_fields(catalogue[name], spec, f"{FOLDER}/catalogue.yaml: {name}")
    modules = []
    for path in sorted((p for p in folder.iterdir() if p.is_dir()), key=natural_order):
        module_file = path / "module.yaml"
        if not module_file.exists():
            raise ContentError(f"{display_name(module_file, root)}: missing (every module folder needs one)")
        lessons = [
            check_lesson(read_yaml(lesson, root), display_name(lesson, root)) for lesson in yaml_files(path / "lessons")
        ]
        if not lessons:
            raise ContentError(f"{display_name(path / 'lessons', root)}: no lesson files")
        modules.append(check_module(read_yaml(module_file, root), display_name(module_file, root), lessons))
    return {**catalogue, "modules": modules}


def _child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _options(question):
    return [("option", {"text": o["text"], "correct": o["correct"]}) for o in question.get("options", [])]


def load_module(index, data):
    """Create one module (with lessons and question bank) under `index`. Returns the number of objects created."""
    created = 0
    module, new = _child(
        index,
        CoursePage,
        slugify(data["title"])[:80],
        title=data["title"],
        summary=data["summary"],
        outcomes="\n".join(data["outcomes"]),
        audience=list(data["audience"]),
        estimated_hours=data["hours"],
        edition=data.get("edition", ""),
        gives_certificate=data.get("gives_certificate", True),
        featured=data.get("featured", False),
        pass_mark=data["pass_mark"],
        max_attempts=data["max_attempts"],
        review_answers=data.get("review_answers", ReviewAnswers.WHEN_FINISHED),
        quiz_after_lessons=data.get("quiz_after_lessons", False),
        questions_drawn=0,
    )
    created += new
    if new:
        module.topics.add(*data.get("topics", []))
        for number, q in enumerate(data["questions"]):
            question = Question(
                module=module,
                sort_order=number,
                kind=q["kind"],
                text=q["text"],
                options=_options(q),
                accepted_answers="\n".join(q.get("accepted_answers", [])),
                feedback=q.get("feedback", ""),
                basis=q.get("basis", ""),
            )
            question.full_clean(exclude=["module"])
            question.save()
            created += 1
        module.questions_drawn = min(data["questions_drawn"], len(data["questions"]))
        module.save_revision().publish()
    for lesson in data["lessons"]:
        _, new = _child(
            module,
            LessonPage,
            slugify(lesson["title"])[:80],
            title=lesson["title"],
            content_note=lesson.get("content_note", ""),
            body=lesson["body"],
            required=lesson.get("required", True),
        )
        created += new
    return created


def _complete(enrolment):
    """Do every step through the services, so module_completed fires as for a real learner."""
    for lesson in services.lessons_for(enrolment.module):
        services.complete_lesson(enrolment, lesson)
    if enrolment.module.has_quiz and not enrolment.attempts.filter(passed=True).exists():
        attempt = services.start_attempt(enrolment, rng=random.Random(7))  # noqa: S311 - a fixed demo draw
        answers = {}
        for q in attempt.questions:
            correct = [o["id"] for o in q["options"] if o["correct"]]
            if q["kind"] == Question.SHORT:
                answers[str(q["id"])] = q["accepted"][0]
            elif q["kind"] == Question.MULTIPLE:
                answers[str(q["id"])] = correct
            else:
                answers[str(q["id"])] = correct[0]
        services.submit_attempt(attempt, answers)


def _enrol_judge(modules, learner):
    judge = User.objects.filter(email=learner["email"]).first()
    created = 0
    if judge is None:
        return 0
    for key in (learner["completed"], learner["two_lessons_done"]):
        module = modules.get(key)
        if module is None:
            continue
        enrolment, new = Enrolment.objects.get_or_create(
            user=judge, module=module, defaults={"source": Enrolment.DEMO, "enrolled_by": judge}
        )
        created += new
        if not new:
            continue
        if key == learner["completed"]:
            _complete(enrolment)
        else:
            for lesson in services.lessons_for(module)[:2]:
                services.complete_lesson(enrolment, lesson)
    return created


@transaction.atomic
def load(stdout, data=None):
    data = data or read()
    home = Site.objects.get(is_default_site=True).root_page
    national_fields = data["national_catalogue"]
    national, created = _child(home, CourseIndexPage, **national_fields)
    placements = {module.get("academy") for module in data["modules"]} - {None}
    indexes = {}
    per_academy = data["academy_catalogue"]
    for academy in Academy.objects.filter(short_code__in=placements).select_related("page"):
        if academy.page_id is None:
            continue
        indexes[academy.short_code], new = _child(
            academy.page.specific,
            CourseIndexPage,
            per_academy["slug"],
            title=per_academy["title"].format(academy_code=academy.short_code, academy_name=academy.name),
            introduction=per_academy["introduction"].format(academy_code=academy.short_code, academy_name=academy.name),
        )
        created += new
    modules = {}
    for module in data["modules"]:
        index = indexes.get(module.get("academy"), national)
        created += load_module(index, module)
        modules[module["key"]] = CoursePage.objects.child_of(index).get(slug=slugify(module["title"])[:80])
    created += _enrol_judge(modules, data["learner"])
    stdout.write(f"courses: {created} objects created\n")
    return created
