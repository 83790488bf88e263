"""Enrolment: who may enrol, self-enrolment, and a registrar's bulk enrolment from a CSV file or a cohort."""

import csv
import io
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.audit import record
from accounts.roles import RoleStatus
from accounts.services import role_gate

from ..records import Enrolment
from .errors import CoursesError, EnrolmentRefused


def get_enrolment(user, module):
    if not user.is_authenticated:
        return None
    # One row per learner and module (unique), so no ordering; the module is already at hand.
    enrolment = next(iter(Enrolment.objects.filter(user=user, module=module).order_by()[:1]), None)
    if enrolment is not None:
        enrolment.module = module
    return enrolment


def completed_module_ids(user, modules):
    return set(
        Enrolment.objects.filter(user=user, module__in=modules, completed_at__isnull=False).values_list(
            "module_id", flat=True
        )
    )


def enrolment_refusals(user, module):
    """Every reason `user` may not enrol in `module`, in plain words (empty when they may)."""
    gate = role_gate(user, module.audience)
    if gate.code == "anonymous":
        return [gate.reason]
    reasons = [] if gate else [gate.reason]
    if not module.live:
        reasons.append(_("This module is not published."))
    prerequisites = list(module.prerequisites.all())
    if prerequisites:
        done = completed_module_ids(user, prerequisites)
        reasons += [_("Complete “%(module)s” first.") % {"module": p.title} for p in prerequisites if p.pk not in done]
    return reasons


@transaction.atomic
def enrol(user, module, *, by=None, source=Enrolment.SELF, check=True):
    """Enrol `user` (raises EnrolmentRefused with every reason). Returns (enrolment, created)."""
    if check:
        reasons = enrolment_refusals(user, module)
        if reasons:
            raise EnrolmentRefused(reasons)
    enrolment, created = Enrolment.objects.get_or_create(
        user=user, module=module, defaults={"source": source, "enrolled_by": by or user}
    )
    if created:
        record(enrolment, "colloquium.course_enrolled", by or user, module=module.pk, learner=user.pk, source=source)
    return enrolment, created


@dataclass
class BulkRow:
    line: int
    email: str
    user: object = None
    error: str = ""
    skipped: str = ""


@dataclass
class BulkResult:
    rows: list
    created: int = 0

    @property
    def errors(self):
        return [row for row in self.rows if row.error]

    @property
    def ok(self):
        return not self.errors


def parse_email_csv(uploaded):
    """[(line number, email)] from a CSV with an 'email' column, or one email per line."""
    raw = uploaded.read() if hasattr(uploaded, "read") else uploaded
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CoursesError(_("The file is not UTF-8 text. Save it as CSV (UTF-8) and try again.")) from exc
    rows = list(csv.reader(io.StringIO(raw)))
    column, start = 0, 0
    if rows and any(cell.strip().lower() == "email" for cell in rows[0]):
        column = [cell.strip().lower() for cell in rows[0]].index("email")
        start = 1
    result = []
    for number, row in enumerate(rows[start:], start=start + 1):
        value = row[column].strip() if len(row) > column else ""
        if value or any(cell.strip() for cell in row):
            result.append((number, value))
    if not result:
        raise CoursesError(_("The file has no email addresses."))
    return result


def _plan(module, rows):
    seen = set()
    for row in rows:
        if row.error:
            continue
        if row.user.pk in seen:
            row.error = _("Listed twice.")
            continue
        seen.add(row.user.pk)
        reasons = enrolment_refusals(row.user, module)
        if reasons:
            row.error = " ".join(reasons)
    already = set(
        Enrolment.objects.filter(module=module, user__in=[r.user for r in rows if r.user]).values_list(
            "user_id", flat=True
        )
    )
    for row in rows:
        if row.user and not row.error and row.user.pk in already:
            row.skipped = _("Already enrolled.")


@transaction.atomic
def _commit(module, result, by, source):
    new = [row.user for row in result.rows if not row.skipped]
    for user in new:
        Enrolment.objects.create(user=user, module=module, source=source, enrolled_by=by)
    result.created = len(new)
    record(module, "colloquium.course_bulk_enrolled", by, source=source, count=len(new), learners=[u.pk for u in new])
    return result


def bulk_enrol_emails(module, lines, by):
    """Enrol everyone listed, or nobody: any bad row returns the result with per-row errors and writes nothing."""
    users = {
        u.email.lower(): u
        for u in get_user_model().objects.filter(email__in=[email.lower() for _line, email in lines], is_active=True)
    }
    rows = []
    for line, email in lines:
        row = BulkRow(line=line, email=email, user=users.get(email.lower()))
        if not email:
            row.error = _("No email address.")
        elif row.user is None:
            row.error = _("No active account with this email.")
        rows.append(row)
    result = BulkResult(rows)
    _plan(module, rows)
    if result.ok:
        _commit(module, result, by, Enrolment.CSV)
    return result


def cohort_users(role, *, state=None, high_court=None):
    users = get_user_model().objects.filter(role=role, role_status=RoleStatus.VERIFIED, is_active=True)
    if state is not None:
        users = users.filter(state=state)
    if high_court is not None:
        users = users.filter(high_court=high_court)
    return users.order_by("email")


def bulk_enrol_cohort(module, role, by, *, state=None, high_court=None):
    if state is None and high_court is None:
        raise CoursesError(_("Choose a State/UT or a High Court for the cohort."))
    rows = [
        BulkRow(line=i, email=u.email, user=u)
        for i, u in enumerate(cohort_users(role, state=state, high_court=high_court), 1)
    ]
    if not rows:
        raise CoursesError(_("No verified users match this cohort."))
    result = BulkResult(rows)
    _plan(module, rows)
    if result.ok:
        _commit(module, result, by, Enrolment.COHORT)
    return result


def learner_enrolments(user):
    """The user's enrolments, current ones first, with their modules."""
    return (
        Enrolment.objects.filter(user=user, module__live=True)
        .select_related("module")
        .order_by("completed_at", "-enrolled_at")
    )
