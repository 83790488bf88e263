"""Matching a report to the registrations, the time each person was in, the threshold, and confirming."""

import datetime
from unittest import mock

import pytest
from wagtail.models import ModelLogEntry

from colloquia.models import AgendaSession, Attendance
from colloquia.services import Refused
from online_attendance import services
from online_attendance.models import AttendanceImport
from online_attendance.parsing import Mapping

from .conftest import after, approved, upload, zoom_csv

pytestmark = pytest.mark.django_db


def at(moment):
    return mock.patch("colloquia.services.clock.now", return_value=moment)


def t(day, clock, zone):
    return datetime.datetime.combine(day, datetime.time.fromisoformat(clock), tzinfo=zone)


@pytest.fixture
def people(event):
    return {
        "asha": approved(event, full_name="Asha Verma", email="asha.verma@courts.example"),
        "meena": approved(event, "prosecutor", full_name="Meena Das"),
        "ravi": approved(event, "police", full_name="Ravi Kumar Singh"),
    }


def start(event, session, registrar, rows, **kwargs):
    return services.start_import(event, session, upload(zoom_csv(session.date, rows, **kwargs)), by=registrar)


def test_merged_minutes_count_overlaps_once_and_only_inside_the_session():
    day, zone = datetime.date(2026, 3, 5), datetime.UTC
    start, end = t(day, "10:00", zone), t(day, "11:00", zone)
    intervals = [
        (t(day, "09:30", zone), t(day, "10:10", zone)),  # 10 minutes inside
        (t(day, "10:05", zone), t(day, "10:20", zone)),  # overlaps: 10 more
        (t(day, "10:40", zone), t(day, "11:30", zone)),  # 20 inside
        (t(day, "11:10", zone), t(day, "11:20", zone)),  # outside
    ]
    assert services.merged_minutes(intervals, start, end) == 40


def test_exactly_the_threshold_counts_and_a_second_less_does_not():
    assert services.reaches_threshold(45, 60, 75)
    assert not services.reaches_threshold(45 - 1 / 60, 60, 75)
    assert services.reaches_threshold(60, 60, 100)
    assert services.reaches_threshold(0.6, 60, 1)


def test_names_are_compared_normalised():
    assert services.normalise_name("  Justice A.K.  RAO ") == services.normalise_name("justice a k rao")
    assert services.normalise_name("José") == services.normalise_name("jose")


def test_the_preview_matches_by_email_then_name_merges_joins_and_applies_the_threshold(
    event, session, registrar, people
):
    report = start(
        event,
        session,
        registrar,
        [
            ("Judge Asha", "ASHA.VERMA@courts.example", "09:50", "10:30"),  # by email, whatever the name
            ("Judge Asha", "asha.verma@courts.example", "10:20", "10:45"),  # overlaps: 45 minutes in all
            ("meena  DAS", "", "10:00", "10:44"),  # by name: 44 minutes, below 75%
            ("Ravi (Ravi Kumar Singh)", "", "10:00", "11:00"),  # Zoom's renamed "Name (Original Name)"
            ("Guest 123", "guest@example.org", "10:00", "11:00"),  # nobody
        ],
    )
    assert report.status == "preview" and report.layout == "zoom" and report.rows_read == 5
    result = services.preview(report)
    rows = {p.registration.name: (p.matched_by, round(p.minutes), p.present) for p in result.matched}
    assert rows == {
        "Asha Verma": ("email", 45, True),
        "Meena Das": ("name", 44, False),
        "Ravi Kumar Singh": ("name", 60, True),
    }
    assert [p.label for p in result.unmatched] == ["Guest 123"]
    assert result.session_minutes == 60 and result.threshold == 75


def test_nothing_is_recorded_before_confirming(event, session, registrar, people):
    report = start(event, session, registrar, [("Asha Verma", "asha.verma@courts.example", "10:00", "11:00")])
    services.preview(report)
    assert not Attendance.objects.exists()
    services.discard(report, by=registrar)
    assert not Attendance.objects.exists()
    report.refresh_from_db()
    assert report.status == "discarded" and report.table == {}
    with pytest.raises(Refused, match="discarded"):
        services.confirm(report, by=registrar)


