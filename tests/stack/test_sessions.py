"""Sessions live in Redis, not in an app server: restarting one signs nobody out."""

import pytest

from .conftest import location, sign_in, stack_command

pytestmark = pytest.mark.stack

DASHBOARD = "/accounts/dashboard/"


def test_a_session_survives_a_restart_of_an_app_server(stack, browser, demo_accounts):
    response = sign_in(browser, "nginx", "judge@demo.test", demo_accounts["password"])
    assert location(response) == DASHBOARD
    before = browser.get("nginx", DASHBOARD)
    assert before.status_code == 200 and "Anjali Verma" in before.text

    stack_command(stack, "restart", "app-a")  # a new gunicorn master and workers; returns once it answers

    for server in ("app-a", "nginx", "app-b"):
        after = browser.get(server, DASHBOARD)
        assert after.status_code == 200, f"{server}: {after.status_code} {location(after)}"
        assert "Anjali Verma" in after.text
