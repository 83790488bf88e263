"""How the registrar screens of every app find the event they act on: one answer, one refusal.

Each app checks its own model permission first (Wagtail's refusal for staff without it), then
asks `registrar_event` for the page with its own rule (`allowed(user, page)`, which builds on
`colloquia.services.is_registrar_for`). Staff who are not registrars of the event's academy get
404, so an event of another academy gives no hint that it exists, and the refusal is logged.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.audit import log_refusal

from .models import ColloquiumPage


def registrar_event(request, page_id, *, allowed, subject):
    """The event `page_id` if `allowed(request.user, page)`; else 404, logged under `subject`."""
    page = get_object_or_404(ColloquiumPage.originals.select_related("academy"), pk=page_id)
    if not allowed(request.user, page):
        log_refusal(request, subject, "not a registrar of this academy")
        raise Http404
    return page
