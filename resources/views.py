"""URL-routed views of the resource library: file downloads, uploads and edits, submissions, moderation.

Thin: the rules live in services.py and files.py; the public library pages are routes of
`ResourceIndexPage` (models.py)."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accounts.audit import log_refusal
from core.file_store import RETRY_AFTER_SECONDS, STORE_UNREACHABLE

from . import services
from .display import moved_permanently, version_context
from .forms import FILES_AGAIN, DecisionForm, ResourceForm
from .models import Resource, ResourceFile, ResourceIndexPage, ResourceVersion

logger = logging.getLogger("colloquium.resources")
STORE_DOWN = gettext_lazy(
    "The file store is not answering just now, so nothing was saved. Please try again in a few minutes "
    "(choose the files again)."
)

# Served files may be opened in the browser (PDF, images) but never run anything.
FILE_CSP = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'none'"


def index_page():
    return ResourceIndexPage.originals.live().first()


# --- files ---


def download(request, pk, name):
    stored = get_object_or_404(ResourceFile.objects.select_related("version__resource__organisation"), pk=pk)
    if not services.can_view_version(request.user, stored.version):
        log_refusal(request, f"resource file {pk}", "not public and not the organisation's or a moderator's")
        raise Http404
    if name != stored.original_name:
        return moved_permanently(request, stored.get_absolute_url())
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=not stored.inline,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    public = stored.version.resource.live_version_id == stored.version_id
    response["Cache-Control"] = "public, max-age=300" if public else "private, no-store"
    return response


# --- uploading and editing (CSO members) ---


def _gate_or_refuse(request):
    gate = services.upload_gate(request.user)
    if gate:
        return None
    if gate.code == "anonymous":
        messages.info(request, gate.reason)
        return redirect_to_login(request.get_full_path())
    log_refusal(request, "resource upload", gate.code)
    return TemplateResponse(request, "resources/cannot_upload.html", {"gate": gate}, status=403)


@require_http_methods(["GET", "POST"])
def upload(request):
    refused = _gate_or_refuse(request)
    if refused:
        return refused
    form = ResourceForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                version = services.submit_resource(request.user, data, data["files"])
            except STORE_UNREACHABLE:
                # submit_resource is all or nothing: no resource, version or file record is left.
                logger.exception("resource upload by user %s: the file store did not answer", request.user.pk)
                messages.error(request, STORE_DOWN)
                status = 503
            else:
                messages.success(request, _("Thank you. Your resource was sent to the academy moderators for review."))
                return redirect("resources:submission", pk=version.resource_id)
        else:
            messages.error(request, FILES_AGAIN)
    response = TemplateResponse(request, "resources/upload.html", {"form": form, "editing": None}, status=status)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _initial_from(version):
    return {
        "title": version.title,
        "summary": version.summary,
        "description": version.description,
        "topics": list(version.topics.all()),
        "resource_type": version.resource_type,
        "language": version.language,
        "states": list(version.states.all()),
        "audience": version.audience,
        "licence": version.licence,
        "author_source": version.author_source,
        "content_note": version.content_note,
        "target_mode": version.target_mode,
        "target_academies": list(version.target_academies.all()),
    }


@never_cache
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    refused = _gate_or_refuse(request)
    if refused:
        return refused
    resource = get_object_or_404(Resource.objects.select_related("organisation", "latest_version"), pk=pk)
    if not services.is_member_of(request.user, resource.organisation):
        log_refusal(request, f"edit resource {pk}", "not a member of its organisation")
        raise Http404
    base = resource.latest_version
    existing = list(base.files.all())
    form = ResourceForm(
        request.POST or None, request.FILES or None, initial=_initial_from(base), existing_files=existing
    )
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            services.submit_edit(request.user, resource, data, data["files"], data["kept_files"])
            messages.success(
                request,
                _("Your changes were sent for review. The approved version stays public until they are approved.")
                if resource.live_version_id
                else _("Your changes were sent for review."),
            )
            return redirect("resources:submission", pk=resource.pk)
        messages.error(request, FILES_AGAIN)
    return TemplateResponse(request, "resources/upload.html", {"form": form, "editing": resource, "base": base})


@never_cache
@login_required
def submission(request, pk):
    """The organisation's own view of a resource: every version, status and moderator notes."""
    resource = get_object_or_404(Resource.objects.select_related("organisation", "live_version"), pk=pk)
    if not services.is_member_of(request.user, resource.organisation):
        raise Http404
    versions = resource.versions.select_related("decided_by", "submitted_by").order_by("-number")
    page = index_page()
    return TemplateResponse(
        request,
        "resources/submission.html",
        {
            "resource": resource,
            "versions": versions,
            "public_url": resource.get_url(page) if resource.live_version_id and page else "",
            "can_edit": services.can_edit(request.user, resource),
        },
    )


@never_cache
@login_required
def my_submissions(request):
    organisation = services.organisation_of(request.user)
    if organisation is None:
        return TemplateResponse(
            request, "resources/cannot_upload.html", {"gate": services.upload_gate(request.user)}, status=403
        )
    return TemplateResponse(
        request,
        "resources/my_submissions.html",
        {"organisation": organisation, "resources": services.submissions_of(organisation)},
    )


# --- moderation (moderators of the target academies) ---


@login_required
def moderation_queue(request):
    academies = list(services.moderated_academies(request.user))
    if not academies:
        log_refusal(request, "moderation queue", "not a moderator")
        raise PermissionDenied
    return TemplateResponse(
        request,
        "resources/moderation_queue.html",
        {"versions": services.moderation_queue(request.user), "academies": academies},
    )


@login_required
@require_http_methods(["GET", "POST"])
def review(request, pk):
    version = get_object_or_404(
        ResourceVersion.objects.select_related("resource__organisation", "submitted_by", "decided_by"), pk=pk
    )
    if not services.can_moderate(request.user, version):
        log_refusal(request, f"review version {pk}", "not a moderator of its academies")
        raise Http404
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decide(version, request.user, form.cleaned_data["decision"], form.cleaned_data["note"])
        except services.DecisionConflict as conflict:
            messages.error(request, str(conflict))
            return redirect("resources:review", pk=version.pk)
        messages.success(request, _("Decision recorded; the organisation has been told by email."))
        return redirect("resources:moderation_queue")
    history = version.resource.versions.prefetch_related("decisions__decided_by").order_by("-number")
    return TemplateResponse(
        request,
        "resources/review.html",
        {
            "form": form if version.status == "pending" else None,
            "resource": version.resource,
            "history": history,
            "academies": list(version.target_academies.all()),
            **version_context(version),
        },
    )
