"""Demo MHA support records (content/support.yaml): a finance officer and an MHA reviewer, one
event's record from proposal to signed utilisation certificate, and another State's in progress.

Runs after the colloquia and certificates loaders (the events, their attendance and certificates
exist, so the outcome report has them). Everything goes through support.services, as a keeper's
entries do: the budget is checked against the Rs 2 lakh limit, each voucher (a small generated
PDF) and photograph (a generated JPEG) passes the upload check, and expenditure stays within the
sanction. Idempotent: an event that has a support record is left as it is.
"""

import datetime
import io
from decimal import Decimal, InvalidOperation

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from PIL import Image, ImageDraw

from academies.models import Academy
from academies.services import FINANCE, add_staff
from accounts.models import User
from accounts.roles import Role, RoleStatus
from colloquia.models import ColloquiumPage
from core.formatting import format_rupees
from core.pdf import render_pdf
from support import services
from support.choices import BudgetHead, GranteeKind
from support.models import SupportRecord

from ..content import CONTENT_DIR, TEXT, ContentError, check_choice, check_fields, check_list, read_yaml
from ..locales import source
from . import accounts, colloquia

FILE = "support.yaml"
SPEC = {"people": (dict, True), "records": (list, True)}
PERSON = {"email": (TEXT, True), "full_name": (TEXT, True), "academy": (TEXT, False)}
RECORD = {
    "event": (TEXT, True),
    "grantee_kind": (TEXT, True),
    "proposed": (int, True),
    "budget": (dict, True),
    "justification": (TEXT, True),
    "sanction": (dict, False),
    "expenditure": (list, False),
    "photographs": (list, False),
    "refund": (dict, False),
    "sign": (bool, False),
}
SANCTION = {"order_number": (TEXT, True), "date": (int, True), "amount": (TEXT, True), "authority": (TEXT, True)}
ENTRY = {
    "head": (TEXT, True),
    "day": (int, True),
    "payee": (TEXT, True),
    "description": (TEXT, True),
    "amount": (TEXT, True),
}
PHOTO = {"caption": (TEXT, True)}
REFUND = {"reference": (TEXT, True), "day": (int, True)}
PHOTO_COLOURS = [((31, 58, 95), (184, 134, 11)), ((40, 90, 60), (230, 230, 220))]


def _rupees(value, where):
    try:
        amount = Decimal(value)
    except InvalidOperation as error:
        raise ContentError(f"{where}: {value!r} is not an amount in rupees") from error
    if amount < 0:
        raise ContentError(f"{where}: an amount cannot be negative")
    return amount


def _record(item, where, events):
    check_fields(item, RECORD, where)
    if item["event"] not in events:
        raise ContentError(f"{where}.event: {item['event']!r} is not the slug of a demo colloquium")
    check_choice(item["grantee_kind"], GranteeKind.values, f"{where}.grantee_kind")
    unknown = set(item["budget"]) - set(BudgetHead.values)
    if unknown:
        raise ContentError(f"{where}.budget: {sorted(unknown)} are not budget heads ({', '.join(BudgetHead.values)})")
    amounts = {head: _rupees(value, f"{where}.budget.{head}") for head, value in item["budget"].items()}
    problem = services.budget_problem(amounts)
    if problem:
        raise ContentError(f"{where}.budget: {problem}")
    if "sanction" in item:
        check_fields(item["sanction"], SANCTION, f"{where}.sanction")
        _rupees(item["sanction"]["amount"], f"{where}.sanction.amount")
    for n, entry in enumerate(item.get("expenditure", [])):
        check_fields(entry, ENTRY, f"{where}.expenditure[{n}]")
        check_choice(entry["head"], BudgetHead.values, f"{where}.expenditure[{n}].head")
        _rupees(entry["amount"], f"{where}.expenditure[{n}].amount")
    check_list(item.get("photographs", []), f"{where}.photographs", lambda photo, at: check_fields(photo, PHOTO, at))
    if "refund" in item:
        check_fields(item["refund"], REFUND, f"{where}.refund")
    if item.get("expenditure") and "sanction" not in item:
        raise ContentError(f"{where}: expenditure needs a sanction")
    return item


def read(root=CONTENT_DIR):
    data = check_fields(read_yaml(root / FILE, root), SPEC, FILE)
    people = data["people"]
    check_fields(people.get("reviewer") or {}, PERSON, f"{FILE}: people.reviewer")
    for n, person in enumerate(people.get("finance", [])):
        check_fields(person, PERSON, f"{FILE}: people.finance[{n}]")
    events = {event["slug"] for event in colloquia.read(root)["events"]}
    check_list(data["records"], f"{FILE}: records", lambda item, at: _record(item, at, events))
    return data


