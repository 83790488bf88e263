"""Settings shared by every environment.

The environment is read once, here. Each optional service has an embedded
default that needs no set-up (SQLite, local files, locmem cache, tasks run in
process); setting the variable switches to the production part without a code
change. `.env.example` documents every variable.
"""

import os
from pathlib import Path

import dj_database_url

env = os.environ.copy()

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    return env.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# The demo app (demo content files, load_demo, serve_demo, demo_totp): on unless DEMO_CONTENT=0;
# production.py turns it off unless DEMO_CONTENT=1.
DEMO_CONTENT = env_bool("DEMO_CONTENT", True)
SECRET_KEY = env.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps. Dependencies point one way: home -> feature apps -> accounts -> regions.
    "core",
    "regions",
    "accounts",
    "academies",
    "colloquia",
    "registration_questions",  # an event's own registration questions (uses colloquia, through its hooks)
    "checkin",  # e-tickets, name badges, the check-in desk and the attendance grid (uses colloquia)
    "online_attendance",  # a meeting's attendance report, matched and recorded (uses colloquia)
    "resources",
    "courses",
    "notes",  # a learner's private notes on lessons (uses courses, through its hook and public functions)
    "certificates",
    "messaging",  # after colloquia and certificates: it listens to certificate_issued
    "offline_copies",  # lesson and module PDFs and the module EPUB (uses courses, notes)
    "support",  # the MHA support record of an event: budget, sanction, expenditure, UC and outcome report
    "feedback",  # an event's feedback form, knowledge tests and feedback report (uses colloquia and courses)
    "interstate",  # academies' contacts and nodal officers, co-organised events (uses colloquia, through its hooks)
    "national_statistics",  # the public statistics page (reads colloquia, courses and certificates services)
    "home",
    "languages",  # the language switcher, /hi/ addresses, hreflang and the browser's default language
    *(["demo"] if DEMO_CONTENT else []),  # demo/content/ and load_demo; production leaves it out
    # Wagtail
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",  # "Translate" in the page explorer: a Hindi copy, edited as a page
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.admin_apps.UsersAdminConfig",  # wagtail.users with our user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    # allauth
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous public pages from the page cache; above sessions so a hit skips them (see core.cache).
    # An unprefixed address asked for by someone who chose Hindi (cookie, profile or browser) is
    # sent to its /hi/ twin before the page cache answers it in English (languages.middleware).
    "languages.middleware.PreferredLanguageMiddleware",
    "core.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of the request from its address (/hi/…); English has no prefix (languages.urls).
    "languages.middleware.AddressLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.routing.SiteMiddleware",  # after CommonMiddleware: the host is validated by then
    "core.null_bytes.NullBytesInQueryMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.private_pages.SignedInResponsesNoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "languages.middleware.ProfileLanguageMiddleware",  # a signed-in person's profile language in the cookie
    "languages.digits.DevanagariDigitsMiddleware",  # Devanagari digits for those who ask (profile)
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Oversize uploads answered 413 before their body is read; nothing above reads the body (see core.uploads).
    "core.uploads.UploadLimitMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.StaffMFAMiddleware",
    "accounts.middleware.RefusalLogMiddleware",
    "accounts.middleware.PlatformAdminOnlyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "colloquium_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

WSGI_APPLICATION = "colloquium_site.wsgi.application"

