"""Template filters for money, hours and time zones; the rules are in core.formatting.

    {% load formatting %}
    {{ page.amount_sanctioned|rupees }}                  Rs 1,95,000
    {{ total_hours|hours }}                              2.5 hours
    {{ cert.hours|hours_figure }}                        2.5 (under an "Hours" heading)
    {{ page.time_zone|time_zone_label:page.start_date }} IST (UTC+05:30)
    {{ page.time_zone|times_note:page.start_date }}      All times IST (UTC+05:30)

Like Django's own number filters, they print nothing for an empty or unreadable value rather
than breaking the page.
"""

from decimal import InvalidOperation
from zoneinfo import ZoneInfoNotFoundError

from django import template

from core import formatting

register = template.Library()

_UNREADABLE = (InvalidOperation, TypeError, ValueError)


def _or_blank(function, value, *args):
    if value is None or value == "":
        return ""
    try:
        return function(value, *args)
    except _UNREADABLE:
        return ""


@register.filter
def rupees(value):
    return _or_blank(formatting.format_rupees, value)


@register.filter
def hours(value):
    return _or_blank(formatting.hours_phrase, value)


@register.filter
def hours_figure(value):
    return _or_blank(formatting.format_hours, value)


@register.filter
def time_zone_label(zone, on=None):
    try:
        return _or_blank(formatting.time_zone_label, zone, on or None)
    except ZoneInfoNotFoundError:
        return zone


@register.filter
def times_note(zone, on=None):
    try:
        return _or_blank(formatting.times_note, zone, on or None)
    except ZoneInfoNotFoundError:
        return f"All times {zone}"
