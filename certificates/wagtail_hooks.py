from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from academies.permissions import AcademyScopedPermissionPolicy, AcademyScopedViewSetMixin
from academies.services import REGISTRAR, academies_for
from core.csv_export import listing_export_view

from . import admin_views, sections, services
from .models import Certificate, CertificateTemplate
from .viewsets import CertificateRegisterViewSet


class CertificateTemplateViewSet(AcademyScopedViewSetMixin, SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = gettext_lazy("Certificate templates")
    add_to_admin_menu = False
    list_display = ["name", "kind", "academy", "layout", "version", "is_active", "updated_at"]
    list_filter = ["kind", "is_active"]

    def get_queryset(self, request):
        qs = CertificateTemplate.objects.select_related("academy")
        return self.permission_policy.instances_user_has_any_permission_for(request.user, ["change"]) & qs


# Registrars see and edit their academies' templates, in the list and in every object
# view; the platform-wide ones (no academy) are for platform administrators.
register_permission_policy(
    CertificateTemplate,
    AcademyScopedPermissionPolicy(
        CertificateTemplate,
        scope=lambda user, qs: qs.filter(academy__in=academies_for(user, REGISTRAR)),
    ),
)
register_snippet(CertificateTemplateViewSet)

# The register: registrars see their academies' certificates; the national ones (no academy)
# are for platform administrators.
register_permission_policy(
    Certificate,
    AcademyScopedPermissionPolicy(
        Certificate, scope=lambda user, qs: qs.filter(academy__in=academies_for(user, REGISTRAR))
    ),
)
certificate_register = CertificateRegisterViewSet()


@hooks.register("register_admin_viewset")
def register_certificate_register():
    return certificate_register


@hooks.register("register_admin_urls")
def register_certificate_admin_urls():
    return [
        *admin_views.admin_urls(),
        # The register's CSV before the register had its own downloads: the same columns, same filters.
        path(
            "certificates/export.csv",
            listing_export_view(certificate_register.index_view),
            name="certificates_admin_csv",
        ),
    ]


class RegistrarMenuItem(MenuItem):
    def is_shown(self, request):
        return academies_for(request.user, REGISTRAR).exists()


@hooks.register("register_admin_menu_item")
def register_certificates_menu():
    items = [
        RegistrarMenuItem(
            gettext_lazy("Register"), reverse("certificates_register:index"), icon_name="list-ul", order=1
        ),
        RegistrarMenuItem(
            gettext_lazy("Issue for an event"), reverse("certificates_admin_events"), icon_name="plus", order=2
        ),
        RegistrarMenuItem(
            gettext_lazy("Templates"),
            reverse("wagtailsnippets_certificates_certificatetemplate:list"),
            icon_name="doc-full",
            order=3,
        ),
    ]
    return SubmenuMenuItem(gettext_lazy("Certificates"), Menu(items=items), icon_name="doc-full", order=260)


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    actions.register_action(
        "colloquium.certificate_issued", gettext_lazy("Issue certificate"), gettext_lazy("Certificate issued")
    )
    actions.register_action(
        "colloquium.certificate_revoked", gettext_lazy("Revoke certificate"), gettext_lazy("Certificate revoked")
    )
    actions.register_action(
        "colloquium.certificate_reissued", gettext_lazy("Re-issue certificate"), gettext_lazy("Certificate re-issued")
    )
    actions.register_action(
        "colloquium.certificate_serial_skipped",
        gettext_lazy("Skip a certificate serial"),
        gettext_lazy("Certificate serial skipped"),
    )
    actions.register_action(
        "colloquium.certificate_batch_started",
        gettext_lazy("Issue certificates for an event"),
        gettext_lazy("Certificate batch started"),
    )
    actions.register_action(
        "colloquium.certificate_batch_early",
        gettext_lazy("Issue certificates before the event ends"),
        gettext_lazy("Certificates issued before the event ended, with a reason"),
    )


# --- What this app adds to shared pages and features (the Colloquium hooks: see core.extensions) ---
hooks.register("colloquium_dashboard_sections", sections.dashboard, order=20)
hooks.register("colloquium_personal_data", services.export_personal_data, order=20)


@hooks.register("colloquium_page_cache_tags")
def page_cache_tags():
    # Only a certificate's own public verification page shows it: issuing a batch or revoking
    # one leaves every other cached page alone.
    return {"certificates.Certificate": lambda cert: [services.verification_tag(cert.verification_code)]}
