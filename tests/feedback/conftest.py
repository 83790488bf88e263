import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from colloquia.models import Attendance, Registration
from feedback.models import FeedbackSetup
from tests import factories
from tests.colloquia.conftest import make_event, make_index

# The default agenda of tests.colloquia: the last counted session ends at 15:15 on its day.


def add_registration(page, user, *, status="approved", category=None):
    return Registration.objects.create(
        page=page, user=user, email=user.email, name=user.full_name, category=category or user.role, status=status
    )


def mark_present(registration, sessions=None):
    page = registration.page
    for session in sessions or [s for s in page.sessions.all() if s.counts_for_attendance]:
        Attendance.objects.create(registration=registration, session=session, status="present", method="registrar")


def ended_event(index, *, days_ago=2, title="State colloquium on trafficking", **fields):
    """An event whose last session ended `days_ago` days ago (so its feedback form is open)."""
    start = timezone.localdate() - datetime.timedelta(days=days_ago)
    return make_event(index, title=title, start=start, registration_open=False, **fields)


def set_up(page, **fields):
    return FeedbackSetup.objects.create(page=page, **fields)


def participants(page, count, role="district_judge", *, present=True, prefix="Participant"):
    people = []
    for n in range(count):
        user = factories.make_user(
            role, full_name=f"{prefix} {role} {n}", email=f"{prefix.lower()}.{role}.{n}@example.in"
        )
        registration = add_registration(page, user)
        if present:
            mark_present(registration)
        people.append(user)
    return people


@pytest.fixture
def index(academy):
    return make_index(academy.page)


@pytest.fixture
def past_event(index):
    return ended_event(index)


@pytest.fixture
def platform_admin(db):
    user = factories.make_user("academy_staff", mfa=True, full_name="Platform Admin", is_staff=True)
    user.groups.add(Group.objects.get(name="Platform administrators"))
    return user
