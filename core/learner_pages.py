"""Signed-in pages kept whole, per learner: a lesson, "My learning".

Such a page shows public content and the signed-in person's own records, nothing else, so it
can be kept until one of them changes, as the anonymous page cache keeps public pages. Two
things say when a kept page is stale:
- the learner's *version* (`learner_version`), which moves on whenever their own records change
  (accounts.services.learner_records_changed: enrolments, progress, attempts, registrations,
  attendance, certificates, notes, organisation membership), never kept in the database, so
  reading it costs no query;
- the key's other parts: the content generation (core.cache: publishing, settings, menus), the
  page-cache tags the render declared (core.cache.depends_on), what the header shows of the
  person (name, email, role and its status), the date, the language, the host and the URL.

What decides whether a page may be kept is declared where the data is read, never assumed: a
page is kept only if every section other apps put on it (core.extensions.collect_sections)
declared, while it was built, that it shows nothing but the person's own records and public
content (`shows_own_records`). A section that changes with the clock names the moment
(`changes_at`): the page is kept until then. A section that declares nothing (a CSO member's
submissions, which moderators decide) leaves the page to be rendered afresh every time.

Never kept: staff (the Wagtail user bar and permissions), a request with a message waiting or
one whose render showed or added a message or changed the session, a browser without a CSRF
cookie yet, anything but a 200. Forms keep working and stay safe: the key holds a digest of the
browser's CSRF secret, and every token in a kept page is replaced by a fresh one for each
request, so no masked token is ever sent twice (BREACH).
"""

import contextlib
import contextvars
import hashlib
import logging
import os
import re
import time
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation

from . import cache as content_cache

logger = logging.getLogger("colloquium.cache")

