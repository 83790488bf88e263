"""Learner-facing views behind the courses URLs (enrol, lesson done, quiz). Page contexts are page methods;
rules live in services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.audit import log_refusal
from core.translation import localize_page

from . import services
from .models import Attempt, CoursePage, LessonPage


def _module_or_404(module_id):
    return get_object_or_404(CoursePage.objects.live(), pk=module_id)


@require_POST
def enrol(request, module_id):
    module = _module_or_404(module_id)
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={module.url}")
    try:
        services.enrol(request.user, module)
    except services.EnrolmentRefused as refused:
        log_refusal(request, f"enrol module={module.pk}", refused.reasons[0])
        for reason in refused.reasons:
            messages.error(request, reason)
        return redirect(module.url)
    title = localize_page(module).title  # in the reader's language (core.translation)
    messages.success(request, _("You are enrolled in “%(module)s”.") % {"module": title})
    first = services.lessons_for(module)[:1]
    return redirect(first[0].url if first else module.url)


@login_required
@require_POST
def complete_lesson(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    module = services.module_of(lesson)
    enrolment = services.get_enrolment(request.user, module)
    if enrolment is None:
        messages.error(request, _("Enrol in the module to record your progress."))
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
        messages.error(request, _("Enrol in the module before taking its quiz."))
        return redirect(module.url)
    try:
        attempt = services.start_attempt(enrolment)
    except services.QuizError as error:
        messages.error(request, str(error))
        return redirect(module.url)
    return redirect("courses:attempt", attempt_id=attempt.pk)


def _own_attempt(request, attempt_id):
    # Another learner's attempt does not exist, as far as this user can tell.
    attempt = get_object_or_404(
        Attempt.objects.select_related("enrolment__module", "enrolment__user"),
        pk=attempt_id,
        enrolment__user=request.user,
    )
    if not attempt.enrolment.module.live:
        raise Http404
    return attempt


# The buttons of the quiz form: each saves the answers on the page first.
SAVE, FINISH_LATER, SUBMIT = "save", "later", "submit"


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def attempt(request, attempt_id):
    attempt = _own_attempt(request, attempt_id)
    module = attempt.enrolment.module
    context = {"attempt": attempt, "module": localize_page(module), "enrolment": attempt.enrolment}
    if not attempt.is_submitted:
        # The module may have been set to open its quiz only after the lessons since this attempt began.
        waiting_for = services.lessons_before_quiz(attempt.enrolment)
        if waiting_for:
            context["waiting_for"] = waiting_for
            return TemplateResponse(request, "courses/attempt.html", context, status=403)
    if request.method == "POST":
        return _post_answers(request, attempt, module)
    if services.is_expired(attempt):
        attempt, _graded = services.close_expired(attempt)
        context["attempt"] = attempt
        messages.info(
            request, _("The time limit for this attempt had passed: it was graded with the answers saved in time.")
        )
    services.record_activity(attempt.enrolment)
    if attempt.is_submitted:
        progress = services.progress_of(attempt.enrolment)
        quiz = services.quiz_state(attempt.enrolment, progress=progress)
        context.update(review=services.review(attempt, quiz), quiz=quiz, progress=progress)
    else:
        saved = services.saved_answers(attempt)
        context["questions"] = [{**q, "saved": saved.get(str(q["id"]))} for q in services.public_questions(attempt)]
    return TemplateResponse(request, "courses/attempt.html", context)


def _post_answers(request, attempt, module):
    """The quiz form without JavaScript: "Save", "Finish later" or "Submit answers"."""
    answers = services.answers_from_post(attempt, request.POST)
    action = request.POST.get("action", SUBMIT)
    if action in (SAVE, FINISH_LATER):
        attempt = services.save_answers(attempt, answers)
        if not attempt.is_submitted:
            if action == FINISH_LATER:
                messages.success(request, _finish_later_message(attempt))
                return redirect(f"{module.url}#quiz")
            messages.success(request, _("Your answers are saved. The attempt is not submitted yet."))
            return redirect("courses:attempt", attempt_id=attempt.pk)
        messages.info(
            request, _("This attempt was already submitted or its time had run out; your answers were not changed.")
        )
        return redirect("courses:attempt", attempt_id=attempt.pk)
    expired = services.is_expired(attempt)
    try:
        attempt, graded = services.submit_attempt(attempt, answers)
    except services.QuizError as error:
        messages.error(request, str(error))
        return redirect(module.url)
    if graded and expired:
        messages.info(request, _("The time limit had passed: the attempt was graded with the answers saved in time."))
    elif graded:
        messages.success(request, _("Your answers have been submitted."))
    else:
        messages.info(request, _("This attempt was already submitted; it was not graded again."))
    return redirect("courses:attempt", attempt_id=attempt.pk)


def _when(moment, pattern):
    """A time as learners read it, in the site's time zone (IST)."""
    return dateformat.format(timezone.localtime(moment), pattern)


def _finish_later_message(attempt):
    message = _("Your answers are saved and the attempt stays open: continue it from the module page.")
    if attempt.deadline:
        closes = _("The time limit still runs; it closes at %(time)s (IST).") % {
            "time": _when(attempt.deadline, "j M Y, H:i")
        }
        message = f"{message} {closes}"
    return message


@never_cache
@login_required
@require_POST
def save_attempt(request, attempt_id):
    """The quiz page's script saves the form here on every change (JSON answer; nothing is graded)."""
    attempt = _own_attempt(request, attempt_id)
    if not attempt.is_submitted and services.lessons_before_quiz(attempt.enrolment):
        return JsonResponse(
            {"saved": False, "message": _("The quiz opens once you have completed the required lessons.")}, status=403
        )
    attempt = services.save_answers(attempt, services.answers_from_post(attempt, request.POST))
    if attempt.is_submitted:
        return JsonResponse(
            {"saved": False, "message": _("This attempt has been submitted or its time has run out. Reload the page.")},
            status=409,
        )
    return JsonResponse(
        {"saved": True, "message": _("Answers saved at %(time)s.") % {"time": _when(attempt.saved_at, "H:i")}}
    )
