"""Faults: when PDF rendering or email sending fails, nothing is left half-done (any database)."""

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from wagtail.models import ModelLogEntry

from tests import factories

pytestmark = pytest.mark.django_db


class BrokenRenderer(RuntimeError):
    pass


def broken_pdf(*args, **kwargs):
    raise BrokenRenderer("WeasyPrint crashed")


class FailingEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("SMTP server is down")


@pytest.fixture
def failing_email(settings):
    settings.EMAIL_BACKEND = "tests.security.test_faults.FailingEmailBackend"


def test_failed_pdf_rendering_leaves_no_certificate_no_serial_and_no_audit_entry(academy, judge, monkeypatch):
    from certificates.models import Certificate, Kind, SourceKind
    from certificates.services import IssueContext, issue_certificate
    from tests.certificates.conftest import snapshot

    monkeypatch.setattr("certificates.pdf.render_pdf", broken_pdf)
    context = IssueContext.build(Kind.ATTENDANCE, academy)
    with pytest.raises(BrokenRenderer):
        issue_certificate(judge, SourceKind.COLLOQUIUM, 7, snapshot(), context=context)
    assert not Certificate.objects.exists()
    assert not ModelLogEntry.objects.filter(action="colloquium.certificate_issued").exists()

    monkeypatch.undo()
    cert, created = issue_certificate(judge, SourceKind.COLLOQUIUM, 7, snapshot(), context=context)
    assert created and cert.serial.endswith("-000001"), "the failed attempt must give its serial back"
    assert cert.pdf and cert.pdf_sha256


def test_completion_survives_a_failed_certificate_job_and_the_job_can_run_again(
    academy, judge, monkeypatch, django_capture_on_commit_callbacks
):
    """The completion is recorded even if rendering fails; running the job again issues exactly one."""
    from certificates.models import Certificate
    from certificates.tasks import issue_for_enrolment
    from courses import services
    from tests.courses.conftest import make_index, make_module

    module = make_module(make_index(academy.page, slug="fault-modules"), lessons=1, questions=0, drawn=0)
    enrolment, _ = services.enrol(judge, module)
    monkeypatch.setattr("certificates.pdf.render_pdf", broken_pdf)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.complete_lesson(enrolment, services.lessons_for(module)[0])
    except BrokenRenderer:
        pass  # the immediate task backend may re-raise; the completion must stand either way
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    assert not Certificate.objects.exists(), "no half-made certificate"
    monkeypatch.undo()
    issue_for_enrolment.call(enrolment._meta.label, enrolment.pk)
    issue_for_enrolment.call(enrolment._meta.label, enrolment.pk)
    assert Certificate.objects.filter(user=judge).count() == 1


def test_approval_with_email_down_keeps_decision_and_audit_together(
    academy, failing_email, django_capture_on_commit_callbacks
):
    from resources import services
    from resources.models import ModerationDecision, Resource
    from tests.resources.conftest import make_member, make_org, submit

    moderator = factories.make_staff(academy, "moderator")
    version = submit(make_member(make_org()))
    with pytest.raises(ConnectionRefusedError), django_capture_on_commit_callbacks(execute=True):
        services.decide(version, moderator, "approve")
    # The email is sent after commit: the decision, the live version and the audit entry are all there.
    resource = Resource.objects.get(pk=version.resource_id)
    assert resource.live_version_id == version.pk
    assert ModerationDecision.objects.filter(version=version).count() == 1
    assert ModelLogEntry.objects.filter(action="colloquium.resource_approve", object_id=str(resource.pk)).count() == 1


def test_role_decision_with_email_down_is_still_recorded_and_audited(failing_email, django_capture_on_commit_callbacks):
    from accounts.roles import RoleStatus
    from accounts.services import decide_role

    pending = factories.make_user("district_judge", verified=False)
    reviewer = factories.make_user("academy_staff")
    with pytest.raises(ConnectionRefusedError), django_capture_on_commit_callbacks(execute=True):
        decide_role(pending, verified=True, reviewer=reviewer)
    pending.refresh_from_db()
    assert pending.role_status == RoleStatus.VERIFIED
    assert ModelLogEntry.objects.filter(action="colloquium.role_verified", object_id=str(pending.pk)).exists()


def test_certificate_email_failure_does_not_undo_the_certificate(
    academy, judge, failing_email, django_capture_on_commit_callbacks
):
    from certificates.models import Certificate, Kind, SourceKind
    from certificates.services import IssueContext, issue_certificate
    from tests.certificates.conftest import snapshot

    with django_capture_on_commit_callbacks(execute=True):
        cert, created = issue_certificate(
            judge, SourceKind.COLLOQUIUM, 8, snapshot(), context=IssueContext.build(Kind.ATTENDANCE, academy)
        )
    assert created and Certificate.objects.filter(pk=cert.pk, status=Certificate.VALID).exists()
    assert ModelLogEntry.objects.filter(action="colloquium.certificate_issued", object_id=str(cert.pk)).exists()
