"""The fixed texts of the automatic reminders, and the texts of a message in the recipient's language.

A reminder's subject and body are stored with its message in English (they are the msgids) and
translated as the message is rendered for each person (`texts`), in their language
(core.i18n.language_of); their {placeholders} are filled after translation. A registrar's own
message is data: it goes as written.
"""

from django.utils.translation import gettext, gettext_noop

from .models import ReminderKind

K = ReminderKind

TEXTS = {
    K.WEEK_BEFORE: (
        gettext_noop("Reminder: {event}, {dates}"),
        gettext_noop(
            "Dear {name},\n\n"
            "This is a reminder that you have a place at {event}, on {dates} at {venue}.\n\n"
            "The agenda and the details: {event_link}\n"
            "Your calendar of the events you attend: {calendar_link}\n\n"
            "If you can no longer attend, please withdraw on the event's page, so that your place "
            "can go to someone on the waiting list.\n\n"
            "— {academy}"
        ),
    ),
    K.DAY_BEFORE: (
        gettext_noop("{event} begins soon: {dates}"),
        gettext_noop(
            "Dear {name},\n\n"
            "{event} begins soon: {dates}, at {venue}. We look forward to seeing you.\n\n"
            "The agenda, with the times of each session: {event_link}\n"
            "Your calendar of the events you attend: {calendar_link}\n\n"
            "— {academy}"
        ),
    ),
    K.CERTIFICATE_READY: (
        gettext_noop("Your certificate for {event} is ready"),
        gettext_noop(
            "Dear {name},\n\n"
            "Thank you for taking part in {event} ({dates}, {venue}). Your certificate of attendance "
            "is ready: download it from your certificates on the site, where anyone can also check it.\n\n"
            "The event's page: {event_link}\n\n"
            "— {academy}"
        ),
    ),
}
_STANDARD = {text for pair in TEXTS.values() for text in pair}


def texts(message):
    """(subject, body) of `message` in the active language: an automatic reminder's standard texts are
    translated; a registrar's message is sent as written."""
    subject, body = message.subject, message.body
    if not message.reminder:
        return subject, body
    return (gettext(subject) if subject in _STANDARD else subject, gettext(body) if body in _STANDARD else body)
