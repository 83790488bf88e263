import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from pypdf import PdfReader

from colloquia.models import AgendaSession

from .conftest import make_event, make_index, session_rows

pytestmark = pytest.mark.django_db


def _events(body):
    calendar = Calendar.from_ical(body)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}, calendar


def test_ics_validates_with_one_event_per_session_and_timezone(client, event):
    response = client.get(event.url + "agenda.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    events, calendar = _events(response.content)
    assert len(events) == event.sessions.count()
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Asia/Kolkata"
    session = event.sessions.get(title="Inaugural session")
    vevent = events[f"{session.uid}@testserver"]
    assert vevent.decoded("DTSTART") == datetime.datetime.combine(session.date, session.start_time, tzinfo=event.zone)
    assert int(vevent["SEQUENCE"]) == 1


def _republish_with(event, edit):
    page = event.get_latest_revision_as_object()
    edit(page)
    page.save_revision().publish()
    return type(event).objects.get(pk=event.pk)


def test_ics_keeps_uids_across_an_agenda_edit_and_sequence_rises(client, event):
    before, _ = _events(client.get(event.url + "agenda.ics").content)

    def move(page):
        sessions = list(page.sessions.all())
        session = next(s for s in sessions if s.title.startswith("TS-III"))
        session.start_time = datetime.time(14, 15)
        session.end_time = datetime.time(15, 30)
        session.title = "TS-III: Victims in court (revised)"
        page.sessions = sessions

    event = _republish_with(event, move)
    after, _ = _events(client.get(event.url + "agenda.ics").content)
    assert set(before) == set(after)
    assert {int(e["SEQUENCE"]) for e in after.values()} == {2}
    assert event.agenda_version == 2


def test_pdf_opens_and_contains_every_session_title(client, event):
    response = client.get(event.url + "agenda.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    text = " ".join(text.split())
    for session in AgendaSession.objects.filter(page=event):
        assert session.title in text
    assert reader.trailer["/Root"].get("/MarkInfo", {}).get("/Marked")  # tagged PDF


def _rows(n):
    rows = []
    minute = 9 * 60
    for i in range(n):
        start, end = minute, minute + 20
        rows.append(
            (
                0,
                f"{start // 60:02d}:{start % 60:02d}",
                f"{end // 60:02d}:{end % 60:02d}",
                f"Session {i}",
                "technical",
                True,
            )
        )
        minute = end
    return rows


def _count(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


def test_colloquium_page_query_count_is_flat(client, index, judge):
    small = make_event(index, title="Five sessions", sessions=_rows(5))
    large = make_event(index, title="Twenty sessions", sessions=_rows(20))
    client.force_login(judge)
    _count(client, small.url)
    assert _count(client, small.url) == _count(client, large.url)
    assert _count(client, small.url + "agenda.ics") == _count(client, large.url + "agenda.ics")


def test_api_exposes_the_agenda(client, event):
    response = client.get(f"/api/v2/pages/{event.pk}/")
    assert response.status_code == 200
    data = response.json()
    titles = [s["title"] for s in data["sessions"]]
    assert "Inaugural session" in titles
    assert data["agenda_version"] == 1
    assert all("uid" in s for s in data["sessions"])


def test_page_renders_the_agenda_in_time_order(client, index):
    rows = [(0, "14:00", "15:00", "Afternoon", "technical", True), (0, "09:00", "10:00", "Morning", "technical", True)]
    page = make_event(index, title="Ordered", sessions=rows)
    body = client.get(page.url).content.decode()
    assert body.index("Morning") < body.index("Afternoon")
    assert session_rows  # imported helper used elsewhere


def test_pdf_lists_public_materials_and_has_no_empty_bullets(client, index):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    reading = Document.objects.create(title="Reading list", file=ContentFile(b"%PDF-1.4 a", name="reading.pdf"))
    sop = Document.objects.create(title="SOP for rescue", file=ContentFile(b"%PDF-1.4 b", name="sop.pdf"))
    case = Document.objects.create(title="Case file", file=ContentFile(b"%PDF-1.4 c", name="case.pdf"))
    event = make_event(index, title="With materials in print")
    latest = event.get_latest_revision_as_object()
    sessions = list(latest.sessions.all())
    sessions[1].people = [
        ("person", {"role": "chair", "name": "High Court Judge", "designation": "", "organisation": ""}),
        ("person", {"role": "resource_person", "name": "NLU professor", "designation": "", "organisation": ""}),
    ]
    sessions[2].materials = [
        ("material", {"document": reading, "title": "", "access": "public"}),
        ("material", {"document": case, "title": "Mock trial case file", "access": "participants"}),
    ]
    sessions[3].materials = [("material", {"document": sop, "title": "Rescue SOP (2024)", "access": "public"})]
    latest.sessions = sessions
    latest.save_revision().publish()

    response = client.get(event.url + "agenda.pdf")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    lines = [line.strip() for line in text.splitlines()]
    assert not [line for line in lines if line in ("•", "◦", "-", "–")], "empty bullet lines"
    flat = " ".join(text.split())
    assert "• Chair: High Court Judge" in flat and "• Resource person: NLU professor" in flat
    assert "Reading list" in flat and "Rescue SOP (2024)" in flat
    compact = "".join(text.split())  # a long address may wrap onto the next line
    assert f"http://testserver{reading.url}" in compact and f"http://testserver{sop.url}" in compact
    assert "Mock trial case file" not in flat and "Case file" not in flat


# --- The exact addresses: `<page url>agenda.ics` and `agenda.pdf`, routed through the page ---


@pytest.mark.parametrize(
    "name, content_type", [("agenda.ics", "text/calendar; charset=utf-8"), ("agenda.pdf", "application/pdf")]
)
def test_agenda_files_are_served_at_their_exact_address_without_a_redirect(client, event, name, content_type):
    url = event.url + name
    assert url.endswith(f"/{event.slug}/{name}")
    response = client.get(url)
    assert response.status_code == 200
    assert "Location" not in response
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'inline; filename="{event.slug}-{name}"'


def test_other_file_names_and_a_trailing_slash_are_not_found(client, event):
    assert client.get(event.url + "agenda.ics/").status_code == 404
    assert client.get(event.url + "agenda.txt").status_code == 404
    assert client.get(event.url + "programme.pdf").status_code == 404
    assert client.get("/no-such-page/agenda.ics").status_code == 404


def test_an_unpublished_event_has_no_agenda_files(client, event):
    url = event.url + "agenda.ics"
    event.unpublish()
    assert client.get(url).status_code == 404


def test_agenda_file_queries_do_not_grow_with_the_depth_of_the_page(client, home, event):
    national = make_event(make_index(home, "Colloquia and conferences", "colloquia"), title="National colloquium")
    counts = []
    for page in (national, event):  # /colloquia/<event>/ and /academies/<academy>/colloquia/<event>/
        client.get(page.url + "agenda.ics")  # the site root paths and content generation, once
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url + "agenda.ics").status_code == 200
        counts.append(len(queries))
    assert event.url.count("/") > national.url.count("/")
    assert counts[0] == counts[1]


def test_anonymous_agenda_calendar_is_kept_in_the_page_cache(client, settings, tmp_path, event):
    from wagtail.models import Site

    from home.models import SiteSettings

    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_MARKER = str(tmp_path / "page-cache-generation")
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    url = event.url + "agenda.ics"
    first = client.get(url)
    assert first.status_code == 200 and first.headers.get("X-Page-Cache") == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second.headers.get("X-Page-Cache") == "hit" and len(queries) == 0
    assert second.content == first.content
    assert second["Content-Disposition"] == first["Content-Disposition"]
