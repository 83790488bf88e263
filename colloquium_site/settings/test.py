"""Settings for the test suite: fast hashing, in-memory cache and mail, tasks run at once."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The page cache is off in tests; tests/performance turns it on where it is under test.
PAGE_CACHE_SECONDS = 0
# The content generation (core.cache) of this test process alone: test runs and xdist workers
# side by side would otherwise bump each other's and rebuild each other's cached fragments.
PAGE_CACHE_MARKER = str(Path(tempfile.gettempdir()) / f"colloquium-test-generation-{os.getpid()}")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / ".test-media" / env.get("PYTEST_XDIST_WORKER", "main")
# Generated on first use, shared by the test processes (a race to create it is settled by os.link).
CREDENTIAL_SIGNING_KEY_FILE = BASE_DIR / ".test-media" / "credential-keys" / "signing-key.pem"
CREDENTIAL_RETIRED_KEY_FILES = []
CREDENTIAL_GENERATE_MISSING_KEY = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.search_backend"}}
ALLOWED_HOSTS = ["*"]
SITE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = SITE_URL
WHITENOISE_AUTOREFRESH = True
