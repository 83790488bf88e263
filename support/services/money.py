"""The money of a support record: the proposal's budget within the MHA limit, the sanction,
expenditure within the sanction, the balance and the refund.

Rules (docs/support.md):
- The budget totals at most Rs 2,00,000 (colloquia.models.MHA_LIMIT) per event.
- The sanction is at most the proposal's total and at most Rs 2,00,000.
- Expenditure needs a sanction, and the total spent never passes the amount sanctioned. A head
  may go over its proposed amount (re-appropriation between heads, which GFR practice allows
  with the sanctioning authority's approval): it is allowed, shown as a variation in the
  record, the UC's annex and the outcome report, and the keeper is warned.
- Nothing changes once the utilisation certificate is signed (see documents.open_correction).
"""

from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.audit import record as audit
from colloquia.models import MHA_LIMIT
from core.formatting import format_rupees
from resources.files import check_upload

from ..choices import BudgetHead, GranteeKind, budget_field
from ..models import Expenditure, Photograph, SupportRecord

ZERO = Decimal("0")
ACTION_OPENED = "support.opened"
ACTION_SANCTION = "support.sanction_recorded"
ACTION_EXPENDITURE_REMOVED = "support.expenditure_removed"
PHOTO_KINDS = {"png", "jpeg"}


class Refused(Exception):
    """A change the rules do not allow; the message says why, in plain words.

    `field` names the form field the refusal is about, if one is, so a form shows it there."""

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.field = field


def require_open(record):
    if record.locked:
        raise Refused(
            _(
                "Version %(number)s of this record is signed, so it is locked. "
                "Open a correction to change it; the signed version is kept."
            )
            % {"number": record.version}
        )


def _locked_record(record):
    return SupportRecord.objects.select_for_update().get(pk=record.pk)


def budget_problem(amounts):
    """Why a budget ({head: amount}) cannot be proposed, or ""."""
    total = sum((amounts.get(head) or ZERO for head in BudgetHead), ZERO)
    if total > MHA_LIMIT:
        return _(
            "The budget totals %(total)s, %(excess)s more than the MHA limit of %(limit)s per event. "
            "Reduce it by at least that much."
        ) % {
            "total": format_rupees(total),
            "excess": format_rupees(total - MHA_LIMIT),
            "limit": format_rupees(MHA_LIMIT),
        }
    return ""


def open_record(event, *, by, grantee_kind=None):
    """The event's support record, created if it has none. The event must belong to an academy."""
    if event.academy_id is None:
        raise Refused(_("A national event is not supported under the MHA scheme: the support goes to States."))
    if grantee_kind is None:
        # An academy usually keeps the same arrangement: start from its latest record.
        previous = SupportRecord.objects.filter(academy_id=event.academy_id).order_by("-created_at").first()
        grantee_kind = previous.grantee_kind if previous else GranteeKind.STATE_GOVERNMENT
    record, created = SupportRecord.objects.get_or_create(
        event=event, defaults={"academy_id": event.academy_id, "grantee_kind": grantee_kind, "updated_by": by}
    )
    if created:
        audit(record, ACTION_OPENED, by)
    return record


def save_proposal(record, *, amounts, grantee_kind, note="", proposed_on=None, by):
    """Set the budget by head (with the grantee kind and the justification)."""
    problem = budget_problem(amounts)
    if problem:
        raise Refused(problem)
    with transaction.atomic():
        record = _locked_record(record)
        require_open(record)
        total = sum((amounts.get(head) or ZERO for head in BudgetHead), ZERO)
        if record.sanction_amount is not None and total < record.sanction_amount:
            raise Refused(
                _(
                    "The budget (%(total)s) would be less than the amount already sanctioned (%(sanctioned)s). "
                    "Correct the sanction first."
                )
                % {"total": format_rupees(total), "sanctioned": format_rupees(record.sanction_amount)}
            )
        for head in BudgetHead:
            setattr(record, budget_field(head), amounts.get(head) or ZERO)
        record.grantee_kind = grantee_kind
        record.proposal_note = note
        record.proposed_on = proposed_on or record.proposed_on or timezone.localdate()
        record.updated_by = by
        record.save()
    return record


def sanction_problem(record, amount):
    if amount > MHA_LIMIT:
        return _("The MHA scheme supports at most %(limit)s per event; this is %(amount)s.") % {
            "limit": format_rupees(MHA_LIMIT),
            "amount": format_rupees(amount),
        }
    if amount > record.budget_total:
        return _(
            "The sanction (%(amount)s) is more than the proposal's budget (%(budget)s). "
            "Record the budget as sanctioned first."
        ) % {"amount": format_rupees(amount), "budget": format_rupees(record.budget_total)}
    spent = total_spent(record)
    if amount < spent:
        return _("%(spent)s is already spent: the sanction cannot be less than that.") % {"spent": format_rupees(spent)}
    return ""


def record_sanction(record, *, order_number, date, amount, authority, by):
    with transaction.atomic():
        record = _locked_record(record)
        require_open(record)
        problem = sanction_problem(record, amount)
        if problem:
            raise Refused(problem)
        record.sanction_order_number = order_number
        record.sanction_date = date
        record.sanction_amount = amount
        record.sanctioning_authority = authority
        record.updated_by = by
        record.save()
    audit(record, ACTION_SANCTION, by, order=order_number, amount=str(amount))
    return record


