"""Demo content: the national catalogue, one catalogue per demo academy, the six modules of
FACTS.md §6 (texts in courses/demo_content.py), and the demo judge's two enrolments.

Idempotent: pages are found by slug, questions only added to a module that has none,
enrolments with get_or_create; a second run creates nothing and returns 0.
"""

import random

from django.db import transaction
from django.utils.text import slugify

from academies.models import Academy
from accounts.models import User

from . import services
from .models import CourseIndexPage, CoursePage, Enrolment, LessonPage, Question, ReviewAnswers

# Which academy publishes which module. M6 (inter-state and cross-border cases) sits with the
# national academy, as it concerns more than one State.
PLACEMENT = {"M1": "JSJA", "M2": "JSJA", "M3": "JSJA", "M4": "CJA", "M5": "CJA", "M6": "NJA"}
JUDGE_EMAIL = "judge@demo.test"
PART_DONE, COMPLETE = "M2", "M1"


def _child(parent, model, slug, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _body(items):
    blocks = []
    for kind, value in items:
        if kind == "heading":
            blocks.append(("heading", {"text": value, "level": "h2"}))
        elif kind == "callout":
            blocks.append(("callout", {"title": value.get("title", "Key point"), "body": value["body"]}))
        else:
            blocks.append((kind, value))
    return blocks


def _options(question):
    return [("option", {"text": text, "correct": bool(ok)}) for text, ok in question.get("options", [])]


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
        featured=data["key"] in ("M1", "M2", "M4"),
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
            body=_body(lesson["body"]),
            required=lesson.get("required", True),
        )
        created += new
    return created


def _complete(enrolment):
    """Do every step through the services, so module_completed fires as for a real learner."""
    for lesson in services.lessons_for(enrolment.module):
        services.complete_lesson(enrolment, lesson)
    if enrolment.module.has_quiz and not enrolment.attempts.filter(passed=True).exists():
        attempt = services.start_attempt(enrolment, rng=random.Random(7))
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


def _enrol_judge(modules):
    judge = User.objects.filter(email=JUDGE_EMAIL).first()
    created = 0
    if judge is None:
        return 0
    for key in (COMPLETE, PART_DONE):
        module = modules.get(key)
        if module is None:
            continue
        enrolment, new = Enrolment.objects.get_or_create(
            user=judge, module=module, defaults={"source": Enrolment.DEMO, "enrolled_by": judge}
        )
        created += new
        if not new:
            continue
        if key == COMPLETE:
            _complete(enrolment)
        else:
            for lesson in services.lessons_for(module)[:2]:
                services.complete_lesson(enrolment, lesson)
    return created


@transaction.atomic
def load(stdout, modules_data=None):
    from wagtail.models import Site

    if modules_data is None:
        from .demo_content import MODULES as modules_data

    home = Site.objects.get(is_default_site=True).root_page
    created = 0
    national, new = _child(
        home,
        CourseIndexPage,
        "modules",
        title="Training modules",
        show_in_menus=True,
        introduction="Self-paced modules on trafficking law and victim-centred trials, from every academy.",
    )
    created += new
    indexes = {}
    for academy in Academy.objects.filter(short_code__in=set(PLACEMENT.values())).select_related("page"):
        if academy.page_id is None:
            continue
        indexes[academy.short_code], new = _child(
            academy.page.specific,
            CourseIndexPage,
            "modules",
            title=f"{academy.short_code} training modules",
            introduction=f"Training modules published by {academy.name}.",
        )
        created += new
    modules = {}
    for data in modules_data:
        index = indexes.get(PLACEMENT.get(data["key"]), national)
        created += load_module(index, data)
        modules[data["key"]] = CoursePage.objects.child_of(index).get(slug=slugify(data["title"])[:80])
    created += _enrol_judge(modules)
    stdout.write(f"courses: {created} objects created\n")
    return created
