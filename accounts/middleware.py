from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from core.i18n import path_without_language

from .audit import log_refusal

ADMIN_PREFIX = "/admin/"


def staff_screen_prefixes():
    """/admin/ and the staff screens outside it that need the same two-factor rule.

    Apps name theirs with the "colloquium_staff_screen_prefixes" hook (see core.extensions).
    Read once the app registry is ready, so every app's wagtail_hooks module is loaded.
    """
    prefixes = [ADMIN_PREFIX]
    for fn in hooks.get_hooks("colloquium_staff_screen_prefixes"):
        prefixes.extend(fn())
    return tuple(prefixes)


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
        # Middleware is built after django.setup(): all hooks are registered by now.
        self.staff_prefixes = staff_screen_prefixes()

    def __call__(self, request):
        # /hi/checkin/desk/ is the desk as much as /checkin/desk/ is.
        if path_without_language(request.path).startswith(self.staff_prefixes):
            user = request.user
            if getattr(settings, "STAFF_MFA_REQUIRED", True) and is_admin_user(user) and not has_mfa(user):
                messages.warning(
                    request,
                    _("Academy staff must turn on two-factor authentication before using staff screens."),
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
        elif response.status_code == 302 and _wagtail_denied(request, response):
            log_refusal(request, "admin", "Wagtail permission denied")
        return response


def _wagtail_denied(request, response):
    """Whether this is Wagtail's answer to a PermissionDenied in its admin, which is not a 403.

    `wagtail.admin.auth.permission_denied` adds an error message and redirects to the admin's
    dashboard, and Wagtail sends no signal or hook for it; no other admin screen of this
    project's sends people to the dashboard. So: an admin URL other than the dashboard,
    redirected to the dashboard. (Wagtail's workflow action screens do the same for a task that
    has gone meanwhile, which is logged too.)
    """
    home = reverse("wagtailadmin_home")
    return request.path.startswith(ADMIN_PREFIX) and request.path != home and response.get("Location") == home


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
        if (
            path_without_language(request.path).startswith(PLATFORM_ADMIN_PATHS)
            and user.is_authenticated
            and not is_platform_admin(user)
        ):
            log_refusal(request, "site history", "not a platform administrator")
            raise PermissionDenied
        return self.get_response(request)