# Database: SQLite file unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        env.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite waits for a lock instead of failing at once when two requests write.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    # Take the write lock when a transaction starts, so two workers writing at once wait
    # for each other instead of one failing with "database is locked".
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    # Connections persist (DB_CONN_MAX_AGE) as on PostgreSQL: opening one costs more than a signed-in
    # page's queries (Django registers its SQL functions, SQLite reads the schema), and closing
    # it after every request held the lesson page to about 200 requests/s instead of 280-360.

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# Cache: process-local by default; CACHE_URL (redis://...) shares it between workers,
# which also shares allauth's rate limits and the page cache.
if env.get("CACHE_URL"):
    # A Redis outage must not take the site down, nor sign-ins (docs/reliability.md). "redis" is
    # Redis itself, raising its errors within a second when it hangs; "database" is a table in
    # PostgreSQL (manage.py createcachetable) shared by every app server. The default cache
    # (core.failover_cache) uses Redis and, while Redis is down, the table: allauth's rate limits,
    # used one-time codes and sessions' cached copies stay shared and enforced; when Redis returns
    # it is cleared once of what it held from before. The certificate verification limit
    # ("ratelimit:" keys) never moves to the table: it refuses while Redis is down. The page cache
    # ("pages") never does either (every key): core.cache catches the errors and serves pages
    # uncached. Both share what the process knows of Redis, so a page is never read from Redis
    # before it has been cleared after an outage.
    redis_options = {
        "CLIENT_CLASS": "django_redis.client.DefaultClient",
        "SOCKET_CONNECT_TIMEOUT": 1,
        "SOCKET_TIMEOUT": 1,
    }

    def failover(fail_closed_prefixes):
        options = {"PRIMARY": "redis", "FALLBACK": "database", "FAIL_CLOSED_PREFIXES": fail_closed_prefixes}
        return {"BACKEND": "core.failover_cache.FailoverCache", "OPTIONS": options}

    CACHES = {
        "default": failover(["ratelimit:"]),
        "pages": failover([""]),
        "redis": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": env["CACHE_URL"], "OPTIONS": redis_options},
        # Rows for an outage's sessions, rate limits and codes; old outages' rows are culled past this.
        "database": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "colloquium_cache",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
    }
    PAGE_CACHE_ALIAS = "pages"
    # Kept in PostgreSQL, cached in the default cache: Redis is cleared after an outage, so a
    # session signed out during one does not come back from Redis's old copy.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Django's database store, each session read with one statement (accounts.sessions).
    SESSION_ENGINE = "accounts.sessions"

# Page cache for anonymous visitors (core.cache): seconds a page is kept; 0 turns it off.
# Publishing, moderation and agenda changes invalidate it at once.
PAGE_CACHE_SECONDS = int(env.get("PAGE_CACHE_SECONDS", "300"))

# Tasks: run in process by default; TASKS_BACKEND=database queues them for
# `manage.py db_worker` (django-tasks-db), which survives restarts.
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[env.get("TASKS_BACKEND", "immediate")]
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # Django's ModelBackend, reading a signed-in request's user row with one statement.
    "accounts.backends.AccountBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# English and Hindi. A third language is its catalogue (locale/<code>/) and one line here;
# WAGTAIL_CONTENT_LANGUAGES follows, so its pages can be translated too (docs/languages.md).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("hi", "हिन्दी")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Translations live in their own tree: only translated pages are copied (no aliases of every page);
# an address with no translation shows the English page with a note (core.translation).
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False
# The admin in either language, as each person sets it in their account (Wagtail ships no Hindi of its own).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The project's strings, then the Hindi of the libraries' strings its pages show (allauth has none).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "libraries"]
# Dates, times and numbers: each language's conventions with Indian digit grouping (core/formats/).
FORMAT_MODULE_PATH = ["core.formats"]
LANGUAGE_COOKIE_NAME = "colloquium_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Asia/Kolkata"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

