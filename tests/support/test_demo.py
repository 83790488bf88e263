"""The demo: one State's record from proposal to signed certificate, another State's in progress."""

import io
from decimal import Decimal

import pytest

from accounts.models import User
from demo.loaders import academies as academies_demo
from demo.loaders import accounts as accounts_demo
from demo.loaders import colloquia as colloquia_demo
from demo.loaders import home as home_demo
from demo.loaders import support as support_demo
from support import services
from support.models import SupportRecord


@pytest.mark.django_db
def test_the_demo_records():
    out = io.StringIO()
    for loader in (accounts_demo.load, home_demo.load, academies_demo.load, colloquia_demo.load):
        loader(out)
    assert support_demo.load(out) > 0
    assert support_demo.load(out) == 0  # idempotent
    done = SupportRecord.objects.get(event__slug="workshop-victim-centred-investigation")
    assert done.locked and done.versions.count() == 1 and done.photographs.count() == 2
    money = services.position(done)
    assert (money["proposed"], money["sanctioned"], money["spent"], money["balance"]) == (
        Decimal("160000"),
        Decimal("160000"),
        Decimal("151700"),
        Decimal("8300"),
    )
    assert done.expenditure.count() == 7 and all(entry.voucher_name for entry in done.expenditure.all())
    in_progress = SupportRecord.objects.get(event__slug="state-conference-labour-trafficking")
    assert not in_progress.locked and in_progress.sanction_amount == Decimal("190000")
    assert {done.event.state.code, in_progress.event.state.code} == {"JH", "PB"}
    reviewer = User.objects.get(email="mha-reviewer@demo.test")
    assert set(services.visible_records(reviewer)) == {done, in_progress}
    finance = User.objects.get(email="jsja-finance@demo.test")
    assert services.may_keep(finance, done) and not services.may_keep(finance, in_progress)


def test_the_content_file_is_checked_without_the_database():
    data = support_demo.read()
    assert [item["event"] for item in data["records"]] == [
        "workshop-victim-centred-investigation",
        "state-conference-labour-trafficking",
    ]