def _staff_account(person):
    user, created = User.objects.get_or_create(
        email=person["email"],
        defaults={
            "full_name": person["full_name"],
            "role": Role.ACADEMY_STAFF,
            "role_status": RoleStatus.VERIFIED,
        },
    )
    if created:
        user.set_password(accounts.demo_password())
        user.save(update_fields=["password"])
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        TOTP.activate(user, accounts.demo_totp_secret())
    return user, created


def _voucher(record, entry, on):
    html = (
        "<html lang='en-IN'><head><title>Voucher</title></head><body>"
        f"<h1>Voucher (demo)</h1><p>{escape(record.academy.name)}</p>"
        f"<p>Paid to: {escape(entry['payee'])}</p><p>For: {escape(entry['description'])}</p>"
        f"<p>Amount: {escape(format_rupees(Decimal(entry['amount'])))}</p><p>Date: {on:%d %B %Y}</p>"
        f"<p>Event: {escape(record.event.title)}</p></body></html>"
    )
    name = f"voucher-{entry['head'].replace('_', '-')}.pdf"
    return SimpleUploadedFile(name, render_pdf(html), content_type="application/pdf")


def _photograph(n):
    background, accent = PHOTO_COLOURS[n % len(PHOTO_COLOURS)]
    image = Image.new("RGB", (640, 400), background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((60, 250, 580, 360), fill=accent)  # a table
    for x in range(90, 560, 70):  # people seated at it
        draw.ellipse((x, 170, x + 40, 210), fill=(230, 200, 170))
        draw.rectangle((x - 5, 210, x + 45, 250), fill=(90, 90, 120))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return SimpleUploadedFile(f"photograph-{n + 1}.jpg", out.getvalue(), content_type="image/jpeg")


def _keeper(academy):
    return User.objects.filter(groups=academy.registrars_group).order_by("pk").first()


def _load_record(item):
    event = source(ColloquiumPage).select_related("academy").get(slug=item["event"])
    if SupportRecord.objects.filter(event=event).exists():
        return 0
    by = _keeper(event.academy)
    start = event.start_date
    record = services.open_record(event, by=by, grantee_kind=item["grantee_kind"])
    record = services.save_proposal(
        record,
        amounts={head: Decimal(value) for head, value in item["budget"].items()},
        grantee_kind=item["grantee_kind"],
        note=item["justification"],
        proposed_on=start + datetime.timedelta(days=item["proposed"]),
        by=by,
    )
    created = 1
    if "sanction" in item:
        sanction = item["sanction"]
        record = services.record_sanction(
            record,
            order_number=sanction["order_number"],
            date=start + datetime.timedelta(days=sanction["date"]),
            amount=Decimal(sanction["amount"]),
            authority=sanction["authority"],
            by=by,
        )
    for entry in item.get("expenditure", []):
        on = start + datetime.timedelta(days=entry["day"])
        services.add_expenditure(
            record,
            head=entry["head"],
            spent_on=on,
            payee=entry["payee"],
            description=entry["description"],
            amount=Decimal(entry["amount"]),
            voucher=_voucher(record, entry, on),
            by=by,
        )
        created += 1
    for n, photo in enumerate(item.get("photographs", [])):
        services.add_photograph(record, image=_photograph(n), caption=photo["caption"], by=by)
        created += 1
    if "refund" in item:
        services.record_refund(
            record,
            reference=item["refund"]["reference"],
            refunded_on=start + datetime.timedelta(days=item["refund"]["day"]),
            by=by,
        )
    if item.get("sign"):
        problem = services.signing_problem(record)
        if problem:
            raise ContentError(f"{FILE}: {item['event']}: cannot sign: {problem}")
        services.sign(record, signatory=services.signatories(record.academy)[0], by=by)
        created += 1
    return created


def load(stdout, data=None):
    data = data or read()
    created = 0
    reviewer = data["people"].get("reviewer")
    if reviewer:
        user, made = _staff_account(reviewer)
        user.groups.add(Group.objects.get(name="MHA reviewers"))
        created += made
    for person in data["people"].get("finance", []):
        user, made = _staff_account(person)
        add_staff(Academy.objects.get(short_code=person["academy"]), user, FINANCE)
        created += made
    for item in data["records"]:
        created += _load_record(item)
    stdout.write(f"support: {created} objects created\n")
    return created
