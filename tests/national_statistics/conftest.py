import datetime

import pytest
from django.utils import timezone

from colloquia.models import Attendance, Registration
from national_statistics.models import StatisticsPage
from tests.colloquia.conftest import make_event, make_index
from tests.factories import make_user

# One day of two counted sessions: 1 hour and 1 hour 15 minutes.
PAST_SESSIONS = [
    (0, "10:00", "11:00", "TS-I: The law after BNS", "technical", True),
    (0, "11:15", "12:30", "TS-II: Evidence", "technical", True),
]
LAST_YEAR = timezone.localdate().year - 1


def past_event(index, title, *, state="JH", year=LAST_YEAR, **fields):
    return make_event(
        index, title=title, start=datetime.date(year, 3, 5), sessions=PAST_SESSIONS, state=state, **fields
    )


def attend(event, category, count, *, sessions=None, state="JH"):
    """`count` people of `category` registered at `event` and marked present at its sessions."""
    people = []
    for _ in range(count):
        user = make_user(category, state=state)
        registration = Registration.objects.create(
            page=event, user=user, email=user.email, name=user.full_name, category=category, status="approved"
        )
        for session in sessions if sessions is not None else event.sessions.all():
            Attendance.objects.create(registration=registration, session=session, status="present", method="registrar")
        people.append(registration)
    return people


def make_statistics_page(home):
    page = StatisticsPage(title="Statistics", slug="statistics")
    home.add_child(instance=page)
    page.save_revision().publish()
    return StatisticsPage.objects.get(pk=page.pk)


@pytest.fixture
def statistics_page(home):
    return make_statistics_page(home)


@pytest.fixture
def jh_index(academy):
    return make_index(academy.page)


@pytest.fixture
def mp_index(other_academy):
    return make_index(other_academy.page)
