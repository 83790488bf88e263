import io

import pytest
from django.core.management import CommandError, call_command

from academies.models import Academy
from accounts.models import User


@pytest.mark.django_db
def test_load_demo_is_idempotent_and_creates_every_role(settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "Demo content loaded" in out.getvalue()
    emails = set(User.objects.values_list("email", flat=True))
    for email in [
        "judge@demo.test",
        "prosecutor@demo.test",
        "police@demo.test",
        "cso@demo.test",
        "editor@demo.test",
        "admin@demo.test",
    ]:
        assert email in emails
    assert Academy.objects.count() >= 3
    counts = (User.objects.count(), Academy.objects.count())
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "nothing changed" in out.getvalue()
    assert (User.objects.count(), Academy.objects.count()) == counts


@pytest.mark.django_db
def test_load_demo_refuses_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG off"):
        call_command("load_demo", stdout=io.StringIO())
