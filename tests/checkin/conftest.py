import datetime
from unittest import mock

import pytest

from checkin.services import desk_sessions
from colloquia import services as colloquia
from tests.colloquia.conftest import make_event, make_index
from tests.factories import make_staff, make_user


@pytest.fixture
def index(academy):
    return make_index(academy.page)


@pytest.fixture
def event(index):
    return make_event(index)


@pytest.fixture
def other_event(other_academy):
    return make_event(make_index(other_academy.page), title="MP State Colloquium")


@pytest.fixture
def other_registrar(other_academy):
    return make_staff(other_academy, "registrar", full_name="Other Registrar")


def approved(event, role="district_judge", **fields):
    """A new verified user with an approved place at `event` (open registration)."""
    registration = colloquia.register(make_user(role, **fields), event)
    assert registration.status == "approved"
    return registration


def counted(event):
    return desk_sessions(event)


def during(session, minutes=5):
    """A moment `minutes` after `session` starts, in its event's zone."""
    return session.starts_at(session.page.zone) + datetime.timedelta(minutes=minutes)


def at(moment):
    """Move the clock attendance reads (colloquia.services.clock) to `moment`."""
    return mock.patch("colloquia.services.clock.now", return_value=moment)
