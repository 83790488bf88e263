"""Wagtail admin views for academy staff: bulk enrolment, reports and transcripts (a module's
learners, with their CSV and XLSX, are a ModelViewSet: courses.viewsets).

Every view scopes to the academies the user serves (academies.services); a registrar
or editor of academy A gets 403 on academy B's modules.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Max, OuterRef, Q, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from academies.services import REGISTRAR, academy_for_page, acts_for_all, is_staff_of, staff_academies
from accounts.audit import log_refusal

from . import services
from .forms import CohortEnrolForm, CsvEnrolForm
from .models import Attempt, CoursePage, Enrolment

BUCKETS = [
    (0, 0, gettext_lazy("Not started")),
    (1, 49, "1–49%"),
    (50, 99, "50–99%"),
    (100, 100, gettext_lazy("Complete")),
]


def scoped_modules(user):
    """Modules in the sections of the academies `user` works for (every module for platform administrators)."""
    modules = CoursePage.originals.all()
    if acts_for_all(user):
        return modules
    paths = [a.page.path for a in staff_academies(user).select_related("page") if a.page_id]
    if not paths:
        return modules.none()
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return modules.filter(condition)


def _require(request, perm):
    if not request.user.has_perm(perm):
        log_refusal(request, perm, "missing permission")
        raise PermissionDenied


def module_for_staff(request, module_id, role=None):
    module = get_object_or_404(CoursePage, pk=module_id)
    academy = academy_for_page(module)
    if role is None:
        allowed = acts_for_all(request.user) or (academy is not None and academy in staff_academies(request.user))
    else:
        allowed = acts_for_all(request.user) or is_staff_of(request.user, academy, role)
    if not allowed:
        log_refusal(request, f"courses module={module.pk}", "not staff of this module's academy")
        raise PermissionDenied
    return module, academy


def reports_index(request):
    _require(request, "courses.view_enrolment")
    modules = (
        scoped_modules(request.user)
        .annotate(
            enrolled=Count("enrolments"),
            completed=Count("enrolments", filter=Q(enrolments__completed_at__isnull=False)),
        )
        .order_by("path")
    )
    return TemplateResponse(
        request,
        "courses/admin/reports_index.html",
        {"page_title": _("Training reports"), "header_icon": "list-ul", "modules": modules},
    )


def _required_ids(module):
    return [lesson.pk for lesson in services.lessons_for(module) if lesson.required]


def module_report(request, module_id):
    _require(request, "courses.view_enrolment")
    module, academy = module_for_staff(request, module_id)
    enrolments = Enrolment.objects.filter(module=module)
    required = _required_ids(module)
    steps = len(required) + (1 if module.has_quiz else 0)
    passed = Attempt.objects.filter(enrolment=OuterRef("pk"), passed=True).values("enrolment")[:1]
    distribution = dict.fromkeys((label for *_range, label in BUCKETS), 0)
    rows = (
        enrolments.annotate(done=Count("progress", filter=Q(progress__lesson_id__in=required)), quiz=Subquery(passed))
        .values_list("done", "quiz", "completed_at")
        .iterator(chunk_size=2000)
    )
    for done, quiz, completed_at in rows:
        percent = (
            100
            if completed_at
            else (min(99, (done + (1 if quiz and module.has_quiz else 0)) * 100 // steps) if steps else 0)
        )
        label = next(label for low, high, label in BUCKETS if low <= percent <= high)
        distribution[label] += 1
    submitted = Attempt.objects.filter(enrolment__module=module, status=Attempt.SUBMITTED)
    attempts = submitted.aggregate(
        count=Count("pk"), average=Avg("score"), best=Max("score"), passes=Count("pk", filter=Q(passed=True))
    )
    return TemplateResponse(
        request,
        "courses/admin/module_report.html",
        {
            "page_title": _("Report: %(module)s") % {"module": module.title},
            "header_icon": "list-ul",
            "module": module,
            "academy": academy,
            "total": enrolments.count(),
            "completed": enrolments.filter(completed_at__isnull=False).count(),
            "distribution": distribution,
            "attempts": attempts,
            "can_enrol": acts_for_all(request.user) or is_staff_of(request.user, academy, REGISTRAR),
        },
    )


def transcript(request, user_id):
    _require(request, "courses.view_enrolment")
    learner = get_object_or_404(get_user_model(), pk=user_id)
    enrolments = list(
        Enrolment.objects.filter(user=learner, module__in=scoped_modules(request.user))
        .select_related("module")
        .order_by("enrolled_at")
    )
    if not enrolments:
        raise Http404
    progress = services.progress_for(enrolments)
    scores = services.best_scores(enrolments)
    attempts = Attempt.objects.filter(enrolment__in=enrolments).order_by("enrolment_id", "number")
    by_enrolment = {}
    for a in attempts:
        by_enrolment.setdefault(a.enrolment_id, []).append(a)
    return TemplateResponse(
        request,
        "courses/admin/transcript.html",
        {
            "page_title": _("Transcript: %(name)s") % {"name": learner.full_name},
            "header_icon": "user",
            "learner": learner,
            "rows": [(e, progress[e.pk], scores.get(e.pk), by_enrolment.get(e.pk, [])) for e in enrolments],
        },
    )


def bulk_enrol(request, module_id):
    _require(request, "courses.add_enrolment")
    module, academy = module_for_staff(request, module_id, REGISTRAR)
    csv_form = CsvEnrolForm(prefix="csv")
    cohort_form = CohortEnrolForm(prefix="cohort")
    result = None
    if request.method == "POST":
        try:
            if request.POST.get("mode") == "cohort":
                cohort_form = CohortEnrolForm(request.POST, prefix="cohort")
                if cohort_form.is_valid():
                    data = cohort_form.cleaned_data
                    result = services.bulk_enrol_cohort(
                        module, data["role"], request.user, state=data["state"], high_court=data["high_court"]
                    )
            else:
                csv_form = CsvEnrolForm(request.POST, request.FILES, prefix="csv")
                if csv_form.is_valid():
                    lines = services.parse_email_csv(csv_form.cleaned_data["file"])
                    result = services.bulk_enrol_emails(module, lines, request.user)
        except services.CoursesError as error:
            messages.error(request, str(error))
        if result is not None and result.ok:
            skipped = sum(1 for row in result.rows if row.skipped)
            enrolled = ngettext(
                "Enrolled %(count)s learner in “%(module)s”.",
                "Enrolled %(count)s learners in “%(module)s”.",
                result.created,
            ) % {"count": result.created, "module": module.title}
            already = ngettext("%(count)s was already enrolled.", "%(count)s were already enrolled.", skipped) % {
                "count": skipped
            }
            messages.success(request, f"{enrolled} {already}")
            return redirect("courses_module_report", module_id=module.pk)
        if result is not None:
            problems = len(result.errors)
            messages.error(
                request,
                ngettext(
                    "Nobody was enrolled: %(count)s row has a problem. Fix it and try again.",
                    "Nobody was enrolled: %(count)s rows have problems. Fix them and try again.",
                    problems,
                )
                % {"count": problems},
            )
    return TemplateResponse(
        request,
        "courses/admin/bulk_enrol.html",
        {
            "page_title": _("Enrol learners: %(module)s") % {"module": module.title},
            "header_icon": "group",
            "module": module,
            "academy": academy,
            "csv_form": csv_form,
            "cohort_form": cohort_form,
            "result": result,
        },
    )
