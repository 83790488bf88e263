"""Browser journey: a registrar writes to a filtered set of participants, previews, sends and reads the delivery log."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from messaging.models import Message
from tests import factories
from tests.browser.conftest import login, run_axe
from tests.colloquia.conftest import make_event, make_index
from tests.messaging.conftest import add_registration


@pytest.mark.browser
def test_registrar_writes_to_prosecutors_previews_sends_and_reads_the_log(live_server, page, academy, registrar):
    event = make_event(make_index(academy.page), title="State colloquium on trafficking")
    for name, role in [
        ("Asha Prosecutor", "prosecutor"),
        ("Bimal Prosecutor", "prosecutor"),
        ("Chitra Judge", "district_judge"),
    ]:
        add_registration(event, factories.make_user(role, full_name=name))

    login(page, live_server, registrar.email)
    page.goto(f"{live_server.url}/admin/messaging/")
    page.get_by_role("link", name="State colloquium on trafficking", exact=True).click()
    page.get_by_role("link", name="Write to participants").click()
    assert run_axe(page) == []

    page.get_by_role("group", name="Category").get_by_label("Public prosecutors").check()
    page.get_by_label("Subject").fill("Travel to {event}")
    page.get_by_label("Message").fill(
        "Dear {name},\n\nPlease send your travel plans for {dates}.\n\nCalendar: {calendar_link}"
    )
    page.get_by_role("button", name="Preview").click()

    expect(page.locator("#preview-count")).to_contain_text("2 recipients")
    expect(page.locator("#preview-subject")).to_have_text("Travel to State colloquium on trafficking")
    expect(page.locator("#preview-body")).to_contain_text("Dear Asha Prosecutor,")
    expect(page.locator("#preview-body")).to_contain_text("/colloquia-registrations/calendar/")
    assert run_axe(page) == []
    assert mail.outbox == []

    page.get_by_role("button", name="Send to 2 people").click()
    page.wait_for_url(re.compile(r"/admin/messaging/\d+/$"))
    expect(page.locator("#log-summary")).to_contain_text("2 recipients: 2 sent, 0 failed, 0 waiting to be sent.")
    log = page.get_by_role("table", name="Delivery log")
    expect(log.get_by_role("row")).to_have_count(3)
    expect(log).to_contain_text("Asha Prosecutor")
    expect(log).to_contain_text("Bimal Prosecutor")
    expect(log).not_to_contain_text("Chitra Judge")
    expect(page.get_by_text("Your message is being sent to 2 people")).to_be_visible()
    # The admin slides its messages in from transparent: check the page once they are fully shown.
    page.wait_for_function("() => getComputedStyle(document.querySelector('.messages > ul')).opacity === '1'")
    assert run_axe(page) == []

    message = Message.objects.get()
    assert message.deliveries.filter(status="sent").count() == 2
    assert sorted(m.subject for m in mail.outbox) == ["Travel to State colloquium on trafficking"] * 2
