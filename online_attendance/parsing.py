"""Reading a meeting platform's attendance report: bytes in, one row per join (name, email, joined, left).

Layouts read without asking (their column headings, as the platforms export them in 2024–2025):

- Zoom, the web portal's usage report, *Participants* → *Export* (with or without "Export with
  meeting data", which puts a meeting block above the list): `Name (Original Name)`, `User Email`,
  `Join Time`, `Leave Time`, `Duration (Minutes)`, `Guest`… UTF-8, comma-separated, one row per join.
- Microsoft Teams, the meeting's *Attendance* tab → *Download* (the report format since mid-2021):
  UTF-16 with tabs, in sections `1. Summary`, `2. Participants` (`Name`, `First Join`, `Last Leave`,
  `In-Meeting Duration`, `Email`, `Participant ID (UPN)`, `Role`) and `3. In-Meeting Activities`
  (`Name`, `Join Time`, `Leave Time`, `Duration`, `Email`, `Role`), one row per join. The activities
  are read; a report without them falls back to each person's first join and in-meeting duration.
- Google Meet, the attendance report Meet puts in Drive (Workspace editions with attendance
  tracking), downloaded as CSV: `First name`, `Last name`, `Email`, `Duration`, `Time joined`,
  `Time exited`; its times may carry no date (then the session's date is used).

Any other table is read after the registrar says which column holds what (`Mapping`). Times are
read in the event's time zone unless they carry an offset; day-first and month-first dates are
told apart by which reading puts the report on the session's day.
"""

import codecs
import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta

import filetype
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
MAX_CELL = 300  # characters kept of a cell; names and emails are far shorter


class ReportError(ValueError):
    """The report cannot be read; the message says why, in the registrar's words."""


@dataclass(frozen=True)
class Mapping:
    """Which column (by its index) holds what; None when the report has no such column."""

    name: int | None = None
    email: int | None = None
    joined: int | None = None
    left: int | None = None
    duration: int | None = None
    first_name: int | None = None  # Google Meet splits the name
    last_name: int | None = None

    def problem(self):
        if self.name is None and self.email is None and self.first_name is None:
            return _("Choose the column with the participant's name or email.")
        if self.joined is None:
            return _("Choose the column with the join time.")
        if self.left is None and self.duration is None:
            return _("Choose the column with the leave time or the duration.")
        return ""

    def as_dict(self):
        return {key: value for key, value in self.__dict__.items() if value is not None}


@dataclass(frozen=True)
class Table:
    """The report's rows as text: the header row and the rows below it (`start` is the header's line)."""

    header: list
    rows: list
    layout: str = ""  # "zoom", "teams", "meet" or "" (unknown: ask for a mapping)
    mapping: Mapping | None = None


LAYOUT_LABELS = {
    "zoom": gettext_lazy("Zoom participant report"),
    "teams": gettext_lazy("Microsoft Teams attendance report"),
    "meet": gettext_lazy("Google Meet attendance report"),
    "": gettext_lazy("Columns chosen by the registrar"),
}


# --- bytes to text ---


