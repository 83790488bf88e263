"""Email to participants: one plain-text template per message, sent after the transaction commits."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string


def send_email(to, subject, template, context):
    """Render `template` (with `site_url`) and send it to one address now."""
    body = render_to_string(template, {"site_url": settings.SITE_URL, **context})
    send_mail(subject, body, None, [to])


def notify(registration, subject, template, **context):
    """Email a participant about their registration after the transaction commits."""
    page = registration.page
    transaction.on_commit(
        lambda: send_email(
            registration.email,
            f"{subject}: {page.title}",
            template,
            {"registration": registration, "page": page, "page_url": page.full_url, **context},
        )
    )
