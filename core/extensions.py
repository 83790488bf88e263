"""Let one app show pieces of others without importing them.

A setting lists dotted paths to functions; each takes the request (and
optionally a page) and returns a dict with at least "template" (or "html",
already rendered: see `learner_section`), or None to show nothing. The home
page, an academy page and the learner's dashboard are assembled this way, so
`accounts` and `academies` stay ignorant of the feature apps that fill them.
"""

from django.conf import settings
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.safestring import mark_safe

from .cache import memoize

# Stands in for the CSRF token in cached HTML; the request's own token replaces it on the way out.
CSRF_PLACEHOLDER = "csrf0placeholder0b7e2d94"


def collect_sections(setting_name, request, **kwargs):
    sections = []
    for path in getattr(settings, setting_name, []):
        section = import_string(path)(request, **kwargs)
        if section:
            sections.append(section)
    return sections


def learner_section(request, name, template, build):
    """A "My learning" section rendered once and kept until something it shows may have changed.

    None for a visitor who is not signed in. `build()` returns the section's data, or None to
    show nothing. The HTML is kept under the learner's `learning_version` (bumped whenever their
    own records change, see accounts.services.learner_records_changed), the content generation
    (page titles and URLs), the date (what is still upcoming) and the host (absolute links).
    Forms in it keep working: the CSRF token is never cached but put in for each request.
    """
    user = request.user
    if not user.is_authenticated:
        return None
    # date_joined: a new account that got an old id back (a rolled-back insert) is someone else.
    learner = f"{user.pk}.{user.date_joined.timestamp()}.{user.learning_version}"
    key = f"learner.{name}.{learner}.{timezone.localdate().isoformat()}.{request.get_host()}"

    def render():
        data = build()
        context = {"section": data, "csrf_token": CSRF_PLACEHOLDER}
        return "" if data is None else render_to_string(template, context, request)  # "" is kept: "nothing to show"

    html = memoize(key, render)
    if not html:
        return None
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return {"html": mark_safe(html)}  # noqa: S308 - output of an autoescaped template
