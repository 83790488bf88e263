from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse

from .audit import log_refusal

ADMIN_PREFIX = "/admin/"
# Staff screens outside the Wagtail admin that need the same two-factor rule.
STAFF_PREFIXES = (ADMIN_PREFIX, *getattr(settings, "STAFF_SCREEN_PREFIXES", ()))

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
        if request.path.startswith(STAFF_PREFIXES):
            user = request.user
            if getattr(settings, "STAFF_MFA_REQUIRED", True) and is_admin_user(user) and not has_mfa(user):
                messages.warning(
                    request,
                    "Academy staff must turn on two-factor authentication before using staff screens.",
                )
                return redirect(reverse("mfa_activate_totp"))
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIX):
            response._csp_replace = ADMIN_CSP
        return response


class RefusalLogMiddleware:
    """Log every 403 response and every Wagtail "no permission" redirect (who, method, path)
    unless the view already logged its refusal.

    Views that refuse with 404 on purpose (another learner's object) call
    accounts.audit.log_refusal themselves.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "_refusal_logged", False):
            return response
        if response.status_code == 403:
            log_refusal(request, "response 403", getattr(response, "reason_phrase", ""))
        elif response.status_code == 302 and _wagtail_denied(request):
            log_refusal(request, "admin", "Wagtail permission denied")
        return response


def _wagtail_denied(request):
    """Wagtail's admin answers a PermissionDenied with a redirect and this message, not a 403."""
    from django.utils.translation import gettext

    storage = getattr(request, "_messages", None)
    denied = gettext("Sorry, you do not have permission to access this area.")
    return any(denied in str(m.message) for m in getattr(storage, "_queued_messages", []))


# Wagtail lists audit entries to any admin user holding a permission on the model, whatever
# the academy: a registrar of one academy would read another academy's registrations there.
# The site-wide history is for superusers and platform administrators; staff keep the
# history of each page and object they may edit.
PLATFORM_ADMIN_PATHS = ("/admin/reports/site-history/",)


def is_platform_admin(user):
    return user.is_authenticated and (user.is_superuser or user.has_perm("academies.manage_all_academies"))


class PlatformAdminOnlyMiddleware:
    """Refuse the site-wide admin reports to staff who act for one academy only."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if request.path.startswith(PLATFORM_ADMIN_PATHS) and user.is_authenticated and not is_platform_admin(user):
            log_refusal(request, "site history", "not a platform administrator")
            raise PermissionDenied
        return self.get_response(request)
