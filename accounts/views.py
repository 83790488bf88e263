import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.extensions import collect_sections
from core.learner_pages import learner_page

from .forms import DeletionRequestForm, ProfileForm
from .services import anonymise_user, export_personal_data, profile_changed_role


# Every view here shows the signed-in person's own data: never stored by a browser or proxy.
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    previous_role = user.role
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        profile_changed_role(user, previous_role)
        user.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@never_cache
@login_required
def dashboard(request):
    """ "My learning": each feature app contributes a section (hook colloquium_dashboard_sections).

    Kept whole for the learner while every section says it shows only their own records (core.learner_pages).
    """

    def build():
        sections = collect_sections("colloquium_dashboard_sections", request)
        return render(request, "accounts/dashboard.html", {"sections": sections})

    return learner_page(request, "dashboard", build)


@never_cache
@login_required
def personal_data(request):
    body = json.dumps(export_personal_data(request.user), indent=2, default=str)
    response = HttpResponse(body, content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="colloquium-personal-data.json"'
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeletionRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        anonymise_user(request.user)
        logout(request)
        messages.info(request, _("Your account has been deleted. Certificates already issued remain verifiable."))
        return redirect("/")
    return render(request, "accounts/delete_account.html", {"form": form})
