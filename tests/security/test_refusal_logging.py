"""Refusals are logged with who (user id), what (method, path) and when (the log record's time)."""

import logging

import pytest

pytestmark = pytest.mark.django_db


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture
def security_log():
    handler = Collect()
    logger = logging.getLogger("colloquium.security")
    logger.addHandler(handler)
    yield handler.records
    logger.removeHandler(handler)


def test_a_403_without_its_own_log_line_is_logged_by_the_middleware(client, judge, home, security_log):
    client.force_login(judge)  # not a member of any organisation
    response = client.get("/resources/mine/")
    assert response.status_code == 403
    [record] = security_log
    message = record.getMessage()
    assert f"user={judge.pk}" in message and "method=GET" in message and "path=/resources/mine/" in message
    assert record.created  # when


def test_a_wagtail_admin_refusal_is_logged(client, editor, security_log):
    client.force_login(editor)  # admin access, but no permission to verify roles
    response = client.get("/admin/roles/")
    assert response.status_code == 302  # Wagtail's "no permission" redirect to the dashboard
    [record] = security_log
    assert f"user={editor.pk}" in record.getMessage() and "path=/admin/roles/" in record.getMessage()


def test_a_view_that_logs_its_refusal_is_not_logged_twice(client, judge, home, security_log):
    client.force_login(judge)  # not a CSO member: refused with the reason
    response = client.get("/resources/share/")
    assert response.status_code == 403
    assert len(security_log) == 1
    assert "what=resource upload" in security_log[0].getMessage()


def test_site_history_is_refused_to_academy_staff_and_logged(client, registrar, security_log):
    client.force_login(registrar)
    assert client.get("/admin/reports/site-history/").status_code == 403
    assert [r.getMessage() for r in security_log if "site history" in r.getMessage()]


def test_sending_an_anonymous_visitor_to_sign_in_is_not_a_refusal(client, home, security_log):
    assert client.get("/admin/roles/").status_code == 302
    assert client.get("/accounts/profile/").status_code == 302
    assert security_log == []
