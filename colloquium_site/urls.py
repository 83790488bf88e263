from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from certificates import views as certificate_views
from home import views as home_views

from .api import api_router

urlpatterns = [
    # The admin signs in through allauth, so its rate limits and two-factor step apply.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    # Wagtail's front-end login form (for private pages) would sign staff in with a password
    # alone, skipping allauth's rate limits and two-factor step: send it to allauth too.
    path("_util/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("language/", include("languages.urls")),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    # The public keys that sign certificates' Open Badges credentials (certificates.open_badges).
    path(".well-known/jwks.json", certificate_views.jwks, name="jwks"),
]

# What people read has an address per language: English without a prefix, Hindi under /hi/
# (languages.middleware, docs/languages.md).
urlpatterns += i18n_patterns(
    # allauth as it ships, its two-factor screens loaded on first request (accounts.allauth_urls).
    path("accounts/", include("accounts.allauth_urls")),
    path("accounts/", include("accounts.urls")),
    path("search/", home_views.search, name="search"),
    path("courses/", include("courses.urls")),
    path("notes/", include("notes.urls")),
    path("certificates/", include("certificates.urls")),
    path("resources/", include("resources.urls")),
    path("colloquia-registrations/", include("colloquia.urls")),
    path("checkin/", include("checkin.urls")),
    path("offline-copies/", include("offline_copies.urls")),
    path("registration-questions/", include("registration_questions.urls")),
    path("feedback/", include("feedback.urls")),
    # The apps' old prefixes, kept for emailed links, subscribed calendar feeds and bookmarks.
    path("learning/<path:rest>", RedirectView.as_view(url="/courses/%(rest)s", permanent=True, query_string=True)),
    path(
        "registrations/<path:rest>",
        RedirectView.as_view(url="/colloquia-registrations/%(rest)s", permanent=True, query_string=True),
    ),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL + "images/", document_root=settings.MEDIA_ROOT / "images")

# Wagtail's page serving catches everything else; keep it last. Pages route themselves in two
# queries whatever their depth (core.routing.PublicPageMixin.route).
urlpatterns += i18n_patterns(
    # A file a page serves from one of its routes (RoutablePageMixin), whose last component
    # has no trailing slash: `<colloquium page>agenda.ics` and `agenda.pdf`. Wagtail's pattern
    # only matches paths ending in "/"; the page resolves "agenda.ics" itself.
    re_path(r"^((?:[\w\-]+/)+agenda\.(?:ics|pdf))$", wagtail_views.serve),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "home.views.bad_request"
handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
