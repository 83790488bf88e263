"""What the app servers must share through Redis: rate limits and the one-time codes already used."""

import secrets
import time

import pytest

from .conftest import Browser, fresh_period, location, sign_in, totp_code

pytestmark = pytest.mark.stack

VERIFY_LIMIT = 30  # certificates.ratelimit.DEFAULT_LIMIT: lookups a minute from one address


def test_the_verification_limit_counts_requests_to_both_app_servers_together(stack):
    # Unknown codes are answered 404 and never cached, so each request reaches the view and counts.
    for _attempt in range(3):
        browser = Browser(stack)  # a new client address: a bucket of its own
        minute = int(time.time() // 60)
        answers = []
        for number in range(VERIFY_LIMIT + 2):
            server = ("app-a", "app-b")[number % 2]
            code = secrets.token_urlsafe(18)
            answers.append(browser.get(server, f"/certificates/verify/{code}/").status_code)
        if int(time.time() // 60) == minute:  # the limit is per clock minute: all of them fell in one
            break
    else:
        pytest.fail("three attempts in a row straddled a clock minute")
    assert answers[:VERIFY_LIMIT] == [404] * VERIFY_LIMIT
    # The 31st request, whichever server it reaches, is over the limit, and so is the next on the other.
    assert answers[VERIFY_LIMIT:] == [429, 429]


def test_a_one_time_code_used_on_one_app_server_is_refused_on_the_other(stack, demo_accounts):
    password, secret = demo_accounts["password"], demo_accounts["totp_secret"]
    # Every demo staff account shares the published secret, so each takes the same code in a period.
    for _attempt in range(3):
        at = fresh_period(seconds_needed=15)
        code = totp_code(secret, at)
        first = sign_in(Browser(stack), "app-a", "editor@demo.test", password, code)
        assert first.status_code == 302 and "/accounts/2fa/authenticate" not in location(first), (
            "the code was refused on its first use"
        )
        again = sign_in(Browser(stack), "app-b", "editor@demo.test", password, code)
        # Control: the same code for another staff account, on the same server, still in its period.
        other = sign_in(Browser(stack), "app-b", "cja-staff@demo.test", password, code)
        if totp_code(secret) == code:  # all three answered within the code's period
            break
    else:
        pytest.fail("the TOTP period ran out three times during the test")
    assert again.status_code == 200, "a reused code signed in on the other app server"
    assert "Incorrect code" in again.text
    assert other.status_code == 302 and "/accounts/2fa/authenticate" not in location(other)
