from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

ADMIN_PREFIX = "/admin/"

# The Wagtail admin's editor and preview need inline styles and scripts and
# same-origin framing; the public site keeps the strict policy from settings.
ADMIN_CSP = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "frame-ancestors": ["'self'"],
}


def is_admin_user(user):
    return user.is_authenticated and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def has_mfa(user):
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffMFAMiddleware:
    """Staff must set up two-factor authentication before they use the admin.

    Also gives admin responses their own Content Security Policy.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(ADMIN_PREFIX):
            user = request.user
            if getattr(settings, "STAFF_MFA_REQUIRED", True) and is_admin_user(user) and not has_mfa(user):
                messages.warning(
                    request,
                    "Academy staff must turn on two-factor authentication before using the admin.",
                )
                return redirect(reverse("mfa_activate_totp"))
            response = self.get_response(request)
            response._csp_replace = ADMIN_CSP
            return response
        return self.get_response(request)
