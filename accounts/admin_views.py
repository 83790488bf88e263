from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks

from .audit import log_refusal
from .forms import RoleDecisionForm
from .models import User
from .roles import RoleStatus
from .services import decide_role, may_decide_role


def _check(request):
    if not request.user.has_perm("accounts.verify_role"):
        raise PermissionDenied


def _scoped(request, users):
    """Limit the queue to the users this verifier answers for (hook colloquium_role_queue_scope)."""
    for scope in hooks.get_hooks("colloquium_role_queue_scope"):
        users = scope(request.user, users)
    return users


def role_queue(request):
    """Users whose declared role awaits verification, oldest first."""
    _check(request)
    status = request.GET.get("status", RoleStatus.PENDING)
    if status not in RoleStatus.values:
        status = RoleStatus.PENDING
    users = _scoped(
        request,
        User.objects.filter(role_status=status, is_active=True)
        .exclude(role="")
        .exclude(pk=request.user.pk)  # no one verifies their own role
        .select_related("state", "high_court")
        .order_by("date_joined"),
    )
    page = Paginator(users, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "accounts/admin/role_queue.html",
        {
            "page_title": _("Role verification"),
            "header_icon": "user",
            "page_obj": page,
            "status": status,
            "statuses": RoleStatus.choices,
            "form": RoleDecisionForm(),
        },
    )


@require_POST
def role_decide(request, user_id):
    _check(request)
    if not may_decide_role(request.user, user_id):
        log_refusal(request, f"role decision:{user_id}", "own role")
        raise PermissionDenied
    user = get_object_or_404(_scoped(request, User.objects.all()), pk=user_id)
    form = RoleDecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, _("%(name)s: %(error)s") % {"name": user.full_name, "error": error})
        return redirect("accounts_role_queue")
    verified = form.cleaned_data["decision"] == "verify"
    decide_role(user, verified=verified, reviewer=request.user, note=form.cleaned_data["note"])
    if verified:
        message = _("%(name)s: role verified; they have been emailed.")
    else:
        message = _("%(name)s: role rejected; they have been emailed.")
    messages.success(request, message % {"name": user.full_name})
    return redirect("accounts_role_queue")
