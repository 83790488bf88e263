"""Learner-facing views. Page contexts are built here so the page models stay thin; rules live in services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from academies.services import academy_for_page
from accounts.audit import log_refusal
from accounts.roles import Role
from regions.services import states_by_name

from . import services
from .models import Attempt, CoursePage, Enrolment, LessonPage


def catalogue_context(request, index_page):
    filters = {
        "role": request.GET.get("role", "") if request.GET.get("role") in Role.values else "",
        "topic": request.GET.get("topic", "")[:100],
        "state": request.GET.get("state", "")[:4],
        "query": request.GET.get("q", "").strip()[:100],
    }
    modules = services.catalogue_modules(index_page, **filters)
    academies = services.academies_by_module(modules)
    progress = {}
    if request.user.is_authenticated and modules:
        enrolments = list(Enrolment.objects.filter(user=request.user, module__in=modules).select_related("module"))
        by_enrolment = services.progress_for(enrolments)
        progress = {e.module_id: by_enrolment[e.pk] for e in enrolments}
    items = [{"module": m, "academy": academies.get(m.pk), "progress": progress.get(m.pk)} for m in modules]
    return {
        "items": items,
        "filters": filters,
        "roles": [c for c in Role.choices if c[0] != Role.ACADEMY_STAFF],
        "states": states_by_name(),
        "topics": services.catalogue_topics(),
    }


def module_context(request, module):
    lessons = services.lessons_for(module)
    enrolment = services.get_enrolment(request.user, module)
    context = {
        "lessons": lessons,
        "enrolment": enrolment,
        "academy": academy_for_page(module),
        "review_rule": services.review_rule(module),
        # Filtered in Python: a preview or revision holds a modelcluster FakeQuerySet without .live().
        "prerequisites": [p for p in module.prerequisites.all() if p.live],
    }
    if enrolment:
        progress = services.progress_of(enrolment, lessons)
        context.update(
            progress=progress,
            quiz=services.quiz_state(enrolment, progress=progress),
            missing=services.completion_missing(enrolment, progress),
            best_score=services.best_scores([enrolment]).get(enrolment.pk),
        )
    else:
        context["refusals"] = services.enrolment_refusals(request.user, module)
    return context


def lesson_context(request, lesson):
    module = services.module_of(lesson)
    lessons = services.lessons_for(module)
    position = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), None)
    context = {
        "module": module,
        "lessons": lessons,
        "position": None if position is None else position + 1,
        "previous_lesson": lessons[position - 1] if position else None,
        "next_lesson": lessons[position + 1] if position is not None and position + 1 < len(lessons) else None,
        "enrolment": None,
    }
    if getattr(request, "is_preview", False):
        return context
    enrolment = services.get_enrolment(request.user, module)
    if enrolment:
        services.record_activity(enrolment)
        progress = services.progress_of(enrolment, lessons)
        context.update(enrolment=enrolment, progress=progress, done=lesson.pk in progress.done_ids)
    return context


def _module_or_404(module_id):
    return get_object_or_404(CoursePage.objects.live(), pk=module_id)


@require_POST
def enrol(request, module_id):
    module = _module_or_404(module_id)
    if not request.user.is_authenticated:
        return redirect(f"/accounts/login/?next={module.url}")
    try:
        services.enrol(request.user, module)
    except services.EnrolmentRefused as refused:
        log_refusal(request, f"enrol module={module.pk}", refused.reasons[0])
        for reason in refused.reasons:
            messages.error(request, reason)
        return redirect(module.url)
    messages.success(request, f"You are enrolled in “{module.title}”.")
    first = services.lessons_for(module)[:1]
    return redirect(first[0].url if first else module.url)


@login_required
@require_POST
def complete_lesson(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    module = services.module_of(lesson)
    enrolment = services.get_enrolment(request.user, module)
    if enrolment is None:
        messages.error(request, "Enrol in the module to record your progress.")
        return redirect(module.url)
    services.complete_lesson(enrolment, lesson)
    lessons = services.lessons_for(module)
    later = [item for item in lessons if item.path > lesson.path]
    if later:
        return redirect(later[0].url)
    return redirect(f"{module.url}#quiz" if module.has_quiz else module.url)


@login_required
@require_POST
def start_quiz(request, module_id):
    module = _module_or_404(module_id)
    enrolment = services.get_enrolment(request.user, module)
    if enrolment is None:
        messages.error(request, "Enrol in the module before taking its quiz.")
        return redirect(module.url)
    try:
        attempt = services.start_attempt(enrolment)
    except services.QuizError as error:
        messages.error(request, str(error))
        return redirect(module.url)
    return redirect("courses:attempt", attempt_id=attempt.pk)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def attempt(request, attempt_id):
    # Another learner's attempt does not exist, as far as this user can tell.
    attempt = get_object_or_404(
        Attempt.objects.select_related("enrolment__module", "enrolment__user"),
        pk=attempt_id,
        enrolment__user=request.user,
    )
    module = attempt.enrolment.module
    if not module.live:
        raise Http404
    context = {"attempt": attempt, "module": module, "enrolment": attempt.enrolment}
    if not attempt.is_submitted:
        # The module may have been set to open its quiz only after the lessons since this attempt began.
        waiting_for = services.lessons_before_quiz(attempt.enrolment)
        if waiting_for:
            context["waiting_for"] = waiting_for
            return TemplateResponse(request, "courses/attempt.html", context, status=403)
    if request.method == "POST":
        answers = services.answers_from_post(attempt, request.POST)
        try:
            attempt, graded = services.submit_attempt(attempt, answers)
        except services.QuizError as error:
            messages.error(request, str(error))
            return redirect(module.url)
        if graded:
            messages.success(request, "Your answers have been submitted.")
        else:
            messages.info(request, "This attempt was already submitted; it was not graded again.")
        return redirect("courses:attempt", attempt_id=attempt.pk)
    services.record_activity(attempt.enrolment)
    if attempt.is_submitted:
        progress = services.progress_of(attempt.enrolment)
        quiz = services.quiz_state(attempt.enrolment, progress=progress)
        context.update(review=services.review(attempt, quiz), quiz=quiz, progress=progress)
    else:
        context["questions"] = services.public_questions(attempt)
    return TemplateResponse(request, "courses/attempt.html", context)
