"""Listen to courses: a completed module that gives a certificate gets one, in a background task.
Tell accounts when a person's certificates change, so their "My learning" is rebuilt."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.services import learner_records_changed
from courses.services import completion_details
from courses.signals import module_completed

from .models import Certificate
from .tasks import enqueue_on_commit, issue_for_enrolment


@receiver(module_completed, dispatch_uid="certificates.issue_on_module_completed")
def on_module_completed(sender, enrolment, **kwargs):
    if not completion_details(enrolment).get("gives_certificate"):
        return
    # The signal is already sent after commit; on_commit still guards a sender inside a transaction.
    enqueue_on_commit(issue_for_enrolment, enrolment._meta.label, enrolment.pk)


@receiver([post_save, post_delete], sender=Certificate, dispatch_uid="certificates.certificate_changed")
def on_certificate_changed(sender, instance, **kwargs):
    if instance.user_id is not None:
        learner_records_changed([instance.user_id])
