"""Pre- and post-event knowledge tests, set from a module's question bank and graded by the courses quiz engine.

The event names a module (FeedbackSetup.test_module); both tests ask the first N questions of its
bank (`courses.services.question_paper`), so the gain compares like with like. The pre-event test
is open to people with an approved place until the first session starts; the post-event test to
those who may give feedback (see rules), while the feedback form is open. Each is taken once.
The report shows, per participant category, the mean scores of the people who took both, and
leaves out categories of fewer than MIN_GROUP people.
"""

from collections import defaultdict
from datetime import datetime, time

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from colloquia.choices import Category, RegistrationStatus
from colloquia.records import Registration
from colloquia.services import sessions_in_order
from courses.services import grade_paper, question_paper

from ..models import KnowledgeTestTake, TestStage
from .rules import eligible_registrations, feedback_window, setup_for

MIN_GROUP = 5  # smaller groups are not shown: their means could point at a person


class TestRefused(Exception):
    """The person may not take this test (now); the message says why."""


def test_module(page):
    """The module whose question bank the event's tests use, or None (the event sets no test)."""
    setup = setup_for(page)
    return setup.test_module if setup.test_module_id else None


def paper(page):
    """The event's test questions (snapshots with the right answers: never shown before grading)."""
    module = test_module(page)
    return question_paper(module, setup_for(page).test_questions) if module else []


def first_session_starts(page):
    sessions = sessions_in_order(page)
    if sessions:
        return sessions[0].starts_at(page.zone)
    return datetime.combine(page.start_date, time.min, tzinfo=page.zone)


def test_state(page, user, stage, now=None):
    """{"can_take": bool, "reason": str, "taken": the take or None, "registration"} for `user` and `stage`."""
    now = now or timezone.now()
    state = {"can_take": False, "reason": "", "taken": None, "registration": None, "stage": TestStage(stage)}
    if test_module(page) is None:
        return {**state, "reason": _("This event sets no knowledge test.")}
    if not user.is_authenticated:
        return {**state, "reason": _("Sign in to take the test.")}
    people = eligible_registrations(page) if stage == TestStage.POST else Registration.objects.filter(page=page)
    registration = people.filter(user=user, status=RegistrationStatus.APPROVED).first()
    if registration is None:
        if stage == TestStage.POST:
            reason = _("Only participants who attended this event take its knowledge test.")
        else:
            reason = _("Only participants with a place at this event take its knowledge test.")
        return {**state, "reason": reason}
    state["registration"] = registration
    state["taken"] = KnowledgeTestTake.objects.filter(registration=registration, stage=stage).first()
    if state["taken"]:
        return {**state, "reason": _("You have taken this test.")}
    if stage == TestStage.PRE:
        starts = first_session_starts(page)
        if now >= starts:
            return {**state, "reason": _("The test before the event closed when its first session began.")}
    else:
        opens, closes = feedback_window(page)
        if now < opens:
            return {**state, "reason": _("The test after the event opens when its last session ends.")}
        if now >= closes:
            reason = _("The test after the event closed on %(date)s.") % {"date": date_format(closes, "j M Y")}
            return {**state, "reason": reason}
    if not paper(page):
        return {**state, "reason": _("The test is being prepared; please try again later.")}
    return {**state, "can_take": True}


def submit_test(page, user, stage, answers, now=None):
    """Grade and keep `user`'s answers ({question id: answer}) to the event's `stage` test; returns the take."""
    state = test_state(page, user, stage, now)
    if not state["can_take"]:
        raise TestRefused(state["reason"])
    questions = paper(page)
    correct, total = grade_paper(questions, answers)
    try:
        with transaction.atomic():
            return KnowledgeTestTake.objects.create(
                registration=state["registration"],
                stage=stage,
                questions=questions,
                answers={str(q["id"]): answers.get(str(q["id"]), "") for q in questions},
                correct=correct,
                total=total,
                taken_at=now or timezone.now(),
            )
    except IntegrityError as error:
        raise TestRefused(_("You have taken this test.")) from error


def knowledge_gain(page):
    """[{"category", "pre_mean", "post_mean", "people"}]: mean scores (percent) of the people of each
    category who took both tests; categories of fewer than MIN_GROUP such people are left out."""
    scores = defaultdict(dict)
    takes = KnowledgeTestTake.objects.filter(registration__page=page).values_list(
        "registration_id", "registration__category", "stage", "correct", "total"
    )
    for registration_id, category, stage, correct, total in takes:
        scores[(category, registration_id)][stage] = 100 * correct / total if total else 0.0
    by_category = defaultdict(list)
    for (category, _registration), stages in scores.items():
        if TestStage.PRE in stages and TestStage.POST in stages:
            by_category[category].append((stages[TestStage.PRE], stages[TestStage.POST]))
    rows = []
    for category in Category:
        pairs = by_category.get(category.value, [])
        if len(pairs) < MIN_GROUP:
            continue
        rows.append(
            {
                "category": str(category.label),
                "pre_mean": round(sum(pre for pre, _ in pairs) / len(pairs), 1),
                "post_mean": round(sum(post for _, post in pairs) / len(pairs), 1),
                "people": len(pairs),
            }
        )
    return rows
