"""Let one app show pieces of others without importing them: the Colloquium hooks.

Each feature app registers functions with Wagtail hooks in its own `wagtail_hooks.py`
(`hooks.register("colloquium_home_sections", fn, order=N)`); the reader calls
`hooks.get_hooks(name)`, which returns them sorted by `order`. So `home`, `academies`,
`accounts` and `core` stay ignorant of the feature apps that fill them. The hooks:

  Hook                                Each registered function                   Read by
  ----------------------------------  -----------------------------------------  -----------------------------------
  colloquium_home_sections            fn(request) -> section | None              home.models.HomePage
  colloquium_academy_sections         fn(request, academy=) -> section | None    academies.models.AcademyPage
  colloquium_dashboard_sections       fn(request) -> section | None              accounts.views.dashboard
  colloquium_lesson_sections          fn(request, lesson=, module=) -> section   courses.models.LessonPage (under the
                                      | None: this reader's own, never cached    lesson; the notes app's note)
  colloquium_staff_screen_prefixes    fn() -> path prefixes of staff screens     accounts.middleware.StaffMFAMiddleware
                                      outside /admin/ that need 2FA too
  colloquium_role_queue_scope         fn(verifier, users) -> the users whose     accounts.admin_views (role queue;
                                      roles the verifier may decide              none registered: everyone)
  colloquium_personal_data            fn(user) -> {"section": data}, merged      accounts.services.export_personal_data
                                      into the personal-data download
  colloquium_registration_email_       fn(registration, template) -> [{filename,  colloquia.services.emails.notify
  attachments                         content, mimetype, note}] to attach to     (an email with a deferred one is
                                      an email about that registration, or       sent from the task worker, which
                                      {DEFERRED_ATTACHMENT: fn() -> that dict    calls fn: a PDF is never rendered
                                      | None} for a file costly to make          in the request)
  colloquium_registration_export_     fn(event_page) -> [(heading, fn(regis-     colloquia.viewsets (the registration
  columns                             tration) -> value)]: columns added to      list's CSV and XLSX), once per
                                      that event's registration download         download: load per event, not per row
  colloquium_event_panels             fn() -> Wagtail panels shown in the        colloquia.extensions.PanelsFromHook,
                                      colloquium page's content tab              when the edit handler is built
  colloquium_registration_form_       fn(page, data=None, files=None) -> a form  colloquia.routes.register,
  extensions                          with save(registration) and discard(),     colloquia.views.invitation
                                      or None (see colloquia.extensions)
  colloquium_event_sections           fn(request, page=) -> section | None:      colloquia.models.ColloquiumPage
                                      shown in the event page's side column      (get_context)
  colloquium_event_admin_links        fn(request, page) -> [{"label", "url"}]:   colloquia.admin_views.event_detail
                                      the registrar's screens of that event in   (the event's registrar screen),
                                      other apps ([] for a user without them)    for its registrars only
  colloquium_page_cache_models        fn() -> labels ("app.Model") whose save    core.receivers (page cache), once,
                                      or delete makes every cached page stale    from CoreConfig.ready
  colloquium_page_cache_tags          fn() -> {label: fn(instance) -> tags}:     core.receivers, as above; pages
                                      a save or delete makes stale only the      declare tags with
                                      pages that declared those tags (apps may   core.cache.depends_on
                                      name the same model: all their tags)
  colloquium_co_organised_events      fn(academies) -> ids of the events those   colloquia.sections (academy page),
                                      academies co-organise (a subquery), beside colloquia.services.listing (an
                                      the ones in their own section              academy's calendar and archive)

A section dict has at least "template" (or "html", already rendered: see `learner_section`);
None shows nothing. Sections appear in the order of their `order` argument.

Readers that run at start-up (the page cache's model watching, the staff prefixes of the MFA
middleware) call `hooks.get_hooks` only once the app registry is ready (AppConfig.ready, a
middleware's __init__): `get_hooks` then imports every app's `wagtail_hooks` module first, so
all hooks are registered when they are read.
"""

