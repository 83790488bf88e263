"""The clock the attendance and eligibility rules read, and how they print a moment.

Tests move `now` (patch `colloquia.services.clock.now`) without moving Django's session clock.
"""

from django.utils import timezone


def now():
    """The clock attendance uses (tests move it without moving Django's session clock)."""
    return timezone.now()


def format_moment(value):
    """“09:30 IST on 12 Dec 2026”: an aware time as people at the event read it (in its own zone)."""
    return f"{value:%H:%M %Z} on {value.day} {value:%b %Y}"
