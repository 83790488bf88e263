"""Downloading offline copies. Each view serves a copy only where the page itself would be served:
the page must be live, and Wagtail's own serve hooks (view restrictions: login, groups, password)
run first and answer as they answer for the page. Nothing here records progress or time on the
module: reading a copy is not reading the lesson on the site."""

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail import hooks

from .models import Kind
from .services import CONTENT_TYPES, LEARNER_NOTES, module_pdf_with_notes, stored_copy


def _live(model_name, pk):
    return get_object_or_404(apps.get_model("courses", model_name).objects.live(), pk=pk)


def serve_as_page(page, request, respond):
    """`respond(page, request)` behind the same hooks Wagtail's serve view runs for `page`."""
    chain = lambda page, request, args, kwargs: respond(page, request)  # noqa: E731 - the chain's last link
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        chain = fn(chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, (), {})
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, (), {})


def _stored(kind):
    def respond(page, request):
        copy = stored_copy(page, kind)
        return FileResponse(
            copy.file.open("rb"), as_attachment=True, filename=copy.filename, content_type=CONTENT_TYPES[kind]
        )

    return respond


@require_safe
def lesson_pdf(request, pk):
    return serve_as_page(_live("LessonPage", pk), request, _stored(Kind.LESSON_PDF))


@require_safe
def module_pdf(request, pk):
    return serve_as_page(_live("CoursePage", pk), request, _stored(Kind.MODULE_PDF))


@require_safe
def module_epub(request, pk):
    return serve_as_page(_live("CoursePage", pk), request, _stored(Kind.MODULE_EPUB))


@require_safe
@login_required
def module_pdf_with_my_notes(request, pk):
    """The module PDF with the signed-in learner's own notes, rendered for them alone and never kept.

    The notes come from the app that keeps them, through the hook `colloquium_learner_notes`."""
    readers = hooks.get_hooks(LEARNER_NOTES)
    if not readers:
        raise Http404("Notes are not available.")

    def respond(page, request):
        notes = [note for read in readers for note in read(request.user, page)]
        body, filename = module_pdf_with_notes(page, request.user, notes)
        response = HttpResponse(body, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        patch_cache_control(response, private=True, no_store=True)
        return response

    return serve_as_page(_live("CoursePage", pk), request, respond)
