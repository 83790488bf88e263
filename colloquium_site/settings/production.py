"""Production settings: secrets are required and every hardening flag is on."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env, env_bool

DEBUG = False
# No demo app in production unless asked for (a demo deployment sets DEMO_CONTENT=1).
DEMO_CONTENT = env_bool("DEMO_CONTENT", False)
if not DEMO_CONTENT:
    INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "demo"]  # noqa: F405

try:
    SECRET_KEY = env["SECRET_KEY"]
except KeyError as exc:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in production (see .env.example): "
        "generate one with `python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    ) from exc
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long.")
if not env.get("SITE_URL"):
    # Every absolute address derives from it (core.site): without it, certificates would print a local one.
    raise ImproperlyConfigured(
        "SITE_URL must be set in production (see .env.example): the site's public address, "
        "such as https://colloquium.example.org."
    )

# The credential signing key must be made on purpose (`manage.py create_credential_key`), never on the fly.
CREDENTIAL_GENERATE_MISSING_KEY = env_bool("CREDENTIAL_GENERATE_MISSING_KEY", False)

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

if env.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
