"""allauth's addresses for this site, with the two-factor screens' views loaded on their first request.

`allauth.mfa.base.views` imports allauth's WebAuthn forms, and with them fido2 and cryptography
(about 11 MB), in every process that builds the URL configuration. The task worker builds it to
reverse the links in its emails but never serves a page, and the site offers TOTP and recovery
codes only (MFA_SUPPORTED_TYPES). So the base screens (the two-factor overview and the sign-in and
re-authentication steps) are imported when first asked for; everything else is included from
allauth as it ships. The paths and names are allauth's: tests/accounts/test_allauth_urls.py fails
if an allauth upgrade changes them.
"""

from importlib import import_module

from allauth.account import app_settings as account_settings
from allauth.mfa import app_settings as mfa_settings
from django.urls import include, path

BASE_VIEWS = "allauth.mfa.base.views"


def view_on_first_request(module, name):
    """A view that imports `module.name` when it is first called and hands every request to it."""
    found = {}

    def view(request, *args, **kwargs):
        if "view" not in found:
            found["view"] = getattr(import_module(module), name)
        return found["view"](request, *args, **kwargs)

    view.__name__ = view.__qualname__ = name
    return view


two_factor_patterns = [
    path("", view_on_first_request(BASE_VIEWS, "index"), name="mfa_index"),
    path("authenticate/", view_on_first_request(BASE_VIEWS, "authenticate"), name="mfa_authenticate"),
    path("reauthenticate/", view_on_first_request(BASE_VIEWS, "reauthenticate"), name="mfa_reauthenticate"),
]
if mfa_settings.TRUST_ENABLED or account_settings.LOGIN_BY_CODE_TRUST_ENABLED:
    two_factor_patterns.append(path("trust/", view_on_first_request(BASE_VIEWS, "trust"), name="mfa_trust"))
if "totp" in mfa_settings.SUPPORTED_TYPES:
    two_factor_patterns.append(path("totp/", include("allauth.mfa.totp.urls")))
if "recovery_codes" in mfa_settings.SUPPORTED_TYPES:
    two_factor_patterns.append(path("recovery-codes/", include("allauth.mfa.recovery_codes.urls")))
if "webauthn" in mfa_settings.SUPPORTED_TYPES:
    two_factor_patterns.append(path("webauthn/", include("allauth.mfa.webauthn.urls")))

urlpatterns = [
    path("", include("allauth.account.urls")),
    path("2fa/", include(two_factor_patterns)),
]
