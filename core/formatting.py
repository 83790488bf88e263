"""How money, hours and time zones are printed: one rule each, for templates, PDFs and emails.

Templates use the filters in `core.templatetags.formatting` (`rupees`, `hours`, `hours_figure`,
`time_zone_label`, `times_note`); Python code (PDF builders, certificate wording, emails) calls
these functions directly.

- Money: "Rs" and Indian digit grouping, the last three digits then pairs: Rs 1,95,000,
  Rs 1,00,00,000. Paise only when there are any (Rs 1,95,000.50). A negative amount prints
  as -Rs 1,000.
- Hours: at most two decimals, trailing zeros dropped: 2.5, 2.25, 3.
  `hours_phrase` adds the unit ("2.5 hours", "1 hour"); tables under an "Hours" heading and
  certificate wording ("{hours} hours") use the bare figure. CSV exports keep plain numbers.
- Time zones: the abbreviation and the offset from UTC on a given day, "IST (UTC+05:30)";
  a zone whose only abbreviation is numeric prints the offset alone, "UTC+04:00".
- Dates of an event in a listing: "5 Mar 2026", or "5 Mar 2026 – 6 Mar 2026" over several days
  (`format_date_span`, plain string formatting: a listing prints one per card).

Rounding is to the last printed digit, halves away from zero (Decimal's ROUND_HALF_UP).
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from django.utils import numberformat, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

__all__ = [
    "format_date_span",
    "format_hours",
    "format_rupees",
    "hours_phrase",
    "indian_digits",
    "time_zone_label",
    "times_note",
]

INDIAN_GROUPING = (3, 2, 0)  # 12,34,56,789: three digits, then twos (Python's locale notation)
CURRENCY = "Rs"
PAISA = Decimal("0.01")


def _decimal(value):
    """A Decimal from an int, Decimal, float or numeric string; floats via their shortest repr."""
    if isinstance(value, bool):
        raise TypeError("a boolean is not an amount")
    if isinstance(value, float):
        value = repr(value)
    number = Decimal(value) if isinstance(value, int | str) else value
    if not isinstance(number, Decimal):
        raise TypeError(f"cannot format {type(value).__name__} as a number")
    if not number.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return number


def indian_digits(value, decimal_places=0):
    """`value` with Indian digit grouping and exactly `decimal_places` decimals: 1,95,000."""
    number = _decimal(value).quantize(Decimal(1).scaleb(-decimal_places), rounding=ROUND_HALF_UP)
    text = numberformat.format(
        number,
        decimal_sep=".",
        decimal_pos=decimal_places,
        grouping=INDIAN_GROUPING,
        thousand_sep=",",
        force_grouping=True,
    )
    return "0" + text[2:] if text.startswith("-0") and not number else str(text)


def format_rupees(value):
    """Rs 1,95,000; Rs 1,95,000.50 when there are paise; -Rs 1,000 when negative."""
    amount = _decimal(value).quantize(PAISA, rounding=ROUND_HALF_UP)
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    places = 0 if amount == amount.to_integral_value() else 2
    return f"{sign}{CURRENCY} {indian_digits(amount, places)}"


def format_hours(value):
    """Hours as a bare figure: at most two decimals, trailing zeros dropped (2.50 -> 2.5)."""
    hours = _decimal(value).quantize(PAISA, rounding=ROUND_HALF_UP)
    text = f"{hours:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def hours_phrase(value):
    """Hours with their unit: "2.5 hours", "1 hour", "0 hours"."""
    figure = format_hours(value)
    return ngettext("%(hours)s hour", "%(hours)s hours", 1 if figure == "1" else 2) % {"hours": figure}


def format_date_span(start, end=None):
    """ "5 Mar 2026", or "5 Mar 2026 – 6 Mar 2026" when `end` is another day."""
    if translation.get_language() in (None, "en"):
        first = f"{start.day} {start:%b %Y}"  # plain formatting: a listing prints one per card
        return first if end is None or end == start else f"{first} – {end.day} {end:%b %Y}"
    # Another language's month names (Django's catalogue: 5 मार्च 2026).
    first = date_format(start, "j F Y")
    return first if end is None or end == start else f"{first} – {date_format(end, 'j F Y')}"


def time_zone_label(zone, on=None):
    """The zone's abbreviation and offset on the day `on`: "IST (UTC+05:30)" for Asia/Kolkata.

    `zone` is a ZoneInfo or an IANA name; `on` a date or datetime (today when None), which
    matters only for zones with summer time.
    """
    if isinstance(zone, str):
        zone = ZoneInfo(zone)
    if on is None:
        moment = datetime.datetime.now(zone)
    elif isinstance(on, datetime.datetime):
        moment = on.astimezone(zone) if on.tzinfo else on.replace(tzinfo=zone)
    else:
        moment = datetime.datetime.combine(on, datetime.time(12), tzinfo=zone)
    minutes = int(moment.utcoffset().total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    offset = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    abbreviation = moment.tzname() or ""
    if not abbreviation or abbreviation[0] in "+-" or abbreviation == "UTC":
        return offset
    return f"{abbreviation} ({offset})"


def times_note(zone, on=None):
    """The sentence printed above an agenda: "All times IST (UTC+05:30)"."""
    return gettext("All times %(zone)s") % {"zone": time_zone_label(zone, on)}
