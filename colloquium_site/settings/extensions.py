"""Which feature apps fill the shared pages (see core.extensions), and the demo loaders.

Kept apart from base.py so each feature app adds its lines without touching the rest.
"""

# fn(request) -> section dict | None, shown on the home page in this order.
HOME_SECTIONS = [
    "colloquia.sections.home_upcoming",
    "courses.dashboard.featured_section",
    "resources.sections.recent_resources",
]
# fn(request, academy=...) -> section dict | None, shown on each academy's page.
ACADEMY_SECTIONS = [
    "courses.dashboard.academy_section",
    "colloquia.sections.academy_upcoming",
]
# fn(request) -> section dict | None, shown on "My learning".
DASHBOARD_SECTIONS = [
    "courses.dashboard.section",
    "certificates.sections.dashboard",
    "resources.sections.my_submissions",
    "colloquia.sections.my_colloquia",
]
# Staff screens outside /admin/ where staff must have two-factor authentication too.
STAFF_SCREEN_PREFIXES = ["/resources/moderation/"]
# fn(verifier, users) -> users: whose declared roles a verifier may decide.
ROLE_QUEUE_SCOPE = "academies.services.scope_role_queue"
# fn(user) -> {"section": data}, merged into the personal-data download.
PERSONAL_DATA_EXPORTERS = [
    "courses.services.export_personal_data",
    "certificates.services.export_personal_data",
    "resources.services.export_personal_data",
    "colloquia.services.export_personal_data",
]
# Models whose save or delete changes what anonymous visitors see: each one makes the page
# cache stale (core.cache). Page publish/unpublish/move/delete, sites, settings, images and
# documents are watched already; apps call core.cache.bump_generation() for anything else.
PAGE_CACHE_MODELS = [
    "academies.Academy",
    "academies.Signatory",
    "resources.Organisation",
    "resources.Resource",
    "resources.ResourceVersion",
    "colloquia.AgendaRevision",
    "certificates.Certificate",
    "wagtailcore.PageViewRestriction",
    "regions.State",  # core.routing keeps the restricted pages under the generation
]
# fn(stdout) -> number of objects created; run in order by `manage.py load_demo`.
DEMO_LOADERS = [
    "accounts.demo.load",
    "home.demo.load",
    "academies.demo.load",
    "courses.demo.load",
    "resources.demo.load",
    "colloquia.demo.load",
    "home.demo.link_hero",
    "certificates.demo.load",  # keep last: it reads what the courses and colloquia loaders made
]
