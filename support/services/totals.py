"""The figures the national statistics page may show: money only, no persons."""

from decimal import Decimal

from django.db.models import DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from core.cache import depends_on

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


def supported_event_rows(events):
    """The support of `events` (a queryset of colloquium pages) by State/UT and year:
    [{state, state_name, year, events, sanctioned, spent, returned}].

    Over sanctioned records, in one query; the year is the year the event started and the State/UT
    the event's (None for a national event). "returned" counts records whose certificate is signed.
    """
    spent = (
        Expenditure.objects.filter(record=OuterRef("pk"))
        .order_by()
        .values("record")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    money = DecimalField(max_digits=12, decimal_places=2)
    records = (
        SupportRecord.objects.filter(sanction_amount__isnull=False, event__in=events.values("pk"))
        .annotate(spent_total=Coalesce(Subquery(spent, output_field=money), Value(ZERO, output_field=money)))
        .values_list(
            "event__state__code",
            "event__state__name",
            "event__start_date",
            "sanction_amount",
            "spent_total",
            "signed_at",
        )
    )
    grouped = {}
    for code, name, start, sanctioned, spent_total, signed_at in records:
        row = grouped.setdefault(
            (code, start.year),
            {
                "state": code,
                "state_name": name,
                "year": start.year,
                "events": 0,
                "sanctioned": ZERO,
                "spent": ZERO,
                "returned": ZERO,
            },
        )
        row["events"] += 1
        row["sanctioned"] += sanctioned
        row["spent"] += spent_total
        if signed_at is not None:
            row["returned"] += sanctioned - spent_total
    return list(grouped.values())


def sanction_tag(event_id):
    """The page-cache tag of what an event's page shows of its sanction (bumped by its record's saves)."""
    return f"support-sanction:{event_id}"


def sanctioned_amount(page):
    """For colloquia's `colloquium_event_sanction` hook: the amount sanctioned for the event, or None."""
    depends_on(sanction_tag(page.pk))  # before reading, as depends_on asks
    return (
        SupportRecord.objects.filter(event_id=page.pk, sanction_amount__isnull=False)
        .values_list("sanction_amount", flat=True)
        .first()
    )


def page_cache_tags():
    """For the `colloquium_page_cache_tags` hook: a record's save refreshes its event's page."""
    return {"support.SupportRecord": lambda record: [sanction_tag(record.event_id)]}
