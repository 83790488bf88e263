"""Browser journey: the judge downloads a certificate; an anonymous visitor verifies its code."""

import re

import pytest

from certificates.models import Kind, SourceKind
from certificates.services import IssueContext, issue_certificate
from tests.browser.conftest import login
from tests.certificates.conftest import snapshot


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
