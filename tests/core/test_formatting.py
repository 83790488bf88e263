"""core.formatting and its template filters: money, hours and time zones printed one way."""

import datetime
import io
from decimal import Decimal

import pytest
from django.template import engines

from core.formatting import format_hours, format_rupees, hours_phrase, indian_digits, time_zone_label, times_note


@pytest.mark.parametrize(
    ("amount", "printed"),
    [
        (0, "Rs 0"),
        (999, "Rs 999"),
        (1000, "Rs 1,000"),
        (100000, "Rs 1,00,000"),
        (195000, "Rs 1,95,000"),
        (Decimal("195000.00"), "Rs 1,95,000"),
        (10000000, "Rs 1,00,00,000"),
        (Decimal("123456789"), "Rs 12,34,56,789"),
        (-1000, "-Rs 1,000"),
        (Decimal("-195000.5"), "-Rs 1,95,000.50"),
        (Decimal("195000.50"), "Rs 1,95,000.50"),
        (Decimal("1999.999"), "Rs 2,000"),
        (Decimal("0.05"), "Rs 0.05"),
        (Decimal("-0.001"), "Rs 0"),
        (1234.5, "Rs 1,234.50"),
        ("200000", "Rs 2,00,000"),
    ],
)
def test_rupees_use_indian_grouping(amount, printed):
    assert format_rupees(amount) == printed


def test_indian_digits_with_decimals():
    assert indian_digits(Decimal("1234567.891"), 2) == "12,34,567.89"
    assert indian_digits(-100000) == "-1,00,000"


@pytest.mark.parametrize(
    ("hours", "figure", "phrase"),
    [
        (Decimal("2.50"), "2.5", "2.5 hours"),
        (Decimal("2.25"), "2.25", "2.25 hours"),
        (Decimal("3.00"), "3", "3 hours"),
        (Decimal("2.0"), "2", "2 hours"),
        (Decimal("1.00"), "1", "1 hour"),
        (Decimal("0"), "0", "0 hours"),
        (Decimal("1.005"), "1.01", "1.01 hours"),
        (Decimal("10"), "10", "10 hours"),
        (Decimal("100"), "100", "100 hours"),
        (2.5, "2.5", "2.5 hours"),
        (6, "6", "6 hours"),
    ],
)
def test_hours_drop_trailing_zeros_and_keep_at_most_two_decimals(hours, figure, phrase):
    assert format_hours(hours) == figure
    assert hours_phrase(hours) == phrase


def test_time_zone_label_names_the_zone_and_its_offset():
    assert time_zone_label("Asia/Kolkata") == "IST (UTC+05:30)"
    assert times_note("Asia/Kolkata", datetime.date(2026, 1, 12)) == "All times IST (UTC+05:30)"
    assert time_zone_label("Asia/Kathmandu", datetime.date(2026, 1, 12)) == "UTC+05:45"  # numeric abbreviation
    assert time_zone_label("Europe/London", datetime.date(2026, 1, 12)) == "GMT (UTC+00:00)"
    assert time_zone_label("Europe/London", datetime.date(2026, 7, 1)) == "BST (UTC+01:00)"  # summer time
    assert time_zone_label("America/St_Johns", datetime.date(2026, 1, 12)) == "NST (UTC-03:30)"


@pytest.mark.parametrize("bad", [None, True, object(), "lakh", Decimal("NaN")])
def test_unreadable_numbers_raise(bad):
    with pytest.raises((TypeError, ValueError, ArithmeticError)):
        format_rupees(bad)


def _render(source, **context):
    return engines["django"].from_string("{% load formatting %}" + source).render(context)


def test_filters_print_the_same_as_the_functions():
    day = datetime.date(2026, 1, 12)
    assert _render("{{ a|rupees }}", a=Decimal("195000.00")) == "Rs 1,95,000"
    assert _render("{{ h|hours }} / {{ h|hours_figure }}", h=Decimal("2.50")) == "2.5 hours / 2.5"
    assert _render("{{ z|time_zone_label:d }}", z="Asia/Kolkata", d=day) == "IST (UTC+05:30)"
    assert _render("{{ z|times_note:d }}", z="Asia/Kolkata", d=day) == "All times IST (UTC+05:30)"


