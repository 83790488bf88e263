"""Participants-only materials: documents an event's agenda marks "Registered participants only".

Each publication records them (agenda.rebuild_restricted_materials); the
`before_serve_document` hook (wagtail_hooks) asks `guard_document` before serving one.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _

from academies.services import EDITOR, REGISTRAR, is_staff_of
from accounts.audit import log_refusal

from .choices import RegistrationStatus
from .records import Registration, RestrictedMaterial


def guard_document(document, request):
    """before_serve_document hook: participants-only materials need an approved place (or academy staff)."""
    restricted = list(RestrictedMaterial.objects.filter(document=document).select_related("page"))
    if not restricted:
        return None
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    page_ids = [r.page_id for r in restricted]
    if Registration.objects.filter(page_id__in=page_ids, user=user, status=RegistrationStatus.APPROVED).exists():
        return None
    for item in restricted:
        if is_staff_of(user, item.page.academy, EDITOR) or is_staff_of(user, item.page.academy, REGISTRAR):
            return None
    if user.is_superuser:
        return None
    log_refusal(request, f"document:{document.pk}", "participants-only material")
    return HttpResponseForbidden(_("This document is for registered participants of the event."))
