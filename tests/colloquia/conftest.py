import datetime

import pytest
from django.utils import timezone
from django.utils.text import slugify

from colloquia.models import AgendaDay, AgendaSession, CategoryPlaces, ColloquiumIndexPage, ColloquiumPage
from regions.models import State

DEFAULT_SESSIONS = [
    # day offset, start, end, title, kind, counts
    (0, "09:00", "09:30", "Registration", "registration", False),
    (0, "09:30", "10:30", "Inaugural session", "inaugural", True),
    (0, "10:45", "12:00", "TS-I: The law after BNS/BNSS", "technical", True),
    (0, "12:00", "13:15", "TS-II: Investigation and evidence", "technical", True),
    (0, "13:15", "14:00", "Lunch", "break", False),
    (0, "14:00", "15:15", "TS-III: Victims in court", "technical", True),
]


def t(value):
    return datetime.time.fromisoformat(value)


def session_rows(start_date, rows):
    return [
        AgendaSession(
            date=start_date + datetime.timedelta(days=offset),
            start_time=t(start),
            end_time=t(end),
            title=title,
            kind=kind,
            counts_for_attendance=counts,
        )
        for offset, start, end, title, kind, counts in rows
    ]


def make_index(parent, title="Colloquia", slug="colloquia"):
    index = ColloquiumIndexPage(title=title, slug=slug)
    parent.add_child(instance=index)
    return index


def make_event(
    index,
    *,
    title="State Judicial Colloquium",
    start=None,
    days=1,
    sessions=DEFAULT_SESSIONS,
    audience=None,
    mode="open",
    registration_open=True,
    rule="all",
    state="JH",
    **fields,
):
    start = start or timezone.localdate() + datetime.timedelta(days=21)
    page = ColloquiumPage(
        title=title,
        slug=slugify(title),
        venue="Judicial Academy auditorium",
        address="Dhurwa, Ranchi",
        start_date=start,
        end_date=start + datetime.timedelta(days=days - 1),
        registration_mode=mode,
        registration_open=registration_open,
        certificate_rule=rule,
        state=State.objects.get(code=state) if state else None,
        **fields,
    )
    audience = audience if audience is not None else {"district_judge": None, "prosecutor": None, "police": None}
    page.audience = [CategoryPlaces(category=category, places=places) for category, places in audience.items()]
    page.sessions = session_rows(start, sessions)
    index.add_child(instance=page)
    page.save_revision().publish()
    return ColloquiumPage.objects.get(pk=page.pk)


@pytest.fixture
def index(academy):
    return make_index(academy.page)


@pytest.fixture
def event(index):
    return make_event(index)


@pytest.fixture
def other_index(other_academy):
    return make_index(other_academy.page)


def move_event(page, days):
    """Move an event and its agenda by `days` (negative: into the past), as when time passes after registration.

    A plain update, so no agenda revision is announced; returns the page read again.
    """
    delta = datetime.timedelta(days=days)
    ColloquiumPage.objects.filter(pk=page.pk).update(start_date=page.start_date + delta, end_date=page.end_date + delta)
    for model in (AgendaSession, AgendaDay):
        for row in model.objects.filter(page_id=page.pk):
            model.objects.filter(pk=row.pk).update(date=row.date + delta)
    return ColloquiumPage.objects.get(pk=page.pk)


def with_other_panels(data):
    """A colloquium page form's data with an empty formset for every panel it does not fill.

    Other apps add inline panels to the page form (the `colloquium_event_panels` hook: questions,
    feedback, co-organisers); a post without their management forms is refused, whichever are
    installed."""
    from wagtail.test.utils.form_data import inline_formset

    formsets = ColloquiumPage.get_edit_handler().get_form_class().formsets
    return {**{name: inline_formset([]) for name in formsets if name not in data}, **data}