def test_confirming_records_present_through_colloquia_with_the_online_method_and_keeps_the_audit(
    event, session, registrar, people
):
    report = start(
        event,
        session,
        registrar,
        [
            ("Asha Verma", "asha.verma@courts.example", "10:00", "10:45"),
            ("Meena Das", "", "10:00", "10:30"),
            ("A Stranger", "x@example.org", "10:00", "11:00"),
        ],
    )
    with at(after(event)):
        report = services.confirm(report, by=registrar)
    marks = {(a.registration.name, a.status, a.method, a.recorded_by) for a in Attendance.objects.all()}
    assert marks == {("Asha Verma", "present", "online", registrar)}
    assert (report.status, report.marked_present, report.below_threshold, report.people_unmatched) == (
        "confirmed",
        1,
        1,
        1,
    )
    assert report.decided_by == registrar and report.decided_at and report.threshold == 75
    assert report.table == {}  # the report's rows (strangers included) are not kept
    assert [row["name"] for row in services.outcome_rows(report)] == ["Asha Verma", "Meena Das"]
    assert "name" not in report.outcome[0]
    entry = ModelLogEntry.objects.get(action="colloquium.online_attendance_imported")
    assert entry.data["file_name"] == "participants.csv" and entry.data["present"] == 1
    assert ModelLogEntry.objects.filter(action="colloquium.attendance_recorded").count() == 1
    with pytest.raises(Refused, match="already attendance recorded"), at(after(event)):
        services.confirm(report, by=registrar)


def test_a_mark_already_recorded_is_never_lowered_and_nobody_is_marked_absent(event, session, registrar, people):
    with at(after(event)):
        from colloquia.services import record_attendance

        record_attendance(session, {people["meena"]: "present"}, method="registrar", by=registrar)
        report = start(event, session, registrar, [("Meena Das", "", "10:00", "10:05")])
        services.confirm(report, by=registrar)
    assert Attendance.objects.get().status == "present" and Attendance.objects.get().method == "registrar"


def test_an_unmatched_row_matched_by_hand_counts_for_that_participant(event, session, registrar, people):
    report = start(event, session, registrar, [("R. K. Singh (phone)", "", "10:00", "10:50")])
    result = services.preview(report)
    assert [p.label for p in result.unmatched] == ["R. K. Singh (phone)"]
    assert people["ravi"] in result.candidates
    services.match_by_hand(report, result.unmatched[0].key, people["ravi"].pk)
    report.refresh_from_db()
    result = services.preview(report)
    assert result.unmatched == [] and result.matched[0].matched_by == "hand" and result.matched[0].present
    with at(after(event)):
        services.confirm(report, by=registrar)
    assert Attendance.objects.get().registration == people["ravi"]


def test_only_approved_registrations_of_this_event_can_be_matched_by_hand(
    event, session, registrar, people, other_academy
):
    report = start(event, session, registrar, [("Somebody", "", "10:00", "10:50")])
    key = services.preview(report).unmatched[0].key
    people["meena"].status = "withdrawn"
    people["meena"].save(update_fields=["status"])
    with pytest.raises(Refused, match="confirmed place"):
        services.match_by_hand(report, key, people["meena"].pk)
    assert AttendanceImport.objects.get().manual_matches == {}


def test_a_name_shared_by_two_participants_is_left_for_the_registrar(event, session, registrar):
    approved(event, full_name="Anil Kumar")
    approved(event, "prosecutor", full_name="Anil Kumar")
    report = start(event, session, registrar, [("Anil Kumar", "", "10:00", "11:00")])
    result = services.preview(report)
    assert result.matched == [] and "more than one participant" in result.unmatched[0].note


def test_the_events_threshold_applies(event, session, registrar, people):
    event.online_attendance_threshold = 50
    event.save(update_fields=["online_attendance_threshold"])
    session = AgendaSession.objects.select_related("page").get(pk=session.pk)
    report = start(event, session, registrar, [("Meena Das", "", "10:00", "10:30")])
    assert services.preview(report).matched[0].present


def test_an_unknown_layout_waits_for_its_columns(event, session, registrar, people):
    content = b"Who,Mail,From,To\nAsha Verma,asha.verma@courts.example,10:00,10:50\n"
    report = services.start_import(event, session, upload(content), by=registrar)
    assert report.status == "mapping"
    with pytest.raises(Refused, match="columns first"):
        services.confirm(report, by=registrar)
    with pytest.raises(Refused, match="join time"):
        services.set_mapping(report, Mapping(name=0, email=1))
    report = services.set_mapping(report, Mapping(name=0, email=1, joined=2, left=3))
    assert report.status == "preview"
    assert services.preview(report).matched[0].present


def test_a_report_for_an_in_person_session_or_another_events_session_is_refused(event, registrar, other_academy):
    in_person = AgendaSession.objects.get(page=event, title="Inaugural session")
    with pytest.raises(Refused, match="online or hybrid"):
        services.start_import(event, in_person, upload(b"a,b\n1,2\n"), by=registrar)
    assert not AttendanceImport.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("report.xlsx", b"PK\x03\x04", "not a CSV file"),
        ("report.csv", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "not a CSV file"),
        ("report.csv", b"", "empty"),
    ],
)
def test_files_that_are_not_reports_are_refused_and_nothing_is_kept(event, session, registrar, name, content, reason):
    with pytest.raises(Refused, match=reason):
        services.start_import(event, session, upload(content, name), by=registrar)
    assert not AttendanceImport.objects.exists()