def test_filters_print_nothing_for_empty_or_unreadable_values():
    assert _render("[{{ a|rupees }}][{{ b|hours }}][{{ c|hours_figure }}]", a=None, b="", c="many") == "[][][]"


# --- Where people read them: every page, PDF and email that prints money, hours or times ---


def _pdf_text(content):
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


@pytest.fixture
def event(academy):
    from tests.colloquia.conftest import make_event, make_index

    return make_event(
        make_index(academy.page),
        sessions=[(0, "10:00", "12:30", "TS-I: The law after BNS", "technical", True)],
        start=datetime.date(2026, 1, 12),
        mha_supported=True,
        amount_sanctioned=Decimal("195000.00"),
        rule="min_hours",
        certificate_min_hours=Decimal("2.00"),
    )


@pytest.mark.django_db
def test_event_page_prints_rupees_hours_and_the_time_zone_in_words(client, event):
    body = " ".join(client.get(event.url).content.decode().split())
    assert "(Rs 1,95,000 sanctioned)" in body and "195000" not in body
    assert "<dt>Time zone</dt><dd>IST (UTC+05:30)</dd>" in body and "Asia/Kolkata" not in body
    assert "All times IST (UTC+05:30)." in body
    assert "Total time of counted sessions: 2.5 hours." in body and "2.50" not in body
    assert "(X = 2)" in body


@pytest.mark.django_db
def test_agenda_pdf_says_all_times_ist(client, event):
    text = _pdf_text(client.get(event.url + "agenda.pdf").content)
    assert "All times IST (UTC+05:30)." in text and "Asia/Kolkata" not in text


@pytest.mark.django_db
def test_certificate_hours_print_the_same_in_lists_records_and_pdfs(client, judge, academy):
    from certificates.models import Kind, SourceKind
    from certificates.services import IssueContext, issue_certificate
    from tests.certificates.conftest import snapshot

    context = IssueContext.build(Kind.ATTENDANCE, academy)
    cert, _ = issue_certificate(judge, SourceKind.COLLOQUIUM, 31, snapshot(hours="2.50"), context=context)
    issue_certificate(judge, SourceKind.COLLOQUIUM, 32, snapshot(title="Second", hours="3.25"), context=context)
    client.force_login(judge)
    mine = client.get("/certificates/").content.decode()
    assert "<td>2.5</td>" in mine and "<td>3.25</td>" in mine and "2.50" not in mine
    record = client.get(f"/certificates/verify/{cert.verification_code}/").content.decode()
    assert "<dt>Hours</dt><dd>2.5</dd>" in record
    assert "Hours: 2.5 " in _pdf_text(client.get(f"/certificates/{cert.pk}/download/").getvalue())
    transcript = _pdf_text(client.get("/certificates/transcript/").content)
    assert " 2.5 " in transcript and "2.50" not in transcript and "Total hours 5.75" in transcript


@pytest.mark.django_db
def test_module_pages_print_hours_without_a_trailing_zero(client, academy):
    from tests.courses.conftest import make_index as make_course_index
    from tests.courses.conftest import make_module

    module = make_module(make_course_index(academy.page), estimated_hours=Decimal("2.0"), featured=True)
    module.save_revision().publish()
    body = client.get(module.url).content.decode()
    assert "About 2 hours" in body and "2.0 hours" not in body


@pytest.mark.django_db
def test_revised_agenda_email_names_the_time_zone(event, judge, mailoutbox, django_capture_on_commit_callbacks):
    from colloquia.models import Registration

    Registration.objects.create(
        page=event, user=judge, email=judge.email, name=judge.full_name, category="district_judge", status="approved"
    )
    page = event.get_latest_revision_as_object()
    sessions = list(page.sessions.all())
    sessions[0].start_time = datetime.time(10, 30)
    page.sessions = sessions
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert [message.to for message in mailoutbox] == [[judge.email]]
    assert "10:30–12:30.\nAll times IST (UTC+05:30).\n" in mailoutbox[0].body
