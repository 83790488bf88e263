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

The admin's listings export through Wagtail's `list_export` (CSV and XLSX); their index views
mix in `SafeSpreadsheetExportMixin`, so those downloads follow the same rule: the CSV is written
by `csv_response`, and every XLSX cell, headings included, passes through `spreadsheet_cell`
(`cell`, except that dates stay dates a spreadsheet can sort).
"""

import csv
import datetime
from decimal import Decimal

from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import cached_property

__all__ = [
    "FORMULA_TRIGGERS",
    "SafeSpreadsheetExportMixin",
    "cell",
    "csv_response",
    "csv_rows",
    "listing_export_view",
    "spreadsheet_cell",
]

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


def spreadsheet_cell(value):
    """One value as an XLSX cell holds it: as `cell`, but a date or date-time stays one.

    A date-time is written in the site's time zone without a zone (spreadsheets have none).
    """
    if isinstance(value, datetime.datetime):
        return timezone.make_naive(value) if timezone.is_aware(value) else value
    if isinstance(value, datetime.date):
        return value
    return cell(value)


class SafeSpreadsheetExportMixin:
    """For a Wagtail index view with `list_export`: its CSV and XLSX downloads neutralise every cell.

    Put it before Wagtail's IndexView in the bases. The CSV is streamed by `csv_response`; the
    XLSX is written by Wagtail with each value and heading passed through `spreadsheet_cell`.
    A view adds computed columns by overriding `to_row_dict` (its keys are `list_export`).
    """

    def preprocess_field_value(self, field, value, export_format):
        custom = self.custom_field_preprocess.get(field, {}).get(export_format)
        if custom is not None:
            value = custom(value)
        if isinstance(value, list | tuple):
            value = ", ".join(str(item) for item in value)
        return spreadsheet_cell(value) if export_format == self.FORMAT_XLSX else cell(value)

    def export_rows(self, queryset):
        """The rows of the download, in `list_export` order (a queryset iterator keeps memory flat)."""
        for item in queryset:
            yield list(self.to_row_dict(item).values())

    def write_csv_response(self, queryset):
        fields = list(self.list_export)
        header = [self.get_heading(queryset, field) for field in fields]
        rows = (
            [
                self.preprocess_field_value(field, value, self.FORMAT_CSV)
                for field, value in zip(fields, values, strict=True)
            ]
            for values in self.export_rows(queryset)
        )
        return csv_response(f"{self.get_filename()}.csv", header, rows)

    def write_xlsx(self, queryset, output):
        from openpyxl import Workbook  # only an XLSX download needs it
        from openpyxl.cell import WriteOnlyCell

        workbook = Workbook(write_only=True, iso_dates=True)
        sheet = workbook.create_sheet(title="Sheet1")

        def row(values, fields):
            for field, value in zip(fields, values, strict=True):
                written = WriteOnlyCell(sheet, self.preprocess_field_value(field, value, self.FORMAT_XLSX))
                if written.data_type == "f":  # never a formula, whatever openpyxl guesses
                    written.data_type = "s"
                yield written

        fields = list(self.list_export)
        sheet.append(row([self.get_heading(queryset, field) for field in fields], fields))
        for values in self.export_rows(queryset):
            sheet.append(row(values, fields))
        workbook.save(output)


class ExportColumnsMixin(SafeSpreadsheetExportMixin):
    """The download's columns declared once, as `export_columns`: `(key, heading, fn(item) -> value)`.

    Wagtail's `list_export`, `get_heading` and `to_row_dict` are derived from it, so a view
    lists each column in one place. The heading is what the spreadsheet's first row shows.
    """

    export_columns = ()

    @cached_property
    def list_export(self):
        return [key for key, _, _ in self.export_columns]

    def get_heading(self, queryset, field):
        return next(heading for key, heading, _ in self.export_columns if key == field)

    def to_row_dict(self, item):
        return {key: value(item) for key, _, value in self.export_columns}


def named_columns(columns):
    """`(name, fn)` pairs as export columns whose heading is the name itself (raw-value downloads)."""
    return tuple((name, name, value) for name, value in columns)


def listing_export_view(index_view, export_format="csv"):
    """A view for an old download address: the listing's index view, answering with its download.

    The query string (filters, search) goes along; `export_format` is "csv" or "xlsx".
    """

    def view(request, *args, **kwargs):
        query = request.GET.copy()
        query["export"] = export_format
        request.GET = query
        return index_view(request, *args, **kwargs)

    return view
