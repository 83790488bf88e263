"""The one CSV writer: every export streams through `csv_response`, every cell through `cell`.

A spreadsheet opening a CSV runs any cell that starts like a formula, so a name typed as
`=HYPERLINK("http://x")` would become a live link in the registrar's copy (CSV injection).
The rule, applied to every cell of every export:

- Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a single
  quote in front (`'=HYPERLINK(...)`, `'-2`, `'@SUM(A1)`), which spreadsheets show as text.
  Only the first character matters: "Jean-Luc" or "Ranchi - 834001" are written as they are.
  Text that merely looks like a number ("-2" typed as a name) is still text and is quoted.
- Numbers the program itself computed (int, Decimal, float) are written as numbers, negative
  ones included, so totals and scores stay numeric. Booleans are text ("True"/"False").
- Dates are ISO 8601 (2026-01-12); date-times are converted to the site's time zone and written
  to the second (2026-01-12T10:30:00+05:30). None is an empty cell.
"""

import csv
import datetime
from decimal import Decimal

from django.http import StreamingHttpResponse
from django.utils import timezone

__all__ = ["FORMULA_TRIGGERS", "cell", "csv_response", "csv_rows"]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """One value as the text a CSV cell holds, neutralised as the module docstring describes."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


class _Echo:
    """A file-like object whose write() hands the line back, for streaming (Django's docs)."""

    def write(self, value):
        return value


def csv_rows(header, rows):
    """The lines of a CSV file, one at a time: the header, then each row's neutralised cells."""
    writer = csv.writer(_Echo())
    yield writer.writerow([cell(name) for name in header])
    for row in rows:
        yield writer.writerow([cell(value) for value in row])


def csv_response(filename, header, rows):
    """A streamed CSV download; `rows` is any iterable of sequences (a queryset iterator keeps
    memory flat), read only as the response is sent."""
    response = StreamingHttpResponse(csv_rows(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
