"""The participant's screens (/feedback/<event id>/...) and the event's feedback report (admin URLs).

The report is at /admin/feedback/<event id>/ (behind the admin's two-factor step), for the
registrars and editors of the event's academy and platform administrators; other staff get a 404
(no hint the event exists) and people without a staff role are refused (403).
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from academies.services import EDITOR, REGISTRAR, academies_for, acts_for_all, is_staff_of
from accounts.audit import log_refusal
from colloquia.models import ColloquiumPage
from core.charts import bar_chart, grouped_bar_chart
from core.csv_export import csv_response
from courses.services import paper_answers_from_post, paper_for_learner

from . import services
from .forms import FeedbackForm
from .models import TestStage

REPORT_ROLES = (REGISTRAR, EDITOR)


def _live_event(page_id):
    return get_object_or_404(ColloquiumPage.originals.live().select_related("academy"), pk=page_id)


def _refused(request, page, reason, status):
    log_refusal(request, f"feedback:{page.pk}", reason)
    return render(request, "feedback/refused.html", {"page": page, "reason": reason}, status=status)


@never_cache
@login_required
def feedback_form(request, page_id):
    """The event's feedback form: shown to those asked while it is open, answered once."""
    page = _live_event(page_id)
    state = services.feedback_state(page, request.user)
    if not state["can_answer"]:
        return _refused(request, page, state["reason"], 409 if state["answered"] else 403)
    form = FeedbackForm(page, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_feedback(
                page,
                request.user,
                overall_usefulness=form.cleaned_data["overall_usefulness"],
                to_change=form.cleaned_data["to_change"],
                topics_wanted=form.cleaned_data["topics_wanted"],
                ratings=form.ratings(),
            )
        except services.FeedbackRefused as refusal:
            return _refused(request, page, str(refusal), 409)
        return render(request, "feedback/thanks.html", {"page": page, "named": state["named"]})
    return render(request, "feedback/form.html", {"page": page, "form": form, "state": state})


@never_cache
@login_required
def knowledge_test(request, page_id, stage):
    """The event's knowledge test before or after it: taken once, graded on submission."""
    if stage not in TestStage.values:
        raise Http404
    page = _live_event(page_id)
    state = services.test_state(page, request.user, stage)
    if not state["can_take"]:
        if state["taken"]:
            return render(request, "feedback/test_done.html", {"page": page, "take": state["taken"]})
        return _refused(request, page, state["reason"], 403)
    questions = services.knowledge.paper(page)
    if request.method == "POST":
        try:
            take = services.submit_test(page, request.user, stage, paper_answers_from_post(questions, request.POST))
        except services.TestRefused as refusal:
            return _refused(request, page, str(refusal), 409)
        return render(request, "feedback/test_done.html", {"page": page, "take": take})
    return render(
        request,
        "feedback/test.html",
        {"page": page, "stage": TestStage(stage), "questions": paper_for_learner(questions)},
    )


# --- the event's feedback report (admin URLs, see wagtail_hooks.py) ---


def may_see_report(user, page):
    return acts_for_all(user) or any(is_staff_of(user, page.academy, role) for role in REPORT_ROLES)


def has_report_role(user):
    return acts_for_all(user) or any(academies_for(user, role).exists() for role in REPORT_ROLES)


def _report_event(request, page_id):
    if not has_report_role(request.user):
        raise PermissionDenied
    page = get_object_or_404(ColloquiumPage.originals.select_related("academy"), pk=page_id)
    if not may_see_report(request.user, page):
        log_refusal(request, f"feedback report:{page_id}", "not a registrar or editor of this academy")
        raise Http404
    return page


def report_events(request):
    """The events of the user's academies that have ended, newest first, with their response counts."""
    if not has_report_role(request.user):
        raise PermissionDenied
    pages = ColloquiumPage.originals.select_related("academy").order_by("-end_date", "title")
    if not acts_for_all(request.user):
        academies = academies_for(request.user, REGISTRAR) | academies_for(request.user, EDITOR)
        pages = pages.filter(academy__in=academies)
    return TemplateResponse(
        request,
        "feedback/admin/event_list.html",
        {"page_title": _("Feedback"), "header_icon": "comment", "events": services.events_with_counts(pages)},
    )


def _charts(report):
    charts = []
    if report["responses"]:
        charts.append(
            bar_chart(
                _("Overall usefulness"),
                _("How many respondents gave each mark, from 1 (poor) to 5 (excellent)."),
                [(f"{point}", count) for point, count in zip(range(1, 6), report["usefulness_counts"], strict=True)],
                label_heading=_("Mark"),
                value_heading=_("Respondents"),
            )
        )
        rated = [s for s in report["sessions"] if s["responses"]]
        if rated:
            charts.append(
                grouped_bar_chart(
                    _("Mean ratings per session"),
                    _(
                        "The mean of the marks (1 to 5) each session received for relevance, clarity and its "
                        "resource person."
                    ),
                    [s["title"] for s in rated],
                    [
                        (label, [s[f"{name}_mean"] for s in rated])
                        for name, label in [
                            ("relevance", _("Relevance")),
                            ("clarity", _("Clarity")),
                            ("speaker", _("Resource person")),
                        ]
                    ],
                    label_heading=_("Session"),
                )
            )
    if report["knowledge_gain"]:
        gain = report["knowledge_gain"]
        charts.append(
            grouped_bar_chart(
                _("Knowledge test scores before and after"),
                _(
                    "The mean score, in per cent, of the participants of each category who took both tests. "
                    "Categories of fewer than %(min_group)s people are not shown."
                )
                % {"min_group": services.MIN_GROUP},
                [row["category"] for row in gain],
                [(_("Before"), [row["pre_mean"] for row in gain]), (_("After"), [row["post_mean"] for row in gain])],
                unit="%",
                label_heading=_("Category"),
            )
        )
    return charts


def report(request, page_id):
    """The event's feedback report; `?format=csv` downloads its figures (no comments, no names)."""
    page = _report_event(request, page_id)
    data = services.feedback_report(page)
    if request.GET.get("format") == "csv":
        return csv_response(
            f"feedback-{page.slug}.csv",
            [_("Measure"), _("Session or category"), _("Value")],
            list(services.report_csv_rows(data)),  # made now, in the language of the request
        )
    opens, closes = services.feedback_window(page)
    return TemplateResponse(
        request,
        "feedback/admin/report.html",
        {
            "page_title": _("Feedback: %(event)s") % {"event": page.title},
            "header_icon": "comment",
            "event": page,
            "report": data,
            "charts": _charts(data),
            "opens": opens,
            "closes": closes,
            "min_group": services.MIN_GROUP,
            "csv_url": f"{reverse('feedback_report', args=[page.pk])}?format=csv",
        },
    )
