"""The answers' files, for the participant who gave them, and the registrar's screens of answers.

Participants download their own files at /registration-questions/answers/<pk>/<name>; the
event's registrars see the answers, and download the files, in the admin (behind its
two-factor step) at /admin/registration-questions/.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from accounts.audit import log_refusal
from colloquia.models import ColloquiumPage, Registration
from colloquia.registrar_access import registrar_event
from colloquia.services import events_for_registrar
from core.csv_export import csv_response

from . import services
from .models import Answer

# The permission of the registrar's screens in colloquia, which these screens extend.
REGISTRAR_PERMISSION = "colloquia.change_registration"
# A served file may be shown in the browser (PDF, images) but never run anything.
FILE_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'none'"
PARTICIPANT_COLUMNS = [
    gettext_lazy("Name"),
    gettext_lazy("Email"),
    gettext_lazy("Category"),
    gettext_lazy("Status"),
    gettext_lazy("Nominating court or office"),
]


def _serve(answer):
    try:
        handle = answer.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=not answer.inline, filename=answer.file_name, content_type=answer.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response


def _file_answer(pk):
    return get_object_or_404(Answer.objects.select_related("registration__page").exclude(file=""), pk=pk)


@never_cache
@login_required
def participant_file(request, pk, name):
    """The file a participant gave with their registration, for them alone."""
    answer = _file_answer(pk)
    if answer.registration.user_id != request.user.pk:
        log_refusal(request, f"registration answer file {pk}", "not the participant's own")
        raise Http404
    if name != answer.file_name:
        return redirect(answer.participant_url())
    return _serve(answer)


# --- the registrar's screens (admin URLs, see wagtail_hooks.py) ---


def _event(request, page_id):
    """The event, if the user is one of its registrars; 404 for other staff (no hint it exists)."""
    if not request.user.has_perm(REGISTRAR_PERMISSION):
        raise PermissionDenied
    subject = f"registration answers:{page_id}"
    return registrar_event(request, page_id, allowed=services.may_see_answers, subject=subject)


def registrar_file(request, pk, name):
    answer = _file_answer(pk)
    _event(request, answer.registration.page_id)
    if name != answer.file_name:
        return redirect(answer.registrar_url())
    return _serve(answer)


def event_list(request):
    """The events of the registrar's academies that ask questions."""
    if not request.user.has_perm(REGISTRAR_PERMISSION):
        raise PermissionDenied
    pages = events_for_registrar(ColloquiumPage.originals.all(), request.user)
    return TemplateResponse(
        request,
        "registration_questions/admin/event_list.html",
        {
            "page_title": _("Registration answers"),
            "header_icon": "form",
            "events": services.events_with_questions(pages.select_related("academy")),
        },
    )


def event_answers(request, page_id):
    """Every registration of the event with its answers; `?format=csv` downloads them."""
    page = _event(request, page_id)
    registrations = Registration.objects.filter(page=page).order_by("name", "pk")
    if request.GET.get("format") == "csv":
        columns = services.export_columns(page)
        header = [*(str(heading) for heading in PARTICIPANT_COLUMNS), *(heading for heading, _value in columns)]
        return csv_response(
            f"answers-{page.slug}.csv", header, _answer_rows(registrations, columns, translation.get_language())
        )
    questions, rows = services.answer_table(page, registrations)
    return TemplateResponse(
        request,
        "registration_questions/admin/event_answers.html",
        {
            "page_title": _("Answers: %(title)s") % {"title": page.title},
            "header_icon": "form",
            "event": page,
            "questions": questions,
            "rows": rows,
        },
    )


def _answer_rows(registrations, columns, language):
    """The export's rows, in the request's language: they stream after the view has returned."""
    for r in registrations.iterator():
        with translation.override(language):
            row = [
                r.name,
                r.email,
                r.get_category_display(),
                r.get_status_display(),
                r.nominating_office,
                *(value(r) for _heading, value in columns),
            ]
        yield row
