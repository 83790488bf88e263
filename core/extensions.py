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
                                      | None: this reader's own                  lesson; the notes app's note)
  colloquium_staff_screen_prefixes    fn() -> path prefixes of staff screens     accounts.middleware.StaffMFAMiddleware
                                      outside /admin/ that need 2FA too
  colloquium_role_queue_scope         fn(verifier, users) -> the users whose     accounts.admin_views (role queue;
                                      roles the verifier may decide              none registered: everyone)
  colloquium_personal_data            fn(user) -> {"section": data}, merged      accounts.services.export_personal_data
                                      into the personal-data download
  colloquium_learner_notes            fn(user, module_page) -> [{"lesson",       offline_copies.views (the module
                                      "body_html", "updated_at"}]: the learner's PDF "with my notes"; offered only
                                      notes on the module, in lesson order       when an app registers it)
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
  colloquium_event_sanction           fn(page) -> the amount sanctioned as the   colloquia.extensions.mha_support (the
                                      support record holds it, or None           event page's MHA support line)
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
None shows nothing. Sections appear in the order of their `order` argument. On a page kept whole
per learner (a lesson, "My learning": core.learner_pages), a function that shows only public
content and the person's own records says so with `core.learner_pages.shows_own_records()` each
time it runs (`learner_section` does); if any does not, the page is rendered afresh every time.

Readers that run at start-up (the page cache's model watching, the staff prefixes of the MFA
middleware) call `hooks.get_hooks` only once the app registry is ready (AppConfig.ready, a
middleware's __init__): `get_hooks` then imports every app's `wagtail_hooks` module first, so
all hooks are registered when they are read.
"""

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from wagtail import hooks

from . import learner_pages
from .cache import cached_fragment, remember
from .learner_pages import learner_version

# Stands in for the CSRF token in cached HTML; the request's own token replaces it on the way out.
CSRF_PLACEHOLDER = "csrf0placeholder0b7e2d94"


def collect_sections(hook_name, request, **kwargs):
    """The sections the functions registered for `hook_name` return, in hook order."""
    sections = []
    for fn in hooks.get_hooks(hook_name):
        # On a page kept per learner, each section says whether it may be (core.learner_pages).
        with learner_pages.collecting_section(f"{fn.__module__}.{fn.__qualname__}"):
            section = fn(request, **kwargs)
        if section:
            sections.append(section)
    return sections


def learner_section(request, name, template, build):
    """A "My learning" section rendered once and kept until something it shows may have changed.

    None for a visitor who is not signed in. `build()` returns the section's data, or None to
    show nothing; it reads only public content and the person's own records (so the section
    declares `shows_own_records` for the page around it) and calls `learner_pages.changes_at` for
    a moment its content changes with the clock. The HTML is kept under the learner's version
    (`learner_version`, moved on whenever their own records change, see
    accounts.services.learner_records_changed), the content generation (page titles and URLs),
    the date (what is still upcoming) and the host (absolute links), until that moment.
    Forms in it keep working: the CSRF token is never cached but put in for each request.
    """
    user = request.user
    if not user.is_authenticated:
        return None
    learner_pages.shows_own_records()
    # date_joined: a new account that got an old id back (a rolled-back insert) is someone else.
    version = learner_version(user.pk)
    learner = f"{user.pk}.{user.date_joined.timestamp()}.{version}"
    # "kept2": what is kept is (html, until); a cache that outlives a deploy may still hold the older shape.
    key = f"learner.kept2.{name}.{learner}.{timezone.localdate().isoformat()}.{request.get_host()}"

    def render():
        with learner_pages.section_clock() as clock:
            data = build()
        context = {"section": data, "csrf_token": CSRF_PLACEHOLDER}
        html = "" if data is None else render_to_string(template, context, request)  # "" is kept: "nothing to show"
        return html, clock.until

    kept = None if version is None else cached_fragment(key)
    if isinstance(kept, tuple) and len(kept) == 2 and (kept[1] is None or timezone.now() < kept[1]):
        html = kept[0]
        learner_pages.changes_at(kept[1])
    else:
        html, until = render()
        if version is not None:
            remember(key, (html, until))
    if not html:
        return None
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return {"html": mark_safe(html)}  # noqa: S308 - output of an autoescaped template