if env.get("AWS_STORAGE_BUCKET_NAME"):
    from botocore.config import Config as BotocoreConfig

    # S3-compatible media (django-storages); files stay private and are served
    # through the project's permission-checking views.
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": env.get("AWS_S3_ENDPOINT_URL") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
            # A store that stops answering costs a request seconds, not gunicorn's 30 s timeout:
            # the view then says the file store is unavailable (core.file_store).
            "client_config": BotocoreConfig(
                connect_timeout=2, read_timeout=5, retries={"mode": "standard", "total_max_attempts": 2}
            ),
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o640
# Uploads (core.uploads): the files in one request may add up to UPLOAD_MAX_BYTES; a body declaring more than
# that plus UPLOAD_ENVELOPE_BYTES (the form's other fields, multipart headers) is refused (413) unread.
UPLOAD_MAX_BYTES = int(env.get("UPLOAD_MAX_BYTES", 20 * 1024 * 1024))
UPLOAD_ENVELOPE_BYTES = 256 * 1024
FILE_UPLOAD_HANDLERS = [
    "core.uploads.UploadLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Email: console in development; SMTP from the environment in production.
EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "Colloquium <no-reply@colloquium.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The site's public address, the one source of every absolute URL (core.site): certificates and
# their QR codes, emails, the room-screen QR code, the admin's links, the API and the default
# Wagtail Site record. `make run` sets it to the address it serves; production requires it.
SITE_URL = env.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The site's name: emails greet with it, and it heads the admin.
SITE_NAME = env.get("SITE_NAME", "Colloquium")

# The key that signs Open Badges 3.0 credentials (RS256; certificates.open_badges.keys): a PEM
# file outside the repository. Retired keys stay published so credentials they signed still
# verify. Development and tests generate the signing key into the git-ignored private/ on first
# use; production requires the file (docs/certificates.md, "Signing key").
CREDENTIAL_SIGNING_KEY_FILE = Path(
    env.get("CREDENTIAL_SIGNING_KEY_FILE") or BASE_DIR / "private" / "credential-keys" / "signing-key.pem"
)
CREDENTIAL_RETIRED_KEY_FILES = [Path(item) for item in env_list("CREDENTIAL_RETIRED_KEY_FILES", "")]
CREDENTIAL_GENERATE_MISSING_KEY = env_bool("CREDENTIAL_GENERATE_MISSING_KEY", True)

# --- Wagtail ---
WAGTAIL_SITE_NAME = SITE_NAME
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.search_backend"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "xlsx", "png", "jpg", "jpeg"]
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = UPLOAD_MAX_BYTES
WAGTAILIMAGES_MAX_UPLOAD_SIZE = UPLOAD_MAX_BYTES
WAGTAILIMAGES_EXTENSIONS = ["png", "jpg", "jpeg", "webp"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# No WAGTAILAPI_BASE_URL: the API's detail_url and html_url come from the default Site record,
# which core.site keeps in step with SITE_URL.
WAGTAIL_USER_EDIT_FORM = "accounts.forms.WagtailUserEditForm"
WAGTAIL_USER_CREATION_FORM = "accounts.forms.WagtailUserCreationForm"
WAGTAIL_USER_CUSTOM_FIELDS = ["full_name"]
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
# No avatars from gravatar.com: they would send a hash of each staff member's email to an
# outside host on every admin page. The admin shows its built-in placeholder instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- allauth ---
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
# Behind a reverse proxy, count the proxies we trust so a forged X-Forwarded-For
# cannot give each request a fresh rate-limit bucket.
ALLAUTH_TRUSTED_PROXY_COUNT = int(env.get("TRUSTED_PROXY_COUNT", "0"))
STAFF_MFA_REQUIRED = env_bool("STAFF_MFA_REQUIRED", True)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
LOGIN_REDIRECT_URL = "/accounts/dashboard/"
LOGIN_URL = "account_login"

# --- Security headers that hold in every environment ---
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# Flash messages can name the person ("Successfully signed in as ..."): keep them in the
# server-side session, not in a cookie of their own.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Content Security Policy for the public site (django-csp 4). The Wagtail admin
# gets its own, looser policy from accounts.middleware (its editor needs inline styles).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "colloquium.security": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.security": {"handlers": ["console"], "level": "WARNING"},
        # Unhandled exceptions (500s) with their traceback, to stderr: gunicorn's log, the journal.
        # Django's own default sends them only to ADMINS by email, which is not configured.
        "django.request": {"handlers": ["console"], "level": "ERROR"},
    },
}
