import codecs
import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from colloquia import services as colloquia
from colloquia.models import AgendaSession
from tests.colloquia.conftest import make_event, make_index
from tests.factories import make_staff, make_user

SESSIONS = [
    (0, "09:00", "09:45", "Inaugural session", "inaugural", True),
    (0, "10:00", "11:00", "TS-I: Online evidence", "technical", True),
    (0, "11:15", "12:15", "TS-II: Hybrid panel", "panel", True),
]
LINK = "https://zoom.example/j/81234567890?pwd=SeCrEt42"


def online(event, title="TS-I: Online evidence", mode="online", link=LINK):
    AgendaSession.objects.filter(page=event, title=title).update(mode=mode, meeting_link=link)
    return AgendaSession.objects.select_related("page").get(page=event, title=title)


def hybrid_event(academy):
    """An event with an in-person, an online (with a link) and a hybrid session."""
    page = make_event(make_index(academy.page), sessions=SESSIONS)
    online(page)
    online(page, "TS-II: Hybrid panel", mode="hybrid", link="")
    return page


@pytest.fixture
def event(academy):
    return hybrid_event(academy)


@pytest.fixture
def session(event):
    return AgendaSession.objects.select_related("page").get(page=event, title="TS-I: Online evidence")


@pytest.fixture
def other_registrar(other_academy):
    return make_staff(other_academy, "registrar", full_name="Other Registrar")


def approved(event, role="district_judge", **fields):
    registration = colloquia.register(make_user(role, **fields), event)
    assert registration.status == "approved"
    return registration


def after(event):
    """A moment after the event: attendance for every session is open."""
    return datetime.datetime.combine(event.end_date + datetime.timedelta(days=1), datetime.time(9), event.zone)


def us(day, clock):
    """Zoom's portal format: 03/05/2026 10:00:00 AM."""
    moment = datetime.datetime.combine(day, datetime.time.fromisoformat(clock))
    return moment.strftime("%m/%d/%Y %I:%M:%S %p")


def zoom_csv(day, rows, *, meeting_block=True, bom=True):
    """rows: (name, email, join HH:MM, leave HH:MM)."""
    lines = []
    if meeting_block:
        lines += [
            "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
            f"812 3456 7890,TS-I,{us(day, '09:55')},{us(day, '11:05')},host@jsja.example,70,{len(rows)}",
            "",
        ]
    lines.append("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent")
    for name, email, joined, left in rows:
        minutes = (
            datetime.datetime.combine(day, datetime.time.fromisoformat(left))
            - datetime.datetime.combine(day, datetime.time.fromisoformat(joined))
        ).seconds // 60
        lines.append(f'"{name}",{email},{us(day, joined)},{us(day, left)},{minutes},No,Yes')
    text = "\r\n".join(lines) + "\r\n"
    return (codecs.BOM_UTF8 if bom else b"") + text.encode()


def teams_csv(day, rows):
    """The Teams attendance report: UTF-16 with tabs, in sections; day-first dates (en-IN)."""

    def when(clock):
        return datetime.datetime.combine(day, datetime.time.fromisoformat(clock)).strftime("%d/%m/%Y, %H:%M:%S")

    lines = [
        "1. Summary",
        "Meeting title\tTS-I: Online evidence",
        "Attended participants\t" + str(len(rows)),
        f"Start time\t{when('09:58')}",
        f"End time\t{when('11:02')}",
        "",
        "2. Participants",
        "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
    ]
    for name, email, joined, left in rows:
        lines.append(f"{name}\t{when(joined)}\t{when(left)}\t1h\t{email}\t{email}\tAttendee")
    lines += ["", "3. In-Meeting Activities", "Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole"]
    for name, email, joined, left in rows:
        lines.append(f"{name}\t{when(joined)}\t{when(left)}\t{span(day, joined, left)}\t{email}\tAttendee")
    return ("\r\n".join(lines) + "\r\n").encode("utf-16")


def span(day, joined, left):
    """Teams' way of writing a duration: 1h 2m 3s."""
    seconds = (
        datetime.datetime.combine(day, datetime.time.fromisoformat(left))
        - datetime.datetime.combine(day, datetime.time.fromisoformat(joined))
    ).seconds
    hours, rest = divmod(seconds, 3600)
    return (f"{hours}h " if hours else "") + f"{rest // 60}m {rest % 60}s"


def upload(content, name="participants.csv"):
    return SimpleUploadedFile(name, content, content_type="text/csv")
