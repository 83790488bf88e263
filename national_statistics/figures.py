"""The national picture: figures gathered from each app, with small groups left out.

The rule that keeps people from being identified (docs/statistics.md):

- A *group* is the people of one kind in one State/UT in one year: the participants of one
  category at the events held in a State that year; the learners of one State who completed
  one module that year; the certificates of one kind issued to recipients of one State that year.
- A group of 1 to 4 is never shown and never added into anything: every number on the page,
  in the CSV and in the JSON is a sum of groups of five or more (or zero). A cell whose groups
  are all small reads "fewer than 5"; a number that leaves small groups out says how many.
- So no total, no other filter (year, State) and no other download holds a small group's
  number, and none can be found by subtracting one figure from another.
- Events are not people: the number of events held is shown whole, and so is the money of the
  Ministry of Home Affairs' support (support.services.supported_event_rows).

Every figure is built from the rows the apps' public functions return at that grain
(colloquia.services.held_event_rows / attended_rows, courses.services.completion_rows,
certificates.services.issued_rows), read once for all filters and kept in the page cache
until a record they count changes (the "national-statistics" tag, wagtail_hooks.py).
"""

from collections import defaultdict
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from certificates.services import issued_rows
from colloquia.services import attended_rows, held_event_rows
from core.cache import page_cache, tag_generations
from core.formatting import format_rupees, indian_digits
from courses.services import completion_rows
from support.services import supported_event_rows

MIN_GROUP = 5
TAG = "national-statistics"
CACHE_SECONDS = 24 * 60 * 60  # the tag makes it stale long before this when anything changes


def national():
    """The row label of events held by no State/UT, in the active language."""
    return _("National events (no State/UT)")


def fewer_than():
    return _("fewer than %(min_group)s") % {"min_group": MIN_GROUP}


__all__ = ["MIN_GROUP", "TAG", "grain_rows", "national_picture"]


def grain_rows(pages):
    """Every app's rows at the finest grain, for every year and State (a handful of queries)."""
    return {
        "events": held_event_rows(pages),
        "attended": attended_rows(pages),
        "completions": completion_rows(),
        "certificates": issued_rows(),
        "support": supported_event_rows(pages),
    }


def cached_grain_rows(pages_fn, *, generation):
    """`grain_rows`, kept in the page cache under the content `generation` (events published or
    changed) and the TAG's generation (attendance, registrations, completions, certificates)."""
    tag = tag_generations([TAG])[TAG]
    key = f"national-statistics.rows.{generation}.{tag}"
    store = page_cache()
    rows = None if generation is None else store.get(key)
    if rows is None:
        rows = grain_rows(pages_fn())
        if generation is not None:
            store.set(key, rows, CACHE_SECONDS)
    return rows


class Cell:
    """A figure made of groups: the sum of those of MIN_GROUP or more, and how many small ones were left out."""

    def __init__(self, value=0, left_out=0, money=False):
        self.value = value
        self.left_out = left_out
        self.money = money  # rupees: printed "Rs 1,95,000", Indian grouping

    def add(self, size, amount=None):
        if 0 < size < MIN_GROUP:
            self.left_out += 1
        else:
            self.value += size if amount is None else amount

    def merge(self, other):
        self.value += other.value
        self.left_out += other.left_out

    @property
    def shown(self):
        """The number to show, or None when all its groups were small."""
        return None if (self.left_out and not self.value) else self.value

    @property
    def text(self):
        if self.shown is None:
            return fewer_than()
        return format_rupees(self.value) if self.money else _number(self.value)

    @property
    def note(self):
        if self.left_out and self.shown is not None:
            return ngettext(
                "leaves out %(count)s group of fewer than %(min_group)s",
                "leaves out %(count)s groups of fewer than %(min_group)s",
                self.left_out,
            ) % {"count": self.left_out, "min_group": MIN_GROUP}
        return ""

    def as_data(self):
        return {"value": _plain(self.shown), "text": self.text, "small_groups_left_out": self.left_out}


def _number(value):
    """A count or a number of hours with Indian digit grouping (12,34,567; hours to two decimals at most)."""
    if isinstance(value, Decimal):
        return indian_digits(value, 2).rstrip("0").rstrip(".")
    return indian_digits(value)


def _plain(value):
    if isinstance(value, Decimal):
        return float(value)
    return value


def _matches(row, year, state):
    return (year is None or row["year"] == year) and (not state or row["state"] == state)


def _by_state_and_year(rows, year, state):
    """The rows for the filters, by State/UT name (national events last), then year."""
    return sorted(
        (row for row in rows if _matches(row, year, state)), key=lambda row: (row["state_name"] or "~", row["year"])
    )


def _table(table_id, title, description, row_heading, measures, rows, total=True):
    """rows: [(label, [Cell per measure])]. The total adds up the cells as shown."""
    table = {
        "id": table_id,
        "title": title,
        "description": description,
        "row_heading": row_heading,
        "measures": measures,
        "rows": [{"label": label, "cells": cells} for label, cells in rows],
        "total": None,
    }
    if total:
        sums = [Cell(money=measure.get("money", False)) for measure in measures]
        for _label, cells in rows:
            for i, cell in enumerate(cells):
                sums[i].merge(cell)
        table["total"] = {"label": _("Total"), "cells": sums}
    return table


