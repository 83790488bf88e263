"""Online attendance: match a meeting report to an event's registrations and record who was there.

1. `start_import` reads the upload (`parsing`) and keeps its rows on an `AttendanceImport`; an
   unknown layout waits for `set_mapping`.
2. `preview` works out, each time it is shown, who is who and how long each was in the session:
   rows matched by email, then by exact normalised name, to the event's approved registrations;
   each person's joins merged where they overlap and clipped to the session; present when the
   minutes reach the event's `online_attendance_threshold` of the session's length.
3. `match_by_hand` lets the registrar say who an unmatched row is; `confirm` records attendance,
   only through `colloquia.services.record_attendance` (method "online report"); `discard` drops it.

Who may do this: `may_import` (a registrar of the event's academy, or a platform administrator).
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.audit import record
from colloquia.models import Attendance, ColloquiumPage, Registration, RegistrationStatus
from colloquia.services import Refused, events_for_registrar, is_registrar_for, record_attendance

from . import parsing
from .models import AttendanceImport

# The registrar's permission on registrations, which colloquia's and checkin's screens ask for too.
PERMISSION = "colloquia.change_registration"


# --- who ---


def may_import(user, page):
    """Whether `user` may import online attendance for `page`: its academy's registrar or a platform admin."""
    return user.is_authenticated and user.has_perm(PERMISSION) and is_registrar_for(user, page)


def events_for(user):
    """Events with an online or hybrid session that `user` may import for, newest first."""
    pages = ColloquiumPage.originals.filter(sessions__mode__in=["online", "hybrid"]).distinct()
    return events_for_registrar(pages, user).select_related("academy").order_by("-start_date", "title")


def online_sessions(page):
    """The event's online and hybrid sessions that take attendance, in time order."""
    sessions = page.sessions.filter(mode__in=["online", "hybrid"], counts_for_attendance=True)
    return sorted(sessions, key=lambda s: (s.date, s.start_time, s.sort_order or 0))


# --- names ---

_PUNCTUATION = re.compile(r"[^\w\s]")


def normalise_name(name):
    """ "Justice  A. K. Rao " and "justice a k rao" are the same name: case, accents, dots and spaces aside."""
    text = unicodedata.normalize("NFKC", name or "").casefold()
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def _name_variants(name):
    """Zoom's "Name (Original Name)" column puts the account's name in brackets after a renamed one."""
    variants = [normalise_name(name)]
    bracket = re.fullmatch(r"(.*?)\s*\(([^()]*)\)\s*", name or "")
    if bracket:
        variants += [normalise_name(bracket.group(2)), normalise_name(bracket.group(1))]
    return [v for v in dict.fromkeys(variants) if v]


# --- time ---


def merged_minutes(intervals, start, end):
    """Minutes inside [start, end] covered by `intervals` [(joined, left)], overlaps counted once."""
    clipped = sorted((max(a, start), min(b, end)) for a, b in intervals if min(b, end) > max(a, start))
    total, current_start, current_end = timedelta(0), None, None
    for a, b in clipped:
        if current_end is None or a > current_end:
            if current_end is not None:
                total += current_end - current_start
            current_start, current_end = a, b
        else:
            current_end = max(current_end, b)
    if current_end is not None:
        total += current_end - current_start
    return total.total_seconds() / 60


def reaches_threshold(minutes, session_minutes, threshold):
    """Whether `minutes` are at least `threshold` percent of the session (exactly the threshold counts)."""
    return round(minutes * 60) * 100 >= threshold * round(session_minutes * 60)


def session_bounds(session):
    zone = session.page.zone
    return session.starts_at(zone), session.ends_at(zone)


# --- the import ---


