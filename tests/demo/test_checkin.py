import io

import pytest

from colloquia.models import Registration
from demo.loaders import academies as academies_demo
from demo.loaders import accounts as accounts_demo
from demo.loaders import checkin as checkin_demo
from demo.loaders import colloquia as colloquia_demo
from demo.loaders import home as home_demo

pytestmark = pytest.mark.django_db


def test_every_approved_demo_registration_gets_its_e_ticket_once():
    out = io.StringIO()
    for loader in (accounts_demo.load, home_demo.load, academies_demo.load, colloquia_demo.load):
        loader(out)
    approved = Registration.objects.filter(status="approved")
    assert approved.exists() and approved.filter(ticket__isnull=True).exists()  # the files make no tickets
    assert checkin_demo.load(out) == approved.count()
    assert not approved.filter(ticket__isnull=True).exists()
    assert not Registration.objects.exclude(status="approved").filter(ticket__isnull=False).exists()
    numbers = dict(approved.values_list("pk", "ticket__code"))
    assert checkin_demo.load(out) == 0  # idempotent: each keeps its number
    assert dict(approved.values_list("pk", "ticket__code")) == numbers
