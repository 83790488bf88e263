"""Placeholders in a message: the fixed list, the check at compose time, and filling them per recipient.

A message is plain text and is sent as text/plain only, so nothing in it, nor in a participant's
name, is ever read as HTML. The registrar's text is never run as a Django template either: filling
is one pass of a regular expression over it, so a value that itself looks like a placeholder (a
name typed as "{event}") goes in as it is and is not expanded again. In the subject, a value's line
breaks become spaces (an email header is one line).
"""

import re

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from colloquia.services import calendar_feed
from core.site import absolute_url

from .texts import texts

# The names are what registrars type, in every language; the meanings are translated.
PLACEHOLDERS = {
    "name": gettext_lazy("the participant's name"),
    "event": gettext_lazy("the event's title"),
    "dates": gettext_lazy("the event's dates"),
    "venue": gettext_lazy("the event's venue"),
    "calendar_link": gettext_lazy(
        "the participant's personal calendar feed (the event's calendar file for a nominee who has no account yet)"
    ),
    "event_link": gettext_lazy("the event's page"),
    "academy": gettext_lazy("the academy that holds the event"),
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
        found.append(
            ngettext(
                "Unknown placeholder %(names)s. Use only %(allowed)s.",
                "Unknown placeholders %(names)s. Use only %(allowed)s.",
                len(unknown),
            )
            % {"names": names, "allowed": allowed_list()}
        )
    stray = PLACEHOLDER_RE.sub("", text)
    if "{" in stray or "}" in stray:
        found.append(_("A brace without its partner: braces are only for placeholders, such as {name}."))
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


def date_span(start, end=None):
    """ "5 Mar 2026", or "5 Mar 2026 – 6 Mar 2026", with the month in the active language."""
    first = date_format(start, "j M Y")
    return first if end is None or end == start else f"{first} – {date_format(end, 'j M Y')}"


def event_values(page):
    """The values that are the same for every recipient of a message about `page` (the dates in the active language)."""
    academy = page.academy
    return {
        "event": page.title,
        "dates": date_span(page.start_date, page.end_date),
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
    """(subject, body) of `message` as `registration` receives it, in the active language (an automatic
    reminder's fixed text is translated; the caller activates the recipient's language)."""
    subject, body = texts(message)
    needed = used(subject, body)
    values = recipient_values(registration, page, needed, shared)
    return fill(subject, values, one_line=True), fill(body, values)
