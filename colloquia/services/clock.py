"""The clock the attendance and eligibility rules read, and how they print a moment.

Tests move `now` (patch `colloquia.services.clock.now`) without moving Django's session clock.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


def now():
    """The clock attendance uses (tests move it without moving Django's session clock)."""
    return timezone.now()


def format_moment(value):
    """“09:30 IST on 12 Dec 2026”: an aware time as people at the event read it (in its own zone)."""
    return _("%(time)s on %(date)s") % {"time": f"{value:%H:%M %Z}", "date": date_format(value, "j M Y")}