CSRF_INPUT = re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]+(")')
CSRF_SLOT = "csrf0slot0c41f8a7"


# --- what a page being rendered declares -----------------------------------------------------------


@dataclass
class _Recording:
    keepable: bool = True
    declared: bool = False  # by the section being collected now
    until: datetime | None = None
    notes: list = field(default_factory=list)


_recording = contextvars.ContextVar("learner_page_recording", default=None)


def shows_own_records():
    """Declare that the section being built shows only public content and the signed-in person's
    own records (which learner_records_changed announces), so a page of such sections may be kept."""
    recording = _recording.get()
    if recording is not None:
        recording.declared = True


def changes_at(moment):
    """Declare that what the page being built shows changes at `moment` (an aware datetime): a form
    opens or closes. A kept page is rendered afresh from then on."""
    recording = _recording.get()
    if recording is not None and moment is not None and (recording.until is None or moment < recording.until):
        recording.until = moment


@contextlib.contextmanager
def section_clock():
    """While one section is built on its own: yields a record whose `until` is the moment its
    content changes (see `changes_at`), which also reaches the page around it."""
    outer = _recording.get()
    inner = _Recording()
    token = _recording.set(inner)
    try:
        yield inner
    finally:
        _recording.reset(token)
        if outer is not None:
            changes_at(inner.until)


@contextlib.contextmanager
def collecting_section(name):
    """Around each section a page collects from another app: a section that declares nothing makes
    the page one that is never kept (see `shows_own_records`)."""
    recording = _recording.get()
    if recording is None:
        yield
        return
    recording.declared = False
    try:
        yield
    finally:
        if not recording.declared:
            recording.keepable = False
            recording.notes.append(name)
        recording.declared = False


# --- the learner's version -----------------------------------------------------------------------
# With a shared cache (CACHE_URL) it is a key in that cache, beside what it keys. With the
# process-local cache every worker process on the machine keeps its own copy, so the version must
# be seen by them all, as the content generation is (core.cache): it is the modification time of
# a file per learner beside the generation's marker file, read with one stat().


def _learner_version_key(user_id):
    return f"learner-version.{user_id}"


def _learner_marker(user_id):
    # Text, not a Path: read with os.stat on every signed-in page, where building a Path costs more than the stat.
    return f"{content_cache.marker_path()}-learners/{int(user_id)}"


def learner_version(user_id):
    """The version this learner's kept pages and sections are kept under, or None if it cannot be known."""
    try:
        if content_cache.is_process_local():
            try:
                return os.stat(_learner_marker(user_id)).st_mtime_ns
            except FileNotFoundError:
                return 0  # not changed since the machine's temp directory was made
        store, key = content_cache.page_cache(), _learner_version_key(user_id)
        version = store.get(key)
        if version is None:
            # Start from the clock, so a version lost with an evicted key never repeats an old one.
            store.add(key, time.time_ns(), timeout=None)
            version = store.get(key)
        return version
    except Exception:  # a cache outage must not take the dashboard down; build it uncached
        content_cache.log_unavailable("learner version: cannot read it")
        return None


def _version_and_generation(user_id):
    """(the learner's version, the content generation) a kept page is keyed with; either None if unknown.

    With a shared cache both are keys in it, read in one round trip (a kept page is then a second); one
    missing (evicted, or never read) is started as `learner_version` and `current_generation` start it.
    """
    if not content_cache.is_process_local():
        version_key = _learner_version_key(user_id)
        try:
            found = content_cache.page_cache().get_many([version_key, content_cache.GENERATION_KEY])
        except Exception:  # a cache outage must not take the page down; build it uncached
            content_cache.log_unavailable("learner page: cannot read the learner's version and the content generation")
            return None, None
        version, generation = found.get(version_key), found.get(content_cache.GENERATION_KEY)
        if version is not None and generation is not None:
            return version, generation
    return learner_version(user_id), content_cache.current_generation()


def new_learner_versions(user_ids):
    """Move these learners' versions on: what is kept for them is built again on their next visit."""
    for user_id in user_ids:
        try:
            if content_cache.is_process_local():
                _touch_later(Path(_learner_marker(user_id)))
            else:
                store, key = content_cache.page_cache(), _learner_version_key(user_id)
                try:
                    store.incr(key)
                except ValueError:  # not read since it was evicted (or ever): start from the clock
                    store.set(key, time.time_ns(), timeout=None)
        except Exception:
            logger.exception("learner version: cannot move it on for user %s", user_id)


def _touch_later(path):
    """Give `path` a later modification time, creating its folder first if need be."""
    path.parent.mkdir(exist_ok=True)
    content_cache.touch_later(path)


# --- whole pages ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeptPage:
    content: str  # the HTML, each CSRF token replaced by CSRF_SLOT
    content_type: str
    tags: dict  # {tag: generation} the render declared (core.cache.depends_on)
    until: datetime | None


def learner_page(request, name, render, *, on_hit=None):
    """The response of `render()` for the signed-in person, kept for them while it stays true.

    `name` tells the views apart (with the URL); `render()` returns the view's response; `on_hit()`
    runs when a kept page is served, for what a visit must still do (a lesson counts the time on
    its module). Anyone else, or a page that may not be kept, gets `render()` as it is.
    """
    key = _key(request, name)
    if key is None:
        return render()
    store = content_cache.page_cache()
    kept = _read(store, key)
    if (
        kept is not None
        and content_cache.still_fresh(kept.tags)
        and (kept.until is None or timezone.now() < kept.until)
    ):
        if on_hit is not None:
            on_hit()
        response = HttpResponse(kept.content.replace(CSRF_SLOT, get_token(request)), content_type=kept.content_type)
        response["X-Page-Cache"] = "learner-hit"
        return response
    recording = _Recording()
    token = _recording.set(recording)
    try:
        with content_cache.recording_dependencies() as tags:
            response = render()
            if hasattr(response, "render") and callable(response.render):
                response.render()
    finally:
        _recording.reset(token)
    if recording.keepable and _may_keep(request, response):
        content = CSRF_INPUT.sub(rf"\g<1>{CSRF_SLOT}\g<2>", response.content.decode(response.charset))
        kept = KeptPage(content, response["Content-Type"], dict(tags), recording.until)
        if _keep(store, key, kept):
            response["X-Page-Cache"] = "learner-miss"
    elif recording.notes:
        logger.debug("learner page %s not kept: sections %s declared nothing", name, ", ".join(recording.notes))
    return response


def _read(store, key):
    try:
        return store.get(key)
    except Exception:  # the shared cache went away after the version was read: render the page
        content_cache.log_unavailable("learner page: cannot read the kept page")
        return None


def _keep(store, key, kept):
    try:
        store.set(key, kept, content_cache.timeout())
        return True
    except Exception:
        content_cache.log_unavailable("learner page: cannot keep the page")
        return False


def _key(request, name):
    """The key `request` would be kept under, or None when it may not be kept at all."""
    user = request.user
    if request.method != "GET" or not content_cache.timeout() or getattr(request, "is_preview", False):
        return None
    if not user.is_authenticated or user.is_staff:
        return None
    csrf_secret = request.META.get("CSRF_COOKIE")
    if not csrf_secret or len(get_messages(request)):
        return None
    version, generation = _version_and_generation(user.pk)
    if version is None or generation is None:
        return None
    # What the header and the pages show of the person; date_joined tells apart an account that
    # got an old id back (a rolled-back insert).
    person = "|".join(
        str(part)
        for part in (
            user.pk,
            user.date_joined.timestamp(),
            user.full_name,
            user.email,
            user.role,
            user.role_status,
            csrf_secret,
            request.get_host(),
            request.scheme,
            request.get_full_path(),
        )
    )
    digest = hashlib.sha256(f"{person}|{code_fingerprint()}".encode()).hexdigest()[:32]
    language = translation.get_language()
    return f"learnerpage.{name}.{user.pk}.{version}.{generation}.{timezone.localdate().isoformat()}.{language}.{digest}"


@lru_cache(maxsize=1)
def code_fingerprint():
    """A hash of the project's code and templates (and Django's and Wagtail's versions), once per process.

    A page kept by one release is never served by the next, even from a cache that outlives the
    processes (CACHE_URL): a new template, section or hook changes what the page shows. The same
    files give the same hash on every app server, so they share what they keep.
    """
    digest = hashlib.sha256(f"{django.__version__}|{wagtail.__version__}".encode())
    base = Path(settings.BASE_DIR).resolve()
    # The project's own apps (top-level folders; installed packages are named by version above).
    folders = {Path(config.path).resolve() for config in apps.get_app_configs()} - {base}
    folders = {folder for folder in folders if folder.parent == base}
    folders |= {Path(folder).resolve() for engine in settings.TEMPLATES for folder in engine.get("DIRS", [])}
    for folder in sorted(folders):
        files = [path for path in folder.rglob("*.py") if "migrations" not in path.parts]
        for path in sorted([*files, *folder.rglob("*.html")]):
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    # The translations a page is rendered with (locale/<language>/LC_MESSAGES/*.po).
    for path in sorted(p for folder in settings.LOCALE_PATHS for p in Path(folder).glob("*/LC_MESSAGES/*.po")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _may_keep(request, response):
    if response.status_code != 200 or getattr(response, "streaming", False):
        return False
    if response.has_header("Set-Cookie") or response.cookies:
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    # A message shown on this page marks the storage used; one added is waiting for the next page.
    messages = get_messages(request)
    return not getattr(messages, "used", False) and not len(messages)
