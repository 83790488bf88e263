"""The support records in the admin: the listing (a ModelViewSet), a record's screens, the audit log's words."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks

from colloquia.extensions import EVENT_SANCTION

from . import services, views
from .models import SupportRecord
from .services.documents import ACTION_CORRECTION, ACTION_SIGNED
from .services.money import ACTION_EXPENDITURE_REMOVED, ACTION_OPENED, ACTION_SANCTION
from .viewsets import support_record_viewset

# The event page shows the sanction as recorded here, and follows it (a page-cache tag per event).
hooks.register(EVENT_SANCTION, services.sanctioned_amount)
hooks.register("colloquium_page_cache_tags", services.page_cache_tags)


@hooks.register("register_admin_viewset")
def register_support_records():
    return support_record_viewset


@hooks.register("register_admin_urls")
def register_support_urls():
    record = "support/<int:pk>/"
    return [
        path("support/open/", views.open_records, name="support_open"),
        path(record, views.record_detail, name="support_record"),
        path(f"{record}proposal/", views.proposal, name="support_proposal"),
        path(f"{record}sanction/", views.sanction, name="support_sanction"),
        path(f"{record}expenditure/add/", views.add_expenditure, name="support_add_expenditure"),
        path(
            f"{record}expenditure/<int:entry_id>/remove/", views.remove_expenditure, name="support_remove_expenditure"
        ),
        path(f"{record}photographs/add/", views.add_photograph, name="support_add_photograph"),
        path(f"{record}photographs/<int:photo_id>/remove/", views.remove_photograph, name="support_remove_photograph"),
        path(f"{record}refund/", views.refund, name="support_refund"),
        path(f"{record}sign/", views.sign, name="support_sign"),
        path(f"{record}correct/", views.correct, name="support_correct"),
        path(f"{record}documents/<slug:kind>.pdf", views.document, name="support_document"),
        path(f"{record}versions/<int:number>/<slug:kind>.pdf", views.signed_document, name="support_signed_document"),
        path(f"{record}vouchers/<int:entry_id>/<str:name>", views.voucher, name="support_voucher"),
        path(f"{record}photographs/<int:photo_id>/<str:name>", views.photograph, name="support_photograph"),
    ]


@hooks.register("register_log_actions")
def register_support_log_actions(actions):
    for action, label, message in [
        (ACTION_OPENED, gettext_lazy("Open a support record"), gettext_lazy("Support record opened")),
        (ACTION_SANCTION, gettext_lazy("Record a sanction"), gettext_lazy("Sanction recorded")),
        (
            ACTION_EXPENDITURE_REMOVED,
            gettext_lazy("Remove an expenditure entry"),
            gettext_lazy("Expenditure entry removed"),
        ),
        (
            ACTION_SIGNED,
            gettext_lazy("Sign a utilisation certificate"),
            gettext_lazy("Utilisation certificate signed; record locked"),
        ),
        (ACTION_CORRECTION, gettext_lazy("Open a correction"), gettext_lazy("Correction opened as a new version")),
    ]:
        actions.register_action(action, label, message)


@hooks.register("before_delete_page")
def keep_events_with_accounts(request, page):
    """An event with a support record (or a section holding one) stays: its accounts must."""
    records = SupportRecord.objects.filter(event__path__startswith=page.path).select_related("event")
    record = records.first()
    if record is None:
        return None
    messages.error(
        request,
        _(
            "“%(event)s” has an MHA support record, so it cannot be deleted: its accounts must stay. "
            "Unpublish it instead."
        )
        % {"event": record.event.title},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
