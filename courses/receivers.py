"""Tell accounts when a learner's own course records change, so their "My learning" is rebuilt."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.services import learner_records_changed

from .models import Attempt, Enrolment, LessonProgress


@receiver([post_save, post_delete], sender=Enrolment, dispatch_uid="courses.enrolment_changed")
def on_enrolment_changed(sender, instance, **kwargs):
    learner_records_changed([instance.user_id])


@receiver([post_save, post_delete], sender=LessonProgress, dispatch_uid="courses.progress_changed")
@receiver([post_save, post_delete], sender=Attempt, dispatch_uid="courses.attempt_changed")
def on_step_changed(sender, instance, **kwargs):
    learner_records_changed(Enrolment.objects.filter(pk=instance.enrolment_id).values("user_id"))
