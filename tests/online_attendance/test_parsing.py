"""Reading the reports: each known layout, an unknown one with its columns chosen, hostile and broken files."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from online_attendance.parsing import Mapping, ReportError, decode, joins, parse_duration, parse_moment, read_table

from .conftest import teams_csv, zoom_csv

IST = ZoneInfo("Asia/Kolkata")
DAY = datetime.date(2026, 3, 5)


def at(clock):
    return datetime.datetime.combine(DAY, datetime.time.fromisoformat(clock), tzinfo=IST)


def read(content):
    table = read_table(content)
    found, problems = joins(table, table.mapping, day=DAY, zone=IST)
    return table, found, problems


def test_a_zoom_participant_report_with_its_meeting_block_and_bom():
    content = zoom_csv(
        DAY, [("Asha Verma", "Asha.Verma@Courts.example", "10:00", "10:40"), ("Meena Das", "", "10:02", "10:50")]
    )
    table, found, problems = read(content)
    assert table.layout == "zoom" and problems == []
    assert [(j.name, j.email, j.joined, j.left) for j in found] == [
        ("Asha Verma", "asha.verma@courts.example", at("10:00"), at("10:40")),
        ("Meena Das", "", at("10:02"), at("10:50")),
    ]


def test_a_zoom_report_without_meeting_block_or_bom():
    table, found, _ = read(
        zoom_csv(DAY, [("Asha Verma", "a@x.example", "10:00", "11:00")], meeting_block=False, bom=False)
    )
    assert table.layout == "zoom" and found[0].left == at("11:00")


def test_a_teams_attendance_report_in_utf16_reads_the_in_meeting_activities():
    content = teams_csv(
        DAY,
        [
            ("Asha Verma", "asha@courts.example", "10:00", "10:20"),
            ("Asha Verma", "asha@courts.example", "10:25", "10:59"),
        ],
    )
    assert content.startswith(b"\xff\xfe")  # UTF-16 with its byte-order mark, as Teams downloads it
    table, found, problems = read(content)
    assert table.layout == "teams" and problems == []
    assert [(j.joined, j.left) for j in found] == [(at("10:00"), at("10:20")), (at("10:25"), at("10:59"))]


def test_a_teams_report_without_activities_counts_from_the_first_join_for_the_time_in_the_meeting():
    text = "\r\n".join(
        [
            "1. Summary",
            "Meeting title\tTS-I",
            "",
            "2. Participants",
            "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
            "Asha Verma\t3/5/26, 10:00:00 AM\t3/5/26, 11:00:00 AM\t35m 10s\t"
            "asha@courts.example\tasha@courts.example\tAttendee",
        ]
    )
    table, found, _ = read(text.encode("utf-16"))
    assert table.layout == "teams"
    assert found[0].joined == at("10:00") and found[0].left == at("10:35:10")


def test_a_google_meet_report_with_times_only_uses_the_sessions_day():
    text = (
        "First name,Last name,Email,Duration,Time joined,Time exited\n"
        "Asha,Verma,asha@courts.example,1 hr 5 min,9:58 AM,11:03 AM\n"
    )
    table, found, _ = read(text.encode())
    assert table.layout == "meet"
    assert (found[0].name, found[0].joined, found[0].left) == ("Asha Verma", at("09:58"), at("11:03"))


def test_an_unknown_layout_needs_its_columns_chosen_and_then_reads_them():
    text = "Participant;Mail;Start;Minutes\nAsha Verma;asha@courts.example;05-03-2026 10:00;50\n"
    table = read_table(text.encode())
    assert table.layout == "" and table.mapping is None and table.header == ["Participant", "Mail", "Start", "Minutes"]
    found, problems = joins(table, Mapping(name=0, email=1, joined=2, duration=3), day=DAY, zone=IST)
    assert problems == [] and (found[0].joined, found[0].left) == (at("10:00"), at("10:50"))


def test_an_incomplete_mapping_says_what_is_missing():
    assert "name or email" in Mapping(joined=1, left=2).problem()
    assert "join time" in Mapping(name=0, left=2).problem()
    assert "leave time or the duration" in Mapping(name=0, joined=1).problem()
    assert Mapping(email=0, joined=1, duration=2).problem() == ""


def test_day_first_and_month_first_dates_are_told_apart_by_the_sessions_day():
    # 05/03/2026 is 5 March day-first, 3 May month-first; the session is on 5 March.
    day_first = "Name,Email,Join Time,Leave Time,Duration,x\nA,a@x.example,05/03/2026 10:00,05/03/2026 10:30,30,\n"
    table = read_table(day_first.encode())
    found, _ = joins(table, Mapping(name=0, email=1, joined=2, left=3), day=DAY, zone=IST)
    assert found[0].joined == at("10:00")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-05T10:00:00+05:30", at("10:00")),
        ("2026-03-05T04:30:00Z", at("10:00")),
        ("2026-03-05 10:00:00", at("10:00")),
        ("5 Mar 2026 10:00", at("10:00")),
        ("Mar 5, 2026 10:00 AM", at("10:00")),
        ("03/05/2026 10:00:00 AM", at("10:00")),
        ("10:00 AM", at("10:00")),
        ("nonsense", None),
    ],
)
def test_moments_in_the_common_formats(text, expected):
    assert parse_moment(text, order="mdy", day=DAY, zone=IST) == expected


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("47", 47),
        ("1h 2m 30s", 62.5),
        ("1 hr 5 min", 65),
        ("58 min", 58),
        ("0:45:30", 45.5),
        ("45m 0s", 45),
        ("", None),
        ("soon", None),
    ],
)
def test_durations(text, minutes):
    assert parse_duration(text) == minutes


def test_unreadable_times_are_reported_not_guessed():
    text = "Name (Original Name),User Email,Join Time,Leave Time\nAsha,a@x.example,yesterday,later\n"
    table, found, problems = read(text.encode())
    assert found == [] and problems and "cannot be read" in problems[0]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "not a CSV file"),
        (b"PK\x03\x04" + b"\x00" * 100, "not a CSV file"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "not a CSV file"),
        (b"just one line of text", "no table"),
        (b"Name,Email\n", "lists nobody"),
    ],
)
def test_files_that_are_not_reports_are_refused_with_the_reason(content, reason):
    with pytest.raises(ReportError, match=reason):
        read_table(content)


def test_a_file_over_the_limit_is_refused():
    with pytest.raises(ReportError, match="larger than 2 MB"):
        decode(b"a,b\n" * (600 * 1024))


def test_windows_code_page_text_is_read():
    text = "Name (Original Name),User Email,Join Time,Leave Time\nJosé Dsouza,j@x.example,10:00 AM,10:50 AM\n"
    _, found, _ = read(text.encode("cp1252"))
    assert found[0].name == "José Dsouza"
