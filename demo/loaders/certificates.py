"""Demo certificates (content/certificates.yaml): one template per kind, the demo judge's two
certificates, and one revoked.

Runs after the courses and colloquia loaders and reads only their public functions.
Idempotent: the issue service returns existing certificates, so a second run creates nothing.
"""

from django.apps import apps
from django.utils import timezone

from accounts.models import User
from certificates.models import DEFAULT_HEADING, DEFAULT_WORDING, Certificate, CertificateTemplate, Kind, SourceKind
from certificates.services import (
    IssueContext,
    attendance_snapshot,
    issue_attendance,
    issue_certificate,
    issue_completion,
    revoke,
)
from colloquia.services import eligible_participants, event_details, event_has_ended
from courses.services import completion_details

from ..content import CONTENT_DIR, TEXT, check_choice, check_fields, check_list, read_yaml

FILE = "certificates.yaml"
SPEC = {
    "templates": (list, True),
    "template_name": (TEXT, True),
    "footer": (TEXT, True),
    "learner": (TEXT, True),
    "revoked": (dict, True),
}
TEMPLATE = {"kind": (TEXT, True), "layout": (TEXT, True), "primary_colour": (TEXT, True)}
REVOKED = {"email": (TEXT, True), "reason": (TEXT, True), "revoked_by": (TEXT, True)}


def _template(item, where):
    check_fields(item, TEMPLATE, where)
    check_choice(item["kind"], Kind.values, f"{where}.kind")
    return item


def read(root=CONTENT_DIR):
    data = check_fields(read_yaml(root / FILE, root), SPEC, FILE)
    check_list(data["templates"], f"{FILE}: templates", _template)
    check_fields(data["revoked"], REVOKED, f"{FILE}: revoked")
    return data


def _templates(data):
    created = 0
    for item in data["templates"]:
        kind = Kind(item["kind"])
        _, made = CertificateTemplate.objects.get_or_create(
            name=data["template_name"].format(kind=kind),
            kind=kind,
            academy=None,
            defaults={
                "layout": item["layout"],
                "primary_colour": item["primary_colour"],
                "heading": DEFAULT_HEADING[kind],
                "wording": DEFAULT_WORDING[kind],
                "footer": data["footer"],
            },
        )
        created += made
    return created


def _completion(judge):
    if Certificate.objects.filter(user=judge, kind=Kind.COMPLETION).exists():
        return 0
    enrolment = apps.get_model("courses", "Enrolment").objects.filter(user=judge, completed_at__isnull=False).first()
    if enrolment is None:
        return 0
    details = completion_details(enrolment)
    if not details.get("gives_certificate"):
        return 0
    return int(issue_completion(details)[1])


def _past_colloquium():
    """The latest demo colloquium whose last counted session has ended (certificates are issued after it)."""
    model = apps.get_model("colloquia", "ColloquiumPage")
    pages = model.objects.live().filter(end_date__lt=timezone.localdate()).order_by("-end_date")
    return next((page for page in pages if event_has_ended(page)), None)


def _attendance(page, emails):
    event = event_details(page)
    context = IssueContext.build(Kind.ATTENDANCE, event.get("academy"))
    created = 0
    for participant in eligible_participants(page):
        if participant["user"].email in emails:
            created += issue_attendance(page, event, participant, context=context)[1]
    return created


def _revoked(page, revoked):
    """One revoked certificate: the demo prosecutor's for the past colloquium (issued then revoked)."""
    holder = User.objects.filter(email=revoked["email"]).first()
    if (
        holder is None
        or Certificate.objects.filter(status=Certificate.REVOKED, revoked_reason=revoked["reason"]).exists()
    ):
        return 0
    valid = Certificate.objects.filter(
        user=holder, source_kind=SourceKind.COLLOQUIUM, source_id=page.pk, status=Certificate.VALID
    ).first()
    created = 0
    if valid is None:
        event = event_details(page)
        participant = {"user": holder, "hours": event["total_hours"]}
        context = IssueContext.build(Kind.ATTENDANCE, event.get("academy"))
        valid, made = issue_certificate(
            holder,
            SourceKind.COLLOQUIUM,
            page.pk,
            attendance_snapshot(event, participant),
            context=context,
            notify=False,
        )
        created += made
    registrar = User.objects.filter(email=revoked["revoked_by"]).first()
    revoke(valid, reason=revoked["reason"], by=registrar)
    return created + 1


def load(stdout, data=None):
    data = data or read()
    created = _templates(data)
    judge = User.objects.filter(email=data["learner"]).first()
    if judge is None:
        stdout.write("certificates: demo judge missing; run the accounts loader first")
        return created
    created += _completion(judge)
    page = _past_colloquium()
    if page is not None:
        created += _attendance(page, (data["learner"], data["revoked"]["email"]))
        created += _revoked(page, data["revoked"])
    else:
        stdout.write("certificates: no past demo colloquium found; attendance certificates skipped")
    stdout.write(f"certificates: {created} created; {Certificate.objects.count()} certificates in all")
    return created