def total_spent(record):
    return Expenditure.objects.filter(record=record).aggregate(total=Sum("amount"))["total"] or ZERO


def spending_problem(record, amount):
    """Why `amount` more cannot be spent under `record`, or ""."""
    if record.sanction_amount is None:
        return _("Record the sanction first: expenditure is counted against the amount sanctioned.")
    spent = total_spent(record)
    if spent + amount > record.sanction_amount:
        return _(
            "This would bring the expenditure to %(total)s, %(excess)s more than the %(sanctioned)s sanctioned. "
            "Only %(left)s is left."
        ) % {
            "total": format_rupees(spent + amount),
            "excess": format_rupees(spent + amount - record.sanction_amount),
            "sanctioned": format_rupees(record.sanction_amount),
            "left": format_rupees(record.sanction_amount - spent),
        }
    return ""


def add_expenditure(record, *, head, spent_on, payee, description, amount, voucher, by):
    """Enter one payment with its voucher (an uploaded file, checked by resources.files.check_upload).

    Returns (entry, warning): the warning says when the head now exceeds its proposed amount.
    ValidationError from the file check, or Refused, leave nothing behind.
    """
    checked = check_upload(voucher, getattr(voucher, "name", None))
    if spent_on > timezone.localdate():
        raise Refused(_("The date of a payment cannot be in the future."))
    with transaction.atomic():
        record = _locked_record(record)
        require_open(record)
        problem = spending_problem(record, amount)
        if problem:
            raise Refused(problem, field="amount")
        entry = Expenditure(
            record=record,
            head=head,
            spent_on=spent_on,
            payee=payee,
            description=description,
            amount=amount,
            voucher_name=checked.name,
            voucher_content_type=checked.content_type,
            voucher_sha256=checked.sha256,
            entered_by=by,
        )
        entry.voucher.save(checked.name, ContentFile(checked.content), save=False)
        try:
            entry.save()
        except Exception:
            entry.voucher.delete(save=False)
            raise
        record.updated_by = by
        record.save(update_fields=["updated_by", "updated_at"])
    warning = ""
    proposed = getattr(record, budget_field(head))
    spent_on_head = Expenditure.objects.filter(record=record, head=head).aggregate(total=Sum("amount"))["total"]
    if spent_on_head > proposed:
        warning = _(
            "%(head)s: %(spent)s spent against %(proposed)s proposed. The variation is shown in the utilisation "
            "certificate's annex; keep the sanctioning authority's approval of the re-appropriation."
        ) % {"head": BudgetHead(head).label, "spent": format_rupees(spent_on_head), "proposed": format_rupees(proposed)}
    return entry, warning


def remove_expenditure(entry, *, by):
    with transaction.atomic():
        record = _locked_record(entry.record)
        require_open(record)
        entry.delete()
    audit(record, ACTION_EXPENDITURE_REMOVED, by, payee=entry.payee, amount=str(entry.amount))


def add_photograph(record, *, image, caption, by):
    checked = check_upload(image, getattr(image, "name", None))
    if checked.kind not in PHOTO_KINDS:
        raise Refused(_("%(name)s: a photograph must be a PNG or JPEG image.") % {"name": checked.name}, field="image")
    with transaction.atomic():
        record = _locked_record(record)
        require_open(record)
        photo = Photograph(
            record=record, image_name=checked.name, content_type=checked.content_type, caption=caption, added_by=by
        )
        photo.image.save(checked.name, ContentFile(checked.content), save=False)
        try:
            photo.save()
        except Exception:
            photo.image.delete(save=False)
            raise
    return photo


def remove_photograph(photo, *, by):
    with transaction.atomic():
        require_open(_locked_record(photo.record))
        photo.delete()


def record_refund(record, *, reference, refunded_on, by):
    with transaction.atomic():
        record = _locked_record(record)
        require_open(record)
        record.refund_reference = reference
        record.refunded_on = refunded_on
        record.updated_by = by
        record.save()
    return record


def position(record):
    """The record's money at a glance: per head (proposed, spent, variation) and the totals."""
    spent_by_head = dict(
        Expenditure.objects.filter(record=record).values_list("head").annotate(total=Sum("amount")).order_by()
    )
    heads = []
    for head, proposed in record.budget():
        spent = spent_by_head.get(head.value, ZERO)
        heads.append(
            {
                "head": head.value,
                "label": str(head.label),
                "proposed": proposed,
                "spent": spent,
                "variation": spent - proposed,
            }
        )
    spent = sum((row["spent"] for row in heads), ZERO)
    sanctioned = record.sanction_amount
    balance = (sanctioned - spent) if sanctioned is not None else None
    return {
        "heads": heads,
        "proposed": record.budget_total,
        "sanctioned": sanctioned,
        "spent": spent,
        "balance": balance,
        # Every unspent rupee goes back: the grant was for this one event.
        "to_return": balance if balance is not None else None,
        "over_heads": [row for row in heads if row["variation"] > 0],
    }
