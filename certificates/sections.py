"""What certificates add to shared pages (the colloquium_dashboard_sections hook, see wagtail_hooks.py)."""

from core.extensions import learner_section

from .models import Certificate

DASHBOARD_LIMIT = 5


def dashboard(request, **kwargs):
    return learner_section(
        request, "certificates", "certificates/sections/dashboard.html", lambda: _latest_certificates(request.user)
    )


def _latest_certificates(user):
    certificates = list(
        Certificate.objects.filter(user=user)
        .select_related("superseded_by")
        .order_by("-issued_at")[: DASHBOARD_LIMIT + 1]
    )
    if not certificates:
        return {"certificates": [], "more": False}
    more = len(certificates) > DASHBOARD_LIMIT
    return {
        "certificates": certificates[:DASHBOARD_LIMIT],
        "more": more,
        "count": Certificate.objects.filter(user=user).count() if more else len(certificates),
    }
