"""Browser journey: the judge downloads a certificate's Open Badge; a visitor checks it on the verification page."""

import base64
import json
import re

import pytest

from certificates.models import Kind, SourceKind
from certificates.services import IssueContext, issue_certificate
from tests.browser.conftest import login, run_axe
from tests.certificates.conftest import snapshot


@pytest.mark.browser
def test_judge_downloads_the_badge_and_a_visitor_verifies_it(live_server, page, judge, academy, browser):
    cert, _ = issue_certificate(
        judge, SourceKind.COLLOQUIUM, 9101, snapshot(), context=IssueContext.build(Kind.ATTENDANCE, academy)
    )
    login(page, live_server, judge.email)
    page.goto(f"{live_server.url}/certificates/")
    assert run_axe(page) == []
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile(f"Open Badge.*{cert.serial}")).click()
    assert info.value.suggested_filename == f"{cert.serial}.jwt"
    badge = info.value.path()

    # bypass_csp only so that axe-core can be injected, as the page fixture does.
    visitor = browser.new_context(base_url=live_server.url, bypass_csp=True).new_page()
    visitor.goto(f"{live_server.url}/certificates/verify/")
    visitor.get_by_label("Or choose the credential file").set_input_files(badge)
    visitor.get_by_role("button", name="Check credential").click()
    assert visitor.locator("#credential-result").inner_text().startswith("Genuine credential.")
    assert cert.serial in visitor.locator("#credential-result").inner_text()
    assert run_axe(visitor) == []

    # A pasted token with one field of its content changed is refused as altered.
    header, payload, signature = badge.read_text(encoding="utf-8").split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["credentialSubject"]["narrative"] = "Completed with distinction."
    changed = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    visitor.get_by_label("Paste the credential").fill(f"{header}.{changed}.{signature}")
    visitor.get_by_role("button", name="Check credential").click()
    assert visitor.locator("#credential-result").inner_text().startswith("Altered credential.")
    # Rubbish is refused with the reason, and the page stays accessible.
    visitor.get_by_label("Paste the credential").fill("not a credential")
    visitor.get_by_role("button", name="Check credential").click()
    assert "is not a signed credential" in visitor.locator("#credential-errors").inner_text()
    assert run_axe(visitor) == []
    visitor.context.close()
