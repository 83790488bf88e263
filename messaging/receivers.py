"""Listen to certificates: a certificate issued for an event whose "certificate ready" reminder is on
queues that reminder, in a background task."""

from django.db import transaction
from django.dispatch import receiver

from certificates.models import SourceKind
from certificates.signals import certificate_issued

from .models import ReminderKind
from .reminders import is_on
from .tasks import send_certificate_ready


@receiver(certificate_issued, dispatch_uid="messaging.certificate_ready")
def on_certificate_issued(sender, certificate, replaces=None, **kwargs):
    # A corrected copy (a re-issue) is announced by the certificates app's own email alone.
    if replaces is not None or certificate.user_id is None or certificate.source_kind != SourceKind.COLLOQUIUM:
        return
    if not is_on(certificate.source_id, ReminderKind.CERTIFICATE_READY):
        return
    page_id, user_id = certificate.source_id, certificate.user_id
    transaction.on_commit(lambda: send_certificate_ready.enqueue(page_id, user_id))
