"""Browser journey: the judge downloads a certificate; an anonymous visitor verifies its code."""

import re

import pytest
from playwright.sync_api import expect

from certificates.models import IssueBatch, Kind, SourceKind
from certificates.services import IssueContext, issue_certificate
from certificates.tasks import issue_batch
from colloquia.services import record_attendance, register, sessions_in_order
from tests.browser.conftest import login, run_axe
from tests.certificates.conftest import snapshot
from tests.colloquia.conftest import make_event, make_index, move_event


@pytest.mark.browser
def test_judge_downloads_and_visitor_verifies(live_server, page, judge, academy, browser):
    cert, _ = issue_certificate(
        judge, SourceKind.COLLOQUIUM, 9001, snapshot(), context=IssueContext.build(Kind.ATTENDANCE, academy)
    )
    login(page, live_server, judge.email)
    page.goto(f"{live_server.url}/certificates/")
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile(f"Download PDF.*{cert.serial}")).click()
    with cert.pdf.open("rb") as stored, open(info.value.path(), "rb") as downloaded:
        assert downloaded.read() == stored.read()

    visitor = browser.new_context(base_url=live_server.url).new_page()
    visitor.goto(f"{live_server.url}/certificates/verify/")
    visitor.get_by_label("Verification code").fill(cert.verification_code)
    visitor.get_by_role("button", name="Check code").click()
    assert visitor.locator("#certificate-status").inner_text().startswith("Valid.")
    assert cert.serial in visitor.content()
    visitor.context.close()


@pytest.mark.browser
def test_batch_progress_reaches_finished_without_a_reload(live_server, page, academy, judge, registrar):
    event = make_event(make_index(academy.page), title="Colloquium that took place")
    registration = register(judge, event)
    event = move_event(event, -30)
    for session in (s for s in sessions_in_order(event) if s.counts_for_attendance):
        record_attendance(session, {registration: "present"}, method="registrar", by=registrar)
    # Queued, as when no worker has picked it up yet.
    batch = IssueBatch.objects.create(
        colloquium_id=event.pk, title=event.title, academy=academy, requested_by=registrar
    )

    login(page, live_server, registrar.email)
    page.goto(f"{live_server.url}/admin/certificates/batches/{batch.pk}/")
    status = page.locator("#batch-status")
    expect(status).to_contain_text("Queued")
    expect(page.get_by_role("link", name="Refresh")).to_be_visible()
    assert page.locator('meta[http-equiv="refresh"]').count() == 0
    assert run_axe(page) == []
    page.evaluate("window.sameDocument = true")  # gone if the page reloads

    issue_batch.enqueue(batch.pk)  # the worker runs it (the test settings run tasks at once)

    expect(status).to_contain_text("Finished. 1 of 1 processed: 1 issued now", timeout=30_000)
    assert page.evaluate("window.sameDocument === true")
    expect(page.get_by_role("link", name="See the certificates")).to_be_visible()
    expect(page.get_by_role("link", name="Refresh")).to_be_hidden()
    assert page.locator("#batch-progress").get_attribute("value") == "100"
    assert run_axe(page) == []


@pytest.mark.browser
def test_each_reason_label_on_a_certificate_focuses_its_own_box(live_server, page, academy, judge, registrar):
    cert, _ = issue_certificate(
        judge, SourceKind.COLLOQUIUM, 9002, snapshot(), context=IssueContext.build(Kind.ATTENDANCE, academy)
    )
    login(page, live_server, registrar.email)
    page.goto(f"{live_server.url}/admin/certificates/{cert.pk}/")
    revoke = page.locator(f'form[action$="/{cert.pk}/revoke/"] textarea[name="reason"]')
    reissue = page.locator(f'form[action$="/{cert.pk}/reissue/"] textarea[name="reason"]')
    page.locator("label", has_text="Reason for re-issuing").click()
    expect(reissue).to_be_focused()
    page.locator("label", has_text="Reason for revoking").click()
    expect(revoke).to_be_focused()
    assert run_axe(page) == []
