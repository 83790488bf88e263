import re

import pytest
from django.core import mail

from tests import factories
from tests.browser.conftest import run_axe

pytestmark = pytest.mark.browser


def test_sign_up_verify_log_in_fill_profile_and_see_role_pending(page, live_server):
    factories.make_home()
    page.goto(live_server.url + "/")
    assert not run_axe(page), "home page has serious accessibility violations"

    page.get_by_role("link", name="Sign up").click()
    assert not run_axe(page), "sign-up page has serious accessibility violations"
    page.get_by_label("Email", exact=True).fill("rekha@example.test")
    page.get_by_label("Password", exact=True).fill("Stronger-Passw0rd!")
    page.get_by_label("Password (again)").fill("Stronger-Passw0rd!")
    page.get_by_label("Full name").fill("Smt. Rekha Soren")
    page.get_by_label("Role").select_option("district_judge")
    page.get_by_label("State/UT").select_option(label="Jharkhand")
    page.get_by_role("button", name="Sign Up").click()
    page.get_by_text(re.compile("verification", re.I)).first.wait_for()

    body = mail.outbox[-1].body
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", body).group(1)
    page.goto(live_server.url + link)
    page.get_by_role("button", name="Confirm").click()

    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Email").fill("rekha@example.test")
    page.get_by_label("Password").fill("Stronger-Passw0rd!")
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile("/accounts/dashboard/"))

    page.goto(live_server.url + "/accounts/profile/")
    page.get_by_label("Designation").fill("Additional Sessions Judge")
    page.get_by_label("Court or office").fill("Civil Court, Dumka")
    page.get_by_role("button", name="Save profile").click()
    page.get_by_text("Your profile has been saved.").wait_for()
    assert "pending verification" in page.locator("#role-status").inner_text()
    assert page.get_by_label("Court or office").input_value() == "Civil Court, Dumka"
    assert not run_axe(page), "profile page has serious accessibility violations"
