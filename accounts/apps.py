from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self):
        from django.conf import settings

        from core.deferred_import import defer_import

        from . import signals  # noqa: F401

        # allauth's sign-in and MFA views import its WebAuthn module, and with it fido2 and
        # cryptography (about 10 MB in every process), even when WebAuthn is not offered.
        # Without WebAuthn, nothing uses the module, so it is imported on first use only.
        if "webauthn" not in settings.MFA_SUPPORTED_TYPES:
            defer_import("allauth.mfa.webauthn.internal.auth")
