"""Sign-up takes as long for an address that has an account as for a new one.

Otherwise the delay alone would reveal which addresses have accounts, whatever the page says
(enumeration prevention). The test settings hash with MD5 to be fast; the production hasher
(Django's default PBKDF2), whose cost is what differed, is switched back on here.

This measures time, so it is built to hold on a busy machine: it counts the CPU time of this
process (the cost that differed is hashing, which is CPU work; other processes' load does not count
against it), the two kinds of sign-up alternate (and swap which goes first in each round), each is
run several times, and only the ratio of the medians is checked, against a wide band (0.8 to 1.25).
"""

import statistics
import time

import pytest
from django.conf import global_settings
from django.test import override_settings

from accounts.models import User
from tests import factories
from tests.accounts.test_signup_and_login import signup_data

pytestmark = [pytest.mark.django_db, pytest.mark.timing]

ROUNDS = 7


def timed_signup(client, email):
    client.logout()
    start = time.process_time()
    response = client.post("/accounts/signup/", signup_data(email=email))
    elapsed = time.process_time() - start
    assert response.status_code == 302, response.content[:500]
    return elapsed, response["Location"]


def test_signup_with_a_taken_email_takes_as_long_as_with_a_new_one(client):
    # A distinct address each time: allauth sends one "account already exists" email per address
    # per three minutes, and an attacker can as well try many addresses once.
    taken = [factories.make_user(email=f"taken{n}@example.test").email for n in range(ROUNDS + 1)]
    new_times, taken_times, locations = [], [], set()
    with override_settings(PASSWORD_HASHERS=global_settings.PASSWORD_HASHERS):
        # Warm up both paths (templates, validators' word lists) before measuring.
        timed_signup(client, "warm-up@example.test")
        timed_signup(client, taken[-1])
        for n in range(ROUNDS):
            runs = [("new", f"fresh{n}@example.test"), ("taken", taken[n])]
            for kind, email in runs if n % 2 else reversed(runs):
                elapsed, location = timed_signup(client, email)
                (new_times if kind == "new" else taken_times).append(elapsed)
                locations.add(location)

    assert len(locations) == 1, "both kinds of sign-up must land on the same page"
    assert User.objects.filter(email__startswith="taken").count() == ROUNDS + 1
    ratio = statistics.median(taken_times) / statistics.median(new_times)
    assert 0.8 <= ratio <= 1.25, (
        f"taken/new median ratio {ratio:.2f}; new {[round(t, 3) for t in new_times]}, "
        f"taken {[round(t, 3) for t in taken_times]}"
    )
