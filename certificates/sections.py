"""What certificates add to shared pages (settings.DASHBOARD_SECTIONS)."""

from .models import Certificate

DASHBOARD_LIMIT = 5


def dashboard(request, **kwargs):
    user = request.user
    if not user.is_authenticated:
        return None
    certificates = list(
        Certificate.objects.filter(user=user)
        .select_related("superseded_by")
        .order_by("-issued_at")[: DASHBOARD_LIMIT + 1]
    )
    if not certificates:
        return {"template": "certificates/sections/dashboard.html", "certificates": [], "more": False}
    more = len(certificates) > DASHBOARD_LIMIT
    return {
        "template": "certificates/sections/dashboard.html",
        "certificates": certificates[:DASHBOARD_LIMIT],
        "more": more,
        "count": Certificate.objects.filter(user=user).count() if more else len(certificates),
    }
