"""A past State colloquium with participants and attendance, its support record, and the people around it."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from academies.models import Signatory
from accounts.roles import Role
from colloquia.models import Attendance, Registration
from support import services
from tests.colloquia.conftest import make_event, make_index, move_event
from tests.factories import make_staff, make_user
from tests.resources.builders import PDF, jpeg_bytes

BUDGET = {
    "venue": Decimal("30000"),
    "boarding_lodging": Decimal("60000"),
    "participant_travel": Decimal("45000"),
    "resource_persons": Decimal("35000"),
    "course_material": Decimal("12000"),
    "certificates_printing": Decimal("8000"),
    "miscellaneous": Decimal("5000"),
}  # Rs 1,95,000


def voucher(name="bill.pdf", content=PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def photo(name="inaugural.jpg"):
    return SimpleUploadedFile(name, jpeg_bytes((40, 30)), content_type="image/jpeg")


def make_past_event(index, **kwargs):
    return move_event(make_event(index, **kwargs), -40)


def attend(event, user, category="district_judge", sessions=None):
    registration = Registration.objects.create(
        page=event, user=user, email=user.email, name=user.full_name, category=category, status="approved"
    )
    for session in sessions if sessions is not None else event.sessions.filter(counts_for_attendance=True):
        Attendance.objects.create(registration=registration, session=session, status="present", method="registrar")
    return registration


def make_reviewer():
    user = make_user(Role.ACADEMY_STAFF, mfa=True, state=None)
    user.groups.add(Group.objects.get(name="MHA reviewers"))
    user.refresh_from_db()
    return user


def open_sanctioned(event, by, amount=Decimal("195000")):
    record = services.open_record(event, by=by)
    record = services.save_proposal(record, amounts=BUDGET, grantee_kind="state_government", by=by)
    return services.record_sanction(
        record,
        order_number="11/MHA/WS/2026",
        date=event.start_date - datetime.timedelta(days=20),
        amount=amount,
        authority="Ministry of Home Affairs (Women Safety Division)",
        by=by,
    )


@pytest.fixture
def index(academy):
    return make_index(academy.page)


@pytest.fixture
def event(index, judge, prosecutor):
    page = make_past_event(index)
    attend(page, judge)
    attend(page, prosecutor, category="prosecutor", sessions=[])  # approved, did not come
    return page


@pytest.fixture
def signatory(academy):
    return Signatory.objects.create(academy=academy, name="Justice (Retd.) A. Kumar", designation="Director")


@pytest.fixture
def finance(academy):
    return make_staff(academy, "finance")


@pytest.fixture
def reviewer(db):
    return make_reviewer()


@pytest.fixture
def record(event, registrar):
    return open_sanctioned(event, registrar)


@pytest.fixture
def other_record(other_academy, superuser):
    page = make_past_event(make_index(other_academy.page), title="MP State Colloquium", state="MP")
    return services.open_record(page, by=superuser)