def decode(data, name=""):
    """The report's text. Refuses what is not a text file: binaries, archives, spreadsheets, PDFs."""
    if not data:
        raise ReportError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise ReportError(
            _("The file is larger than %(size)s MB; an attendance report is far smaller.")
            % {"size": MAX_BYTES // (1024 * 1024)}
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ReportError(_("The file says it is UTF-16 text but is not.")) from error
    kind = filetype.guess(data)
    if kind is not None:
        raise ReportError(
            _("The file is %(kind)s (%(mime)s), not a CSV file. Download the report as CSV and upload that.")
            % {"kind": kind.extension.upper(), "mime": kind.mime}
        )
    if b"\x00" in data[:4096]:
        # UTF-16 without its byte-order mark (some Teams downloads): every other byte is NUL.
        even, odd = data[0:4096:2].count(0), data[1:4096:2].count(0)
        encoding = "utf-16-le" if odd > even else "utf-16-be"
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            raise ReportError(_("The file is not text: it contains binary data. Upload the CSV report.")) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's "CSV (Comma delimited)" saves in the Windows code page.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise ReportError(_("The file's text encoding is not recognised. Save it as “CSV UTF-8”.")) from error


def _rows(text):
    sample = "\n".join(line for line in text.splitlines()[:50] if line.strip())
    delimiter = ","
    counts = {d: sample.count(d) for d in ("\t", ",", ";")}
    if counts["\t"] >= max(counts[","], counts[";"]) and counts["\t"]:
        delimiter = "\t"
    elif counts[";"] > counts[","]:
        delimiter = ";"
    try:
        rows = [[cell.strip()[:MAX_CELL] for cell in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as error:
        raise ReportError(_("The file is not a readable CSV file (%(error)s).") % {"error": error}) from error
    return rows


# --- layouts ---


def _normal(heading):
    return re.sub(r"\s+", " ", heading.strip().strip('"').casefold())


def _index(header, *names):
    normal = [_normal(h) for h in header]
    for name in names:
        if name in normal:
            return normal.index(name)
    return None


def _find_header(rows, required, start=0):
    for number in range(start, len(rows)):
        normal = {_normal(cell) for cell in rows[number]}
        if required <= normal:
            return number
    return None


def _section_end(rows, start):
    """Rows of a Teams section: up to the next blank row or numbered section heading."""
    end = start
    while end < len(rows) and any(rows[end]) and not re.match(r"^\d+\. ", rows[end][0] if rows[end] else ""):
        end += 1
    return end


def _zoom(rows):
    at = _find_header(rows, {"name (original name)", "join time", "leave time"})
    if at is None:
        at = _find_header(rows, {"name (original name)", "join time", "duration (minutes)"})
    if at is None:
        return None
    header = rows[at]
    mapping = Mapping(
        name=_index(header, "name (original name)"),
        email=_index(header, "user email", "email"),
        joined=_index(header, "join time"),
        left=_index(header, "leave time"),
        duration=_index(header, "duration (minutes)"),
    )
    return Table(header, rows[at + 1 : _section_end(rows, at + 1)], "zoom", mapping)


def _teams(rows):
    at = _find_header(rows, {"name", "join time", "leave time", "duration", "email"})
    if at is not None:
        header = rows[at]
        mapping = Mapping(
            name=_index(header, "name"),
            email=_index(header, "email"),
            joined=_index(header, "join time"),
            left=_index(header, "leave time"),
            duration=_index(header, "duration"),
        )
        return Table(header, rows[at + 1 : _section_end(rows, at + 1)], "teams", mapping)
    at = _find_header(rows, {"name", "first join", "in-meeting duration"})
    if at is None:
        return None
    header = rows[at]
    # Without the activities, only the first join and the time in the meeting are known: the
    # time is counted from the first join (never more than the person was in).
    mapping = Mapping(
        name=_index(header, "name"),
        email=_index(header, "email", "participant id (upn)"),
        joined=_index(header, "first join"),
        duration=_index(header, "in-meeting duration"),
    )
    return Table(header, rows[at + 1 : _section_end(rows, at + 1)], "teams", mapping)


def _meet(rows):
    at = _find_header(rows, {"email", "time joined", "time exited"})
    if at is None:
        return None
    header = rows[at]
    mapping = Mapping(
        name=_index(header, "name", "full name"),
        first_name=_index(header, "first name"),
        last_name=_index(header, "last name"),
        email=_index(header, "email"),
        joined=_index(header, "time joined"),
        left=_index(header, "time exited"),
        duration=_index(header, "duration"),
    )
    return Table(header, rows[at + 1 : _section_end(rows, at + 1)], "meet", mapping)


def read_table(data, name=""):
    """The report as a `Table`: a known layout with its mapping, or the first row as the header."""
    rows = _rows(decode(data, name))
    for reader in (_zoom, _teams, _meet):
        table = reader(rows)
        if table is not None:
            return _checked(table)
    first = next((n for n, row in enumerate(rows) if sum(1 for cell in row if cell) >= 2), None)
    if first is None:
        raise ReportError(_("The file has no table: no row has two or more columns."))
    return _checked(Table(rows[first], [row for row in rows[first + 1 :] if any(row)]))


def _checked(table):
    rows = [row for row in table.rows if any(row)]
    if not rows:
        raise ReportError(_("The report lists nobody: there are no rows below the column headings."))
    if len(rows) > MAX_ROWS:
        raise ReportError(
            _("The report has %(rows)s rows; at most %(max)s are read at once.") % {"rows": len(rows), "max": MAX_ROWS}
        )
    return Table(table.header, rows, table.layout, table.mapping)


# --- times ---

DATE_FORMATS = {
    "mdy": ("%m/%d/%Y", "%m/%d/%y", "%m-%d-%Y"),
    "dmy": ("%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y"),
    "iso": ("%Y-%m-%d", "%Y/%m/%d"),
    "named": ("%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y", "%d-%b-%Y", "%d-%b-%y"),
}
TIME_FORMATS = ("%I:%M:%S %p", "%I:%M %p", "%H:%M:%S", "%H:%M", "%I:%M:%S%p", "%I:%M%p")


def _parse_time_only(text):
    for fmt in TIME_FORMATS:
        try:
            return datetime.strptime(text, fmt).time()
        except ValueError:
            continue
    return None


def parse_moment(text, *, order, day, zone):
    """A join or leave time as an aware datetime, or None. `order` is "mdy" or "dmy" for slashed dates."""
    text = re.sub(r"\s+", " ", (text or "").strip().replace("\u202f", " ").replace(" ,", ","))
    if not text:
        return None
    try:  # ISO 8601, with or without an offset
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return moment if moment.tzinfo else moment.replace(tzinfo=zone)
    except ValueError:
        pass
    only = _parse_time_only(text.upper())
    if only is not None:
        return datetime.combine(day, only, tzinfo=zone)
    date_part, _sep, time_part = text.replace(",", " ").partition(" ")
    rest = time_part.strip()
    formats = DATE_FORMATS[order] + DATE_FORMATS["iso"]
    found = None
    for fmt in formats:
        try:
            found = datetime.strptime(date_part, fmt).date()
            break
        except ValueError:
            continue
    if found is None:  # a named month: "5 Mar 2026 09:58", "Mar 5, 2026 9:58 AM"
        for fmt in DATE_FORMATS["named"]:
            for split in (3, 2):
                words = text.replace(",", " ").split()
                try:
                    found = datetime.strptime(" ".join(words[:split]), fmt).date()
                    rest = " ".join(words[split:])
                    break
                except ValueError:
                    continue
            if found:
                break
    if found is None:
        return None
    clock = _parse_time_only(rest.upper()) if rest else time(0)
    return None if clock is None else datetime.combine(found, clock, tzinfo=zone)


def parse_duration(text):
    """Minutes in a duration cell: "47", "1h 2m 3s", "1 hr 5 min", "58 min", "0:45:10"; None if unreadable."""
    text = (text or "").strip().casefold()
    if not text:
        return None
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    if re.fullmatch(r"\d+:\d{1,2}(:\d{1,2})?", text):
        parts = [int(p) for p in text.split(":")]
        hours, minutes, seconds = parts if len(parts) == 3 else (parts[0], parts[1], 0)
        return hours * 60 + minutes + seconds / 60
    total, matched = 0.0, False
    for amount, unit in re.findall(r"(\d+(?:\.\d+)?)\s*(hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\b", text):
        matched = True
        value = float(amount)
        total += value * 60 if unit.startswith("h") else value if unit.startswith("m") else value / 60
    return total if matched else None


# --- rows to joins ---


@dataclass(frozen=True)
class Join:
    """One row of the report: someone in the meeting from `joined` to `left`."""

    line: int  # the row's number below the headings, from 1
    name: str
    email: str
    joined: datetime
    left: datetime


def _cell(row, index):
    return row[index].strip() if index is not None and index < len(row) else ""


def _date_order(table, mapping, day, zone):
    """Month-first or day-first, whichever reads the most join times on the session's day."""
    cells = [_cell(row, mapping.joined) for row in table.rows][:200]

    def score(order):
        moments = [parse_moment(cell, order=order, day=day, zone=zone) for cell in cells]
        return (sum(1 for m in moments if m and m.date() == day), sum(1 for m in moments if m))

    return max(("mdy", "dmy"), key=score)


def joins(table, mapping, *, day, zone):
    """([Join], [problem]) for every row: a row whose times cannot be read is reported, never guessed."""
    order = _date_order(table, mapping, day, zone)
    found, problems = [], []
    for line, row in enumerate(table.rows, start=1):
        name = _cell(row, mapping.name)
        if not name and (mapping.first_name is not None or mapping.last_name is not None):
            name = " ".join(p for p in (_cell(row, mapping.first_name), _cell(row, mapping.last_name)) if p)
        email = _cell(row, mapping.email).casefold()
        email = email if "@" in email else ""
        if not name and not email:
            continue
        joined = parse_moment(_cell(row, mapping.joined), order=order, day=day, zone=zone)
        left = (
            parse_moment(_cell(row, mapping.left), order=order, day=day, zone=zone)
            if mapping.left is not None
            else None
        )
        minutes = parse_duration(_cell(row, mapping.duration)) if mapping.duration is not None else None
        if joined is not None and left is None and minutes is not None:
            left = joined + timedelta(minutes=minutes)
        elif (
            joined is not None
            and left is not None
            and minutes is not None
            and left - joined > timedelta(minutes=minutes + 1)
        ):
            # The platform's own time in the meeting is less (a Teams summary row): never count more.
            left = joined + timedelta(minutes=minutes)
        if joined is None or left is None:
            problems.append(
                _("Row %(line)s (%(who)s): the join or leave time “%(time)s” cannot be read.")
                % {"line": line, "who": name or email, "time": _cell(row, mapping.joined)}
            )
            continue
        if left < joined:
            if left.date() == joined.date() and mapping.left is not None and left.time() < joined.time():
                left += timedelta(days=1)  # a time-only report that ran past midnight
            else:
                problems.append(
                    _("Row %(line)s (%(who)s): leaves before joining.") % {"line": line, "who": name or email}
                )
                continue
        found.append(Join(line, name, email, joined, left))
    return found, problems


def table_from_json(value):
    mapping = Mapping(**value["mapping"]) if value.get("mapping") is not None else None
    return Table(value["header"], value["rows"], value.get("layout", ""), mapping)


def table_to_json(table):
    return {
        "header": table.header,
        "rows": table.rows,
        "layout": table.layout,
        "mapping": table.mapping.as_dict() if table.mapping else None,
    }
