"""A learner's own notes: edit one lesson's note, read all of a module's, download them as a PDF.

Every view is for the signed-in writer alone. A note's address answers 404 to anyone else,
staff and superusers included, exactly as for a note that does not exist: nobody can learn
that someone wrote one.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.audit import log_refusal
from core.translation import localize_page
from courses.models import CoursePage, LessonPage
from courses.services import module_of

from . import services
from .formatting import note_html
from .forms import NoteForm
from .pdf import notes_pdf


def _lesson_or_404(lesson_id):
    return get_object_or_404(LessonPage.objects.live(), pk=lesson_id)


def _own_note_or_404(request, note_id):
    note = services.own_note(request.user, note_id)
    if note is None:
        log_refusal(request, f"note {note_id}", "not the writer's own (or none)")
        raise Http404
    return note


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def lesson_note(request, lesson_id):
    """The note on one lesson: saved from the lesson page's form, or edited here."""
    lesson = _lesson_or_404(lesson_id)
    note = services.note_for_lesson(request.user, lesson)
    if request.method == "POST":
        form = NoteForm(request.POST)
        if form.is_valid():
            saved = services.save_note(request.user, lesson, form.cleaned_data["body"])
            messages.success(request, _("Your note is saved.") if saved else _("Your note on this lesson is deleted."))
            return redirect(f"{lesson.url}#my-note")
    else:
        form = NoteForm(initial={"body": note.body if note else ""})
    module = module_of(lesson)
    status = 400 if form.is_bound else 200
    return TemplateResponse(
        request, "notes/edit.html", {"form": form, "lesson": lesson, "module": module, "note": note}, status=status
    )


@never_cache
@login_required
def note_detail(request, note_id):
    note = _own_note_or_404(request, note_id)
    lesson = note.lesson
    return TemplateResponse(
        request,
        "notes/note.html",
        {"note": note, "lesson": lesson, "module": module_of(lesson), "body_html": note_html(note.body)},
    )


@login_required
@require_POST
def delete(request, note_id):
    note = _own_note_or_404(request, note_id)
    lesson = note.lesson
    services.delete_note(request.user, note.pk)
    title = localize_page(lesson).title
    messages.success(request, _("Your note on “%(lesson)s” is deleted.") % {"lesson": title})
    if request.POST.get("back") == "module":
        return redirect("notes:module", module_id=module_of(lesson).pk)
    return redirect(lesson.url)


def _module_or_404(module_id):
    return get_object_or_404(CoursePage.objects.live(), pk=module_id)


@never_cache
@login_required
def module_notes(request, module_id):
    """All the learner's notes on a module's lessons, in lesson order."""
    module = _module_or_404(module_id)
    return TemplateResponse(
        request, "notes/module_notes.html", {"module": module, "notes": services.notes_for(request.user, module)}
    )


@never_cache
@login_required
def module_notes_pdf(request, module_id):
    module = _module_or_404(module_id)
    response = HttpResponse(notes_pdf(request.user, module), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="my-notes-{module.slug}.pdf"'
    return response
