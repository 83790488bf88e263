"""Browser journey: a registrar filters an event's registration list, downloads it, approves two
people at once, and gives someone on the waiting list a place beyond the quota, with a reason."""

import csv
import io

import pytest
from django.core import mail
from playwright.sync_api import expect
from wagtail.models import ModelLogEntry

from colloquia.models import Registration
from colloquia.services import move_to_waitlist, register
from tests.browser.conftest import login, run_axe
from tests.colloquia.conftest import make_event, make_index
from tests.factories import make_user


@pytest.mark.browser
def test_registrar_filters_downloads_approves_two_and_promotes_beyond_the_quota(live_server, page, academy, registrar):
    event = make_event(
        make_index(academy.page),
        title="State colloquium on trafficking",
        mode="approval",
        audience={"district_judge": 2, "prosecutor": None},
    )
    anita, bhavna, wasim = (
        register(make_user("district_judge", full_name=name), event)
        for name in ("Anita Sharma", "Bhavna Rao", "Wasim Khan")
    )
    prakash = register(make_user("prosecutor", full_name="Prakash Verma"), event)
    move_to_waitlist(wasim, by=registrar)

    login(page, live_server, registrar.email)
    page.goto(f"{live_server.url}/admin/colloquia/{event.pk}/registrations/")
    expect(page.get_by_role("heading", name="Registrations")).to_be_visible()
    expect(page.get_by_text("Prakash Verma")).to_be_visible()
    assert run_axe(page) == []

    # Filter: district judges only (the list refreshes in place).
    page.get_by_role("button", name="Show filters").click()
    page.get_by_role("button", name="Category").click()
    page.get_by_label("District and Sessions judges").check()
    expect(page.get_by_text("Prakash Verma")).to_have_count(0)
    expect(page.get_by_text("Anita Sharma")).to_be_visible()
    page.keyboard.press("Escape")

    # Download the filtered list.
    page.get_by_role("button", name="Actions").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    with open(download.value.path(), encoding="utf-8") as handle:
        rows = list(csv.DictReader(io.StringIO(handle.read(), newline="")))
    assert sorted(row["Name"] for row in rows) == ["Anita Sharma", "Bhavna Rao", "Wasim Khan"]
    assert {row["Name"]: row["Status"] for row in rows}["Wasim Khan"] == "On the waiting list"

    # Approve two at once, with a note for their emails.
    page.reload()
    for registration in (anita, bhavna):
        page.locator(f'input[aria-describedby="registration_{registration.pk}_title"]').check()
    page.get_by_role("link", name="Approve the selected registrations").click()
    expect(page.get_by_role("heading", name="Approve these registrations?")).to_be_visible()
    assert run_axe(page) == []
    page.get_by_label("Note for the email (optional)").fill("Please report at 9:00 at the academy.")
    page.get_by_role("button", name="Yes, approve").click()
    expect(page.get_by_text("2 approved. Each person is being emailed.")).to_be_visible()
    assert {r.name: r.status for r in Registration.objects.filter(page=event)} == {
        "Anita Sharma": "approved",
        "Bhavna Rao": "approved",
        "Wasim Khan": "waitlisted",
        "Prakash Verma": "pending",
    }
    approved = [m for m in mail.outbox if m.subject == f"Your place is confirmed: {event.title}"]
    assert sorted(m.to[0] for m in approved) == sorted([anita.email, bhavna.email])
    assert all("Please report at 9:00 at the academy." in m.body for m in approved)

    # Both places are taken: Wasim gets one beyond the quota, with a reason that is recorded.
    page.get_by_role("link", name="Waiting list").click()
    expect(page.get_by_role("heading", name="District and Sessions judges")).to_be_visible()
    assert run_axe(page) == []
    page.get_by_role("link", name="Promote Wasim Khan").click()
    expect(page.get_by_text("No place is free.")).to_be_visible()
    assert run_axe(page) == []
    page.get_by_role("button", name="Give a place beyond the quota").click()
    expect(page.get_by_text("No place is free: write why this person must have one.")).to_be_visible()
    reason = "Nodal officer for the district's anti-trafficking unit; the High Court asked for him."
    page.get_by_label("Reason for a place beyond the quota").fill(reason)
    page.get_by_role("button", name="Give a place beyond the quota").click()
    expect(page.get_by_text("Wasim Khan has a place and is being emailed.")).to_be_visible()
    assert Registration.objects.get(pk=wasim.pk).status == "approved"
    entry = ModelLogEntry.objects.get(action="colloquium.quota_overridden", object_id=str(wasim.pk))
    assert (entry.data["reason"], entry.user_id) == (reason, registrar.pk)
    assert Registration.objects.get(pk=prakash.pk).status == "pending"
