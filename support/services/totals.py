"""The figures the national statistics page may show: money only, no persons."""

from decimal import Decimal

from django.db.models import Sum

from ..models import Expenditure, SupportRecord

ZERO = Decimal("0")


def supported_event_totals(year=None, state=None):
    """{events, sanctioned, spent, returned} over sanctioned support records.

    `year` is the calendar year the event started; `state` a State/UT code or object. An event
    counts once, whoever co-organises it (a record belongs to one event). "returned" is the
    unspent balance of records whose utilisation certificate is signed.
    """
    records = SupportRecord.objects.filter(sanction_amount__isnull=False)
    if year is not None:
        records = records.filter(event__start_date__year=year)
    if state is not None:
        records = records.filter(event__state__code=getattr(state, "code", state))
    sanctioned = records.aggregate(total=Sum("sanction_amount"))["total"] or ZERO
    spent = Expenditure.objects.filter(record__in=records).aggregate(total=Sum("amount"))["total"] or ZERO
    signed = records.filter(signed_at__isnull=False)
    signed_sanctioned = signed.aggregate(total=Sum("sanction_amount"))["total"] or ZERO
    signed_spent = Expenditure.objects.filter(record__in=signed).aggregate(total=Sum("amount"))["total"] or ZERO
    return {
        "events": records.count(),
        "sanctioned": sanctioned,
        "spent": spent,
        "returned": signed_sanctioned - signed_spent,
    }
