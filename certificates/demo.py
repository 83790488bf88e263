"""Demo certificates: one template per kind, the demo judge's two certificates, and one revoked.

Runs after the courses and colloquia loaders and reads only their public functions.
Idempotent: the issue service returns existing certificates, so a second run creates nothing.
"""

from django.apps import apps
from django.utils import timezone

from accounts.models import User

from .models import DEFAULT_HEADING, DEFAULT_WORDING, Certificate, CertificateTemplate, Kind, Layout, SourceKind
from .services import IssueContext, issue_attendance, issue_completion, revoke

JUDGE_EMAIL = "judge@demo.test"
REVOKED_EMAIL = "prosecutor@demo.test"
REVOKE_REASON = "Issued in error: the participant left before the technical sessions (demo record)."


def _templates():
    created = 0
    for kind, layout, colour in (
        (Kind.ATTENDANCE, Layout.CLASSIC, "#1f3a5f"),
        (Kind.COMPLETION, Layout.BAND, "#5b2333"),
    ):
        _, made = CertificateTemplate.objects.get_or_create(
            name=f"Platform {kind} certificate",
            kind=kind,
            academy=None,
            defaults={
                "layout": layout,
                "primary_colour": colour,
                "heading": DEFAULT_HEADING[kind],
                "wording": DEFAULT_WORDING[kind],
                "footer": "Verify this certificate with the QR code or the address printed on it.",
            },
        )
        created += made
    return created


def _completion(judge):
    if Certificate.objects.filter(user=judge, kind=Kind.COMPLETION).exists():
        return 0
    from courses.services import completion_details

    enrolment = apps.get_model("courses", "Enrolment").objects.filter(user=judge, completed_at__isnull=False).first()
    if enrolment is None:
        return 0
    details = completion_details(enrolment)
    if not details.get("gives_certificate"):
        return 0
    return int(issue_completion(details)[1])


def _past_colloquium():
    """The latest demo colloquium whose last counted session has ended (certificates are issued after it)."""
    try:
        model = apps.get_model("colloquia", "ColloquiumPage")
    except LookupError:
        return None
    from colloquia.services import event_has_ended

    pages = model.objects.live().filter(end_date__lt=timezone.localdate()).order_by("-end_date")
    return next((page for page in pages if event_has_ended(page)), None)


def _attendance(page, judge):
    from colloquia.services import eligible_participants, event_details

    event = event_details(page)
    context = IssueContext.build(Kind.ATTENDANCE, event.get("academy"))
    created = 0
    for participant in eligible_participants(page):
        if participant["user"].email in (JUDGE_EMAIL, REVOKED_EMAIL):
            created += issue_attendance(page, event, participant, context=context)[1]
    return created


def _revoked(page):
    """One revoked certificate: the demo prosecutor's for the past colloquium (issued then revoked)."""
    prosecutor = User.objects.filter(email=REVOKED_EMAIL).first()
    if (
        prosecutor is None
        or Certificate.objects.filter(status=Certificate.REVOKED, revoked_reason=REVOKE_REASON).exists()
    ):
        return 0
    from .services import attendance_snapshot, issue_certificate

    valid = Certificate.objects.filter(
        user=prosecutor, source_kind=SourceKind.COLLOQUIUM, source_id=page.pk, status=Certificate.VALID
    ).first()
    created = 0
    if valid is None:
        from colloquia.services import event_details

        event = event_details(page)
        participant = {"user": prosecutor, "hours": event["total_hours"]}
        context = IssueContext.build(Kind.ATTENDANCE, event.get("academy"))
        valid, made = issue_certificate(
            prosecutor,
            SourceKind.COLLOQUIUM,
            page.pk,
            attendance_snapshot(event, participant),
            context=context,
            notify=False,
        )
        created += made
    registrar = User.objects.filter(email="editor@demo.test").first()
    revoke(valid, reason=REVOKE_REASON, by=registrar)
    return created + 1


def load(stdout):
    created = _templates()
    judge = User.objects.filter(email=JUDGE_EMAIL).first()
    if judge is None:
        stdout.write("certificates: demo judge missing; run the accounts loader first")
        return created
    created += _completion(judge)
    page = _past_colloquium()
    if page is not None:
        created += _attendance(page, judge)
        created += _revoked(page)
    else:
        stdout.write("certificates: no past demo colloquium found; attendance certificates skipped")
    stdout.write(f"certificates: {created} created; {Certificate.objects.count()} certificates in all")
    return created
