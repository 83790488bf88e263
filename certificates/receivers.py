"""Listen to courses: a completed module that gives a certificate gets one, in a background task."""

from django.dispatch import receiver

from courses.signals import module_completed

from .tasks import enqueue_on_commit, issue_for_enrolment


@receiver(module_completed, dispatch_uid="certificates.issue_on_module_completed")
def on_module_completed(sender, enrolment, **kwargs):
    from courses.services import completion_details

    if not completion_details(enrolment).get("gives_certificate"):
        return
    # The signal is already sent after commit; on_commit still guards a sender inside a transaction.
    enqueue_on_commit(issue_for_enrolment, enrolment._meta.label, enrolment.pk)
