"""`certificates.signals.certificate_issued`: once per new certificate, after the commit; never for one already held."""

import pytest

from certificates.models import Certificate
from certificates.services import reissue
from certificates.signals import certificate_issued


@pytest.fixture
def heard():
    calls = []

    def listener(sender, certificate, replaces, **kwargs):
        calls.append((sender, certificate.serial, replaces.serial if replaces else None))

    certificate_issued.connect(listener, dispatch_uid="test-listener")
    yield calls
    certificate_issued.disconnect(dispatch_uid="test-listener")


@pytest.mark.django_db
def test_sent_once_for_a_new_certificate_after_the_commit(
    judge, academy, issue, heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        cert, created = issue(judge, academy, source_id=401)
        assert created and heard == []  # not before the commit
    for callback in callbacks:
        callback()
    assert heard == [(Certificate, cert.serial, None)]
    with django_capture_on_commit_callbacks(execute=True):
        assert issue(judge, academy, source_id=401) == (cert, False)
    assert len(heard) == 1


@pytest.mark.django_db
def test_a_reissue_names_the_certificate_it_replaces(
    judge, academy, registrar, issue, heard, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        cert, _ = issue(judge, academy, source_id=402)
        new = reissue(cert, by=registrar, reason="Spelling of the name corrected")
    assert heard == [(Certificate, cert.serial, None), (Certificate, new.serial, cert.serial)]


@pytest.mark.django_db
def test_a_listener_that_fails_does_not_undo_the_issue(judge, academy, issue, django_capture_on_commit_callbacks):
    def broken(sender, **kwargs):
        raise RuntimeError("listener broke")

    certificate_issued.connect(broken, dispatch_uid="test-broken")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            cert, created = issue(judge, academy, source_id=403)
    finally:
        certificate_issued.disconnect(dispatch_uid="test-broken")
    assert created and Certificate.objects.get(pk=cert.pk).status == "valid"