import logging
import os
import time
from pathlib import Path

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from wagtail import hooks

from .cache import is_process_local, marker_path, memoize, page_cache

# Stands in for the CSRF token in cached HTML; the request's own token replaces it on the way out.
CSRF_PLACEHOLDER = "csrf0placeholder0b7e2d94"

logger = logging.getLogger("colloquium.cache")


def collect_sections(hook_name, request, **kwargs):
    """The sections the functions registered for `hook_name` return, in hook order."""
    sections = []
    for fn in hooks.get_hooks(hook_name):
        section = fn(request, **kwargs)
        if section:
            sections.append(section)
    return sections


def learner_section(request, name, template, build):
    """A "My learning" section rendered once and kept until something it shows may have changed.

    None for a visitor who is not signed in. `build()` returns the section's data, or None to
    show nothing. The HTML is kept under the learner's version (`learner_version`, moved on
    whenever their own records change, see accounts.services.learner_records_changed), the
    content generation (page titles and URLs), the date (what is still upcoming) and the host
    (absolute links).
    Forms in it keep working: the CSRF token is never cached but put in for each request.
    """
    user = request.user
    if not user.is_authenticated:
        return None
    # date_joined: a new account that got an old id back (a rolled-back insert) is someone else.
    version = learner_version(user.pk)
    learner = f"{user.pk}.{user.date_joined.timestamp()}.{version}"
    key = f"learner.{name}.{learner}.{timezone.localdate().isoformat()}.{request.get_host()}"

    def render():
        data = build()
        context = {"section": data, "csrf_token": CSRF_PLACEHOLDER}
        return "" if data is None else render_to_string(template, context, request)  # "" is kept: "nothing to show"

    html = render() if version is None else memoize(key, render)
    if not html:
        return None
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return {"html": mark_safe(html)}  # noqa: S308 - output of an autoescaped template


# A learner's version is never kept in the database, so reading it costs no query. With a shared
# cache (CACHE_URL) it is a key in that cache, beside the sections it keys. With the process-local
# cache every worker process on the machine keeps its own copy of the sections, so the version
# must be seen by them all, as the content generation is (core.cache): it is the modification
# time of a file per learner beside the generation's marker file, read with one stat().


def _learner_version_key(user_id):
    return f"learner-version.{user_id}"


def _learner_marker(user_id):
    return Path(f"{marker_path()}-learners") / str(int(user_id))


def learner_version(user_id):
    """The version this learner's "My learning" sections are kept under, or None if it cannot be known."""
    try:
        if is_process_local():
            try:
                return _learner_marker(user_id).stat().st_mtime_ns
            except FileNotFoundError:
                return 0  # not changed since the machine's temp directory was made
        store, key = page_cache(), _learner_version_key(user_id)
        version = store.get(key)
        if version is None:
            # Start from the clock, so a version lost with an evicted key never repeats an old one.
            store.add(key, time.time_ns(), timeout=None)
            version = store.get(key)
        return version
    except Exception:  # a cache outage must not take the dashboard down; build it uncached
        logger.exception("learner version: cannot read it")
        return None


def new_learner_versions(user_ids):
    """Move these learners' versions on: their sections are built again on their next visit."""
    for user_id in user_ids:
        try:
            if is_process_local():
                _touch_later(_learner_marker(user_id))
            else:
                store, key = page_cache(), _learner_version_key(user_id)
                try:
                    store.incr(key)
                except ValueError:  # not read since it was evicted (or ever): start from the clock
                    store.set(key, time.time_ns(), timeout=None)
        except Exception:
            logger.exception("learner version: cannot move it on for user %s", user_id)


def _touch_later(path):
    """Give `path` a modification time later than it had (creating it and its folder if need be)."""
    path.parent.mkdir(exist_ok=True)
    try:
        previous = path.stat().st_mtime_ns
    except FileNotFoundError:
        previous = 0
        path.touch()
    new = max(time.time_ns(), previous + 1)
    os.utime(path, ns=(new, new))
