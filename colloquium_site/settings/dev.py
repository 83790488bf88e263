from .base import *  # noqa: F403
from .base import env

DEBUG = env.get("DEBUG", "1") not in {"0", "false", "False"}
# A fixed key is fine for a local machine only; production refuses to start without one.
SECRET_KEY = env.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
# Edited templates show at once while developing: no page cache unless asked for.
PAGE_CACHE_SECONDS = int(env.get("PAGE_CACHE_SECONDS", "0" if DEBUG else "300"))

# `make run` does not collect static files: with DEBUG on, runserver serves them from the finders.
# Plain storage (no manifest), so a `collectstatic` by hand copies only what changed.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