def start_import(page, session, upload, *, by):
    """Read an uploaded report for `session` and keep it for the preview; raise Refused with the reason."""
    if session.page_id != page.pk or not session.is_online or not session.counts_for_attendance:
        raise Refused(_("Choose one of this event's online or hybrid sessions that take attendance."))
    name = (upload.name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    if not name.lower().endswith((".csv", ".txt")):
        raise Refused(
            _("“%(name)s” is not a CSV file. Download the attendance report as CSV (.csv) and upload that.")
            % {"name": name[:80]}
        )
    if upload.size > parsing.MAX_BYTES:
        raise Refused(_("“%(name)s” is larger than 2 MB; an attendance report is far smaller.") % {"name": name[:80]})
    try:
        table = parsing.read_table(upload.read(parsing.MAX_BYTES + 1), name)
    except parsing.ReportError as error:
        raise Refused(_("“%(name)s” could not be read: %(error)s") % {"name": name[:80], "error": error}) from error
    status = AttendanceImport.Status.PREVIEW if table.mapping else AttendanceImport.Status.MAPPING
    return AttendanceImport.objects.create(
        page=page,
        session=session,
        file_name=name[:100],
        layout=table.layout,
        status=status,
        table=parsing.table_to_json(table),
        rows_read=len(table.rows),
        uploaded_by=by,
    )


def set_mapping(report, mapping):
    """Keep the registrar's choice of columns for a report of unknown layout; raise Refused if incomplete."""
    problem = mapping.problem()
    if problem:
        raise Refused(problem)
    with transaction.atomic():
        report = AttendanceImport.objects.select_for_update().get(pk=report.pk)
        _require_open(report)
        report.table = {**report.table, "mapping": mapping.as_dict()}
        report.status = AttendanceImport.Status.PREVIEW
        report.save(update_fields=["table", "status"])
    return report


@dataclass
class Person:
    """Someone in the report: their rows, their minutes in the session and what the import decides."""

    key: str
    names: list
    emails: list
    rows: list = field(default_factory=list)
    intervals: list = field(default_factory=list)
    registration: Registration | None = None
    matched_by: str = ""  # "email", "name" or "hand"
    note: str = ""  # why an unmatched person is not matched
    minutes: float = 0.0
    present: bool = False

    @property
    def label(self):
        return self.names[0] if self.names else self.emails[0]


@dataclass
class Preview:
    report: AttendanceImport
    session_minutes: float
    threshold: int
    matched: list
    unmatched: list
    problems: list
    candidates: list  # approved registrations nobody in the report matched, for matching by hand

    @property
    def present(self):
        return [p for p in self.matched if p.present]

    @property
    def below(self):
        return [p for p in self.matched if not p.present]


def _group(found):
    """One Person per email (or, without an email, per normalised name), in the report's order."""
    people = {}
    for join in found:
        key = f"email:{join.email}" if join.email else f"name:{normalise_name(join.name)}"
        person = people.setdefault(key, Person(key=key, names=[], emails=[]))
        if join.name and join.name not in person.names:
            person.names.append(join.name)
        if join.email and join.email not in person.emails:
            person.emails.append(join.email)
        person.rows.append(join.line)
        person.intervals.append((join.joined, join.left))
    return list(people.values())


def _match(people, registrations, manual):
    """Match each person to a registration: by hand, then email, then an exact normalised name (unique)."""
    by_pk = {r.pk: r for r in registrations}
    by_email = {}
    by_name = {}
    for registration in registrations:
        for email in {registration.email.casefold(), (registration.user.email if registration.user else "").casefold()}:
            if email:
                by_email[email] = registration
        names = {normalise_name(registration.name)}
        if registration.user and registration.user.full_name:
            names.add(normalise_name(registration.user.full_name))
        for name in names:
            by_name.setdefault(name, set()).add(registration.pk)
    for person in people:
        chosen = by_pk.get(manual.get(person.key))
        if chosen is not None:
            person.registration, person.matched_by = chosen, "hand"
            continue
        email = next((e for e in person.emails if e in by_email), None)
        if email:
            person.registration, person.matched_by = by_email[email], "email"
            continue
        names = {variant for name in person.names for variant in _name_variants(name)}
        hits = set().union(*(by_name.get(name, set()) for name in names)) if names else set()
        if len(hits) == 1:
            person.registration, person.matched_by = by_pk[hits.pop()], "name"
        elif len(hits) > 1:
            person.note = _("The name fits more than one participant: match by hand.")
        else:
            person.note = _("No participant with a confirmed place has this email or name.")


def preview(report):
    """What confirming would record, worked out from the kept rows and today's registrations."""
    session, page = report.session, report.page
    start, end = session_bounds(session)
    table = parsing.table_from_json(report.table)
    found, problems = parsing.joins(table, table.mapping, day=session.date, zone=page.zone)
    registrations = list(
        Registration.objects.filter(page=page, status=RegistrationStatus.APPROVED).select_related("user")
    )
    people = _group(found)
    _match(people, registrations, report.manual_matches)
    # The same participant may appear under two emails or a name and an email: one person each.
    merged = {}
    unmatched = []
    for person in people:
        if person.registration is None:
            unmatched.append(person)
            continue
        into = merged.get(person.registration.pk)
        if into is None:
            merged[person.registration.pk] = person
        else:
            into.names += [n for n in person.names if n not in into.names]
            into.emails += [e for e in person.emails if e not in into.emails]
            into.rows += person.rows
            into.intervals += person.intervals
    session_minutes = (end - start).total_seconds() / 60
    threshold = page.online_attendance_threshold
    for person in [*merged.values(), *unmatched]:
        person.minutes = merged_minutes(person.intervals, start, end)
    for person in merged.values():
        person.present = reaches_threshold(person.minutes, session_minutes, threshold)
    matched = sorted(merged.values(), key=lambda p: p.registration.name.casefold())
    candidates = [r for r in registrations if r.pk not in merged]
    return Preview(report, session_minutes, threshold, matched, unmatched, problems, candidates)


def match_by_hand(report, key, registration_id):
    """Say who an unmatched person of the report is (or, with no id, undo it)."""
    with transaction.atomic():
        report = AttendanceImport.objects.select_for_update().get(pk=report.pk)
        _require_open(report)
        manual = dict(report.manual_matches)
        if registration_id:
            registration = Registration.objects.filter(
                pk=registration_id, page_id=report.page_id, status=RegistrationStatus.APPROVED
            ).first()
            if registration is None:
                raise Refused(_("That participant does not hold a confirmed place at this event."))
            manual[key] = registration.pk
        else:
            manual.pop(key, None)
        report.manual_matches = manual
        report.save(update_fields=["manual_matches"])
    return report


def _require_open(report):
    if not report.is_open:
        raise Refused(
            _("This import is already %(status)s; upload the report again to redo it.")
            % {"status": report.get_status_display().lower()}
        )


def confirm(report, *, by):
    """Record present for everyone who reached the threshold, through colloquia's `record_attendance`.

    Nobody is marked absent: below the threshold online, a person may still have been in the room
    of a hybrid session, and a mark already recorded is never lowered. Returns the import.
    """
    with transaction.atomic():
        report = AttendanceImport.objects.select_for_update().select_related("session__page", "page").get(pk=report.pk)
        if report.status != AttendanceImport.Status.PREVIEW:
            _require_open(report)
            raise Refused(_("Choose the report's columns first."))
        result = preview(report)
        marks = {person.registration: Attendance.Status.PRESENT for person in result.present}
        if marks:
            record_attendance(report.session, marks, method=Attendance.Method.ONLINE, by=by)
        report.status = AttendanceImport.Status.CONFIRMED
        report.decided_by, report.decided_at = by, timezone.now()
        report.people_matched = len(result.matched)
        report.people_unmatched = len(result.unmatched)
        report.marked_present = len(result.present)
        report.below_threshold = len(result.below)
        report.threshold = result.threshold
        report.outcome = [
            {
                "registration": p.registration.pk,
                "minutes": round(p.minutes, 1),
                "present": p.present,
                "matched_by": p.matched_by,
            }
            for p in result.matched
        ]
        report.table = {}
        report.save()
        record(
            report,
            "colloquium.online_attendance_imported",
            by,
            session=str(report.session.uid),
            session_title=report.session.title,
            event=report.page.title,
            file_name=report.file_name,
            present=report.marked_present,
            below_threshold=report.below_threshold,
            unmatched=report.people_unmatched,
        )
    return report


def discard(report, *, by):
    with transaction.atomic():
        report = AttendanceImport.objects.select_for_update().get(pk=report.pk)
        _require_open(report)
        report.status = AttendanceImport.Status.DISCARDED
        report.decided_by, report.decided_at = by, timezone.now()
        report.table = {}
        report.save()
    return report


def outcome_rows(report):
    """The confirmed import's decisions with each participant's name as it is now; a registration
    since erased shows as such (the import never keeps a name of its own)."""
    names = dict(
        Registration.objects.filter(pk__in=[row["registration"] for row in report.outcome]).values_list("pk", "name")
    )
    deleted = _("(registration since deleted)")
    return [{**row, "name": names.get(row["registration"], deleted)} for row in report.outcome]


def imports_for(page):
    return AttendanceImport.objects.filter(page=page).select_related("session", "uploaded_by", "decided_by")