def national_picture(rows, *, year=None, state=None, categories=(), source_labels=None):
    """The page's tables for a year and a State/UT code (None / "" for all), from `grain_rows`.

    `categories` are the participant categories as (value, label) in the order to show them;
    `source_labels` names certificate sources ({"colloquium": "Events", ...}).
    """
    source_labels = source_labels or {}
    tables = []
    national_label = national()

    # Events held, by State/UT and year: whole numbers (events are not people).
    events = _by_state_and_year(rows["events"], year, state)
    tables.append(
        _table(
            "events",
            _("Events held"),
            _(
                "Colloquia and conferences that have ended, by the State/UT where they were held and the year they "
                "began. An event several academies organise together counts once."
            ),
            _("State/UT and year"),
            [{"key": "events", "heading": _("Events")}],
            [(f"{row['state_name'] or national_label}, {row['year']}", [Cell(row["events"])]) for row in events],
        )
    )

    attended = [row for row in rows["attended"] if _matches(row, year, state)]
    people, hours = defaultdict(Cell), defaultdict(lambda: Cell(Decimal(0)))
    by_state = defaultdict(Cell)
    for row in attended:
        people[row["category"]].add(row["people"])
        hours[row["category"]].add(row["people"], row["hours"])
        by_state[row["state_name"] or national_label].add(row["people"])
    tables.append(
        _table(
            "participants",
            _("Participants by category"),
            _(
                "People marked present at one session or more of an event that has ended, by the category they "
                "registered in (a person at two events counts at each), and their training hours: the length of "
                "every session they were marked present at, added up."
            ),
            _("Category"),
            [{"key": "people", "heading": _("Participants")}, {"key": "hours", "heading": _("Training hours")}],
            [(label, [people[value], hours[value]]) for value, label in categories],
        )
    )
    tables.append(
        _table(
            "participants-by-state",
            _("Participants by State/UT"),
            _("The same participants, by the State/UT where the event was held."),
            _("State/UT"),
            [{"key": "people", "heading": _("Participants")}],
            [(label, [by_state[label]]) for label in sorted(by_state)],
        )
    )

    completions = defaultdict(Cell)
    titles = {}
    for row in rows["completions"]:
        if _matches(row, year, state):
            completions[row["module"]].add(row["completions"])
            titles[row["module"]] = row["module_title"]
    tables.append(
        _table(
            "module-completions",
            _("Module completions"),
            _(
                "Online modules completed, by module; the year is the year of completion and the State/UT the "
                "learner's own."
            ),
            _("Module"),
            [{"key": "completions", "heading": _("Completions")}],
            [(titles[module], [completions[module]]) for module in sorted(titles, key=lambda m: titles[m])],
        )
    )

    issued = defaultdict(Cell)
    for row in rows["certificates"]:
        if _matches(row, year, state):
            issued[row["source"]].add(row["issued"])
    tables.append(
        _table(
            "certificates",
            _("Certificates issued"),
            _(
                "Valid certificates of attendance (events) and completion (modules), by the year of issue and the "
                "recipient's State/UT."
            ),
            pgettext("certificates issued for", "For"),
            [{"key": "issued", "heading": _("Certificates")}],
            [(label, [issued[value]]) for value, label in source_labels.items()],
        )
    )

    # The Ministry of Home Affairs' support, by State/UT and year: money, not people, shown whole.
    support = _by_state_and_year(rows["support"], year, state)
    tables.append(
        _table(
            "mha-support",
            _("Support from the Ministry of Home Affairs"),
            _(
                "Events with a sanction recorded, by the State/UT where they were held and the year they began: "
                "the amount sanctioned, what was spent against it, and the unspent balance returned once the "
                "utilisation certificate is signed."
            ),
            _("State/UT and year"),
            [
                {"key": "events", "heading": _("Events supported")},
                {"key": "sanctioned", "heading": _("Sanctioned"), "money": True},
                {"key": "spent", "heading": _("Spent"), "money": True},
                {"key": "returned", "heading": _("Returned"), "money": True},
            ],
            [
                (
                    f"{row['state_name'] or national_label}, {row['year']}",
                    [Cell(row["events"])] + [Cell(row[key], money=True) for key in ("sanctioned", "spent", "returned")],
                )
                for row in support
            ],
        )
    )
    return tables


def filter_choices(rows):
    """(years, State/UT (code, name) pairs) that have figures, latest year first, States by name."""
    years, states = set(), {}
    for kind in rows.values():
        for row in kind:
            years.add(row["year"])
            if row["state"]:
                states[row["state"]] = row["state_name"]
    return sorted(years, reverse=True), sorted(states.items(), key=lambda item: item[1])


def as_data(tables, *, year=None, state=None):
    """The tables as plain data, for the JSON download (the same numbers as the page)."""
    return {
        "filters": {"year": year, "state": state or None},
        "rule": _("Groups of fewer than %(min_group)s people are not shown and are left out of every total.")
        % {"min_group": MIN_GROUP},
        "tables": [
            {
                "id": table["id"],
                "title": table["title"],
                "description": table["description"],
                "row_heading": table["row_heading"],
                "measures": [str(measure["heading"]) for measure in table["measures"]],
                "rows": [
                    {"label": row["label"], "cells": [cell.as_data() for cell in row["cells"]]}
                    for row in table["rows"] + ([table["total"]] if table["total"] else [])
                ],
            }
            for table in tables
        ],
    }


def csv_rows(tables):
    """(header, rows) for the CSV download: one line per figure, the same numbers as the page."""
    header = [_("Table"), _("Row"), _("Measure"), _("Value"), _("Note")]
    lines = []
    for table in tables:
        for row in table["rows"] + ([table["total"]] if table["total"] else []):
            for measure, cell in zip(table["measures"], row["cells"], strict=True):
                value = cell.shown
                lines.append(
                    [
                        table["title"],
                        row["label"],
                        measure["heading"],
                        value if value is not None else "",
                        cell.note or (fewer_than() if value is None else ""),
                    ]
                )
    return header, lines
