"""Email to participants: one plain-text template per message, sent after the transaction commits.

Other apps may attach files to an email about a registration (the checkin app attaches the
e-ticket to the status email of an approved place) with the hook
`colloquium_registration_email_attachments` (see core.extensions), so colloquia imports none of them.
An attachment that costs work to make (a PDF to render) is *deferred*: the hook gives a callable
instead of the file, and the email is then sent from the task worker, which calls it, so the
request that approved the place never waits for a renderer.

Inside `in_background()` (the registrar's bulk actions) each email is queued as a task for the
worker instead, so that acting on many people at once never waits for the mail server.
"""

from contextlib import contextmanager, nullcontext
from contextvars import ContextVar

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task
from wagtail import hooks

from core.i18n import language_of
from core.site import absolute_url

from ..records import Registration
from .meetings import meeting_links

_in_background = ContextVar("colloquia_emails_in_background", default=False)
# The key of a deferred attachment: a callable returning the attachment's dict, or None to leave it out.
DEFERRED = "deferred"


def send_email(to, subject, template, context, attachments=(), language=None):
    """Render `template` (with `site_url`) and send it to one address now.

    With `language` ("hi"), the subject (a lazy string may be given) and the body are rendered in
    that language, the recipient's (`recipient_language`); without it, in the active language.

    Each attachment is a dict: `filename`, `content` (bytes), `mimetype` and, optionally, `note`:
    a sentence about the file, which the template prints from `attachment_notes`; or a deferred
    one (`{DEFERRED: callable}`), made here and left out if the callable gives None.
    """
    attachments = [
        attachment
        for attachment in (item[DEFERRED]() if DEFERRED in item else item for item in attachments)
        if attachment
    ]
    notes = [attachment["note"] for attachment in attachments if attachment.get("note")]
    with translation.override(language) if language else nullcontext():
        subject = str(subject)
        notes = [str(note) for note in notes]
        body = render_to_string(template, {"site_url": settings.SITE_URL, "attachment_notes": notes, **context})
    message = EmailMessage(subject, body, None, [to])
    for attachment in attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    message.send()


def recipient_language(registration):
    """The language to write to the person of `registration` in: their account's, or for a nominee
    with no account yet the language of the request that caused the email (else the default)."""
    if registration.user_id and registration.user is not None:
        return language_of(registration.user)
    return translation.get_language() or settings.LANGUAGE_CODE


def _subject(subject, page):
    """ "Your place is confirmed: <event>", `subject` (a msgid) translated in the active language."""
    return f"{gettext(subject)}: {page.title}"


def registration_email_attachments(registration, template):
    """The files the `colloquium_registration_email_attachments` hooks give an email about `registration`."""
    return [
        attachment
        for fn in hooks.get_hooks("colloquium_registration_email_attachments")
        for attachment in fn(registration, template)
    ]


@contextmanager
def in_background():
    """Within it, `notify` queues each email for the task worker (with the JSON-safe context it was given)."""
    token = _in_background.set(True)
    try:
        yield
    finally:
        _in_background.reset(token)


def _about(registration):
    """What every email about a registration may show; meeting links only with an approved place."""
    page = registration.page
    return {
        "registration": registration,
        "page": page,
        "page_url": page.full_url,
        "meeting_links": meeting_links(registration),
    }


def password_setup_url(user):
    """The address where `user`, whose account the site made for them, sets their first password."""
    arguments = {"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)}
    return absolute_url(reverse("account_reset_password_from_key", kwargs=arguments))


def _email_context(registration, context):
    """What the email is rendered with. `new_account=True` asks for the set-password link, made only
    now, when the email is sent: a queued task's arguments (stored in the database) never hold it."""
    context = dict(context)
    user = registration.user if context.pop("new_account", False) and registration.user_id else None
    if user is not None and not user.has_usable_password():
        context["set_password_url"] = password_setup_url(user)
    return {**_about(registration), **context}


@task()
def send_registration_email(registration_id, status, subject, template, context, language=None):
    """Send an email `notify` queued: about the registration as it was then (`status`), with `context`.

    `subject` is the msgid of the subject (the event's title is added here); the email is written
    in `language`, by default the recipient's (`recipient_language`: here, with no request, a
    nominee without an account gets the default language)."""
    registration = Registration.objects.select_related("page", "user").filter(pk=registration_id).first()
    if registration is None:
        return False  # deleted since (the person's data erased): there is no one to write to
    registration.status = status  # what the email is about, even if another change followed before the worker ran
    page = registration.page
    with translation.override(language or recipient_language(registration)):
        send_email(
            registration.email,
            # A task queued before subjects were translated carries the whole subject already.
            subject if subject.endswith(f": {page.title}") else _subject(subject, page),
            template,
            _email_context(registration, context),
            attachments=registration_email_attachments(registration, template),
        )
    return True


def notify(registration, subject, template, **context):
    """Email a participant about their registration after the transaction commits.

    From the task worker inside `in_background()`, and whenever an attachment is deferred (it is
    made there); otherwise from this process, right after the commit.
    `subject` is a msgid (marked with gettext_noop): the subject and the body are written in the
    recipient's language (`recipient_language`), and so are the attachments' notes.
    """
    page = registration.page
    language = recipient_language(registration)
    with translation.override(language):
        attachments = [] if _in_background.get() else registration_email_attachments(registration, template)
    if _in_background.get() or any(DEFERRED in attachment for attachment in attachments):
        # The worker writes in the recipient's language too (`recipient_language`).
        args = (registration.pk, registration.status, subject, template, context)
        transaction.on_commit(lambda: send_registration_email.enqueue(*args))
        return

    def send():
        with translation.override(language):
            send_email(
                registration.email,
                _subject(subject, page),
                template,
                _email_context(registration, context),
                attachments=attachments,
            )

    transaction.on_commit(send)
