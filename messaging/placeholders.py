"""Placeholders in a message: the fixed list, the check at compose time, and filling them per recipient.

A message is plain text and is sent as text/plain only, so nothing in it, nor in a participant's
name, is ever read as HTML. The registrar's text is never run as a Django template either: filling
is one pass of a regular expression over it, so a value that itself looks like a placeholder (a
name typed as "{event}") goes in as it is and is not expanded again. In the subject, a value's line
breaks become spaces (an email header is one line).
"""

import re

from django.urls import reverse

from colloquia.services import calendar_feed
from core.formatting import format_date_span
from core.site import absolute_url

PLACEHOLDERS = {
    "name": "the participant's name",
    "event": "the event's title",
    "dates": "the event's dates",
    "venue": "the event's venue",
    "calendar_link": "the participant's personal calendar feed (the event's calendar file for a nominee "
    "who has no account yet)",
    "event_link": "the event's page",
    "academy": "the academy that holds the event",
}
PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")


def allowed_list():
    return ", ".join(f"{{{name}}}" for name in PLACEHOLDERS)


def problems(text):
    """What is wrong with the placeholders in `text`, as sentences for the registrar ([] when nothing)."""
    found = []
    unknown = [name for name in dict.fromkeys(PLACEHOLDER_RE.findall(text)) if name not in PLACEHOLDERS]
    if unknown:
        names = ", ".join(f"{{{name}}}" for name in unknown)
        noun = "placeholder" if len(unknown) == 1 else "placeholders"
        found.append(f"Unknown {noun} {names}. Use only {allowed_list()}.")
    stray = PLACEHOLDER_RE.sub("", text)
    if "{" in stray or "}" in stray:
        found.append("A brace without its partner: braces are only for placeholders, such as {name}.")
    return found


def used(*texts):
    """The known placeholders that `texts` use."""
    return {name for text in texts for name in PLACEHOLDER_RE.findall(text) if name in PLACEHOLDERS}


def fill(text, values, *, one_line=False):
    """`text` with each known placeholder replaced by its value, in one pass."""

    def value(match):
        name = match.group(1)
        if name not in values:
            return match.group(0)
        filled = str(values[name])
        return " ".join(filled.split()) if one_line else filled

    return PLACEHOLDER_RE.sub(value, text)


def event_values(page):
    """The values that are the same for every recipient of a message about `page`."""
    academy = page.academy
    return {
        "event": page.title,
        "dates": format_date_span(page.start_date, page.end_date),
        "venue": page.venue,
        "event_link": page.full_url or "",
        "academy": academy.name if academy is not None else "",
    }


def calendar_link(registration, page):
    """The person's private calendar feed; a nominee without an account gets the event's own calendar file."""
    if registration.user_id is None:
        return f"{page.full_url}agenda.ics" if page.full_url else ""
    token = calendar_feed(registration.user).token
    return absolute_url(reverse("colloquia:personal_feed", args=[token]))


def recipient_values(registration, page, needed, shared=None):
    """The values for one recipient; the calendar feed is looked up (or made) only when `needed` asks for it."""
    values = dict(shared if shared is not None else event_values(page))
    user = registration.user if registration.user_id else None
    values["name"] = (user.full_name if user is not None else "") or registration.name
    if "calendar_link" in needed:
        values["calendar_link"] = calendar_link(registration, page)
    return values


def render(message, registration, page, shared=None):
    """(subject, body) of `message` as `registration` receives it."""
    needed = used(message.subject, message.body)
    values = recipient_values(registration, page, needed, shared)
    return fill(message.subject, values, one_line=True), fill(message.body, values)
