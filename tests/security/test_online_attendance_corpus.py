"""The shared attack corpus against the online attendance import: hostile names and emails in a report,
and hostile files uploaded as reports.

Runs only when ../shared/corpus exists (the `corpus_dir` fixture skips otherwise). Every XSS
payload of the corpus goes through one report (as names, and as emails where they could pass for
one); the preview and the column-mapping screens must show them as text only. Every upload of the
corpus is refused, or read as text and shown escaped; nothing in it is ever recorded.
"""

import csv
import io
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from colloquia.models import Attendance
from colloquia.services import Refused
from online_attendance import services
from online_attendance.models import AttendanceImport
from tests.online_attendance.conftest import approved, hybrid_event, us

pytestmark = [pytest.mark.corpus, pytest.mark.django_db]

FORBIDDEN = {"script", "svg", "math", "style", "iframe", "object", "embed", "base", "meta", "link", "frame", "img"}


class TagAudit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN:
            self.problems.append(f"<{tag}>")
        self.problems += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("on")]


# Where the screens start showing the report (the admin's own chrome before it has icons and scripts).
MARKERS = ('class="online-report-facts"', "is not one Colloquium knows")


def audit(html):
    """Forbidden tags and event handlers in what the screen shows of the report."""
    marker = next(m for m in MARKERS if m in html)
    parser = TagAudit()
    parser.feed(html.split(marker, 1)[1].split("</main>", 1)[0])
    return parser.problems


@pytest.fixture
def event(academy):
    return hybrid_event(academy)


@pytest.fixture
def session(event):
    return event.sessions.select_related("page").get(title="TS-I: Online evidence")


def payloads(corpus_dir):
    lines = (corpus_dir / "xss" / "ALL_unique_singleline.txt").read_text(errors="replace").splitlines()
    return [line for line in lines if line.strip()][:2000]


def test_hostile_names_in_a_report_are_shown_as_text_only(client, corpus_dir, event, session, registrar):
    approved(event, full_name="Asha Verma")
    names = payloads(corpus_dir)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Name (Original Name)", "User Email", "Join Time", "Leave Time", "Duration (Minutes)"])
    writer.writerow(["Asha Verma", "", us(session.date, "10:00"), us(session.date, "10:55"), "55"])
    for name in names:
        writer.writerow([name, f"{name}@x.example" if "@" not in name else name, us(session.date, "10:00"),
                         us(session.date, "10:30"), "30"])  # fmt: skip
    upload = SimpleUploadedFile("hostile.csv", buffer.getvalue().encode(), content_type="text/csv")
    report = services.start_import(event, session, upload, by=registrar)
    result = services.preview(report)
    assert [p.registration.name for p in result.matched] == ["Asha Verma"]
    client.force_login(registrar)
    html = client.get(f"/admin/online-attendance/import/{report.pk}/").content.decode()
    assert audit(html) == []
    assert "Unmatched rows" in html and not Attendance.objects.exists()


def test_hostile_files_uploaded_as_reports_are_refused_or_shown_as_text(client, corpus_dir, event, session, registrar):
    files = sorted(p for p in (corpus_dir / "uploads").rglob("*") if p.is_file())
    assert files
    client.force_login(registrar)
    refused = shown = 0
    for path in files:
        content = path.read_bytes()
        for name in (path.name, "report.csv"):
            upload = SimpleUploadedFile(name, content, content_type="text/csv")
            try:
                report = services.start_import(event, session, upload, by=registrar)
            except Refused:
                refused += 1
                continue
            shown += 1
            html = client.get(f"/admin/online-attendance/import/{report.pk}/").content.decode()
            assert audit(html) == [], path
            services.discard(report, by=registrar)
    assert refused >= len(files)  # at least every file under its own (non-CSV) name
    assert not Attendance.objects.exists()
    assert not AttendanceImport.objects.filter(status__in=["mapping", "preview", "confirmed"]).exists()
