"""Background work: the feedback reminder emails (django-tasks; `manage.py worker` with TASKS_BACKEND=database)."""

from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Page

from accounts.models import User
from colloquia.services import send_email
from core.i18n import language_of
from core.site import absolute_url

from . import services


@task()
def send_feedback_reminder(page_id, user_id):
    """Email one person the reminder, unless they answered since it was queued. Returns whether it was sent."""
    page = Page.objects.live().filter(pk=page_id).specific().first()
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if page is None or user is None or services.has_answered(page, user):
        return False
    state = services.feedback_state(page, user)
    if not state["can_answer"]:
        return False
    # In the person's language: the subject, the fixed text and the form's address (/hi/… for Hindi).
    with translation.override(language_of(user)):
        send_email(
            user.email,
            _("Your feedback on %(event)s") % {"event": page.title},
            "feedback/email/reminder.txt",
            {
                "name": user.full_name or user.email,
                "page": page,
                "form_url": absolute_url(reverse("feedback:form", args=[page.pk])),
                "closes": state["closes"],
                "named": state["named"],
                "academy": page.academy.name if page.academy else "",
            },
        )
    return True


def queue_feedback_reminders(now=None):
    """Queue every feedback reminder due at `now`; the emails leave from the worker. Returns how many."""
    queued = services.queue_feedback_reminders(now)
    for page_id, user_id in queued:
        transaction.on_commit(lambda page_id=page_id, user_id=user_id: send_feedback_reminder.enqueue(page_id, user_id))
    return len(queued)
