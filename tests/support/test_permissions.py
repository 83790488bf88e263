"""Who may see and keep a support record, in both directions, on every screen and download."""

import pytest
from django.contrib.messages import get_messages

from support import services
from support.models import Expenditure, SupportRecord
from tests.colloquia.conftest import make_index
from tests.factories import make_staff, make_user

from .conftest import BUDGET, make_past_event, open_sanctioned, voucher

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(record, registrar):
    entry, _ = services.add_expenditure(
        record,
        head="venue",
        spent_on=record.event.start_date,
        payee="Hotel",
        description="Hall",
        amount=BUDGET["venue"],
        voucher=voucher(),
        by=registrar,
    )
    return entry


def read_urls(record, entry):
    base = f"/admin/support/{record.pk}/"
    return [
        base,
        f"{base}documents/proposal.pdf",
        f"{base}vouchers/{entry.pk}/{entry.voucher_name}",
    ]


def write_urls(record, entry):
    base = f"/admin/support/{record.pk}/"
    return [
        (f"{base}proposal/", {"grantee_kind": "state_government", "budget_venue": "1"}),
        (
            f"{base}sanction/",
            {
                "sanction_order_number": "x",
                "sanction_date": "2026-01-01",
                "sanction_amount": "1",
                "sanctioning_authority": "x",
            },
        ),
        (f"{base}expenditure/add/", {}),
        (f"{base}expenditure/{entry.pk}/remove/", {}),
        (f"{base}photographs/add/", {}),
        (f"{base}refund/", {"refund_reference": "x", "refunded_on": "2026-01-01"}),
        (f"{base}sign/", {}),
        (f"{base}correct/", {"reason": "x"}),
    ]


def assert_refused_by_wagtail(response):
    assert response.status_code == 302 and response["Location"] == "/admin/", response
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("do not have permission" in message for message in messages), messages


def assert_unchanged(record):
    fresh = SupportRecord.objects.get(pk=record.pk)
    assert (fresh.budget_total, fresh.sanction_amount, fresh.refund_reference) == (
        record.budget_total,
        record.sanction_amount,
        record.refund_reference,
    )
    assert Expenditure.objects.filter(record=record).count() == 1


@pytest.mark.parametrize("role", ["registrar", "finance"])
def test_the_academys_registrar_and_finance_officer_keep_the_record(client, academy, record, entry, role):
    keeper = make_staff(academy, role)
    client.force_login(keeper)
    for url in read_urls(record, entry):
        assert client.get(url).status_code == 200, url
    for url, _ in write_urls(record, entry):
        if not url.endswith(("remove/",)):
            assert client.get(url).status_code == 200, url
    response = client.post(
        f"/admin/support/{record.pk}/refund/", {"refund_reference": "CHALLAN-7", "refunded_on": "2026-01-01"}
    )
    assert response.status_code == 302
    assert SupportRecord.objects.get(pk=record.pk).refund_reference == "CHALLAN-7"
    listing = client.get("/admin/support/").content.decode()
    assert record.event.title in listing


def test_a_platform_administrator_is_allowed(client, superuser, record, entry):
    client.force_login(superuser)
    for url in read_urls(record, entry):
        assert client.get(url).status_code == 200, url
    assert client.get(f"/admin/support/{record.pk}/proposal/").status_code == 200


@pytest.mark.parametrize("role", ["registrar", "finance"])
def test_another_academys_keepers_get_404_everywhere(client, other_academy, record, entry, role):
    client.force_login(make_staff(other_academy, role))
    assert record.event.title not in client.get("/admin/support/").content.decode()
    for url in read_urls(record, entry):
        assert client.get(url).status_code == 404, url
    for url, data in write_urls(record, entry):
        assert client.post(url, data).status_code == 404, url
    assert_unchanged(record)


def test_editors_and_moderators_are_refused(client, academy, editor, moderator, record, entry):
    for staff in (editor, moderator):
        client.force_login(staff)
        assert_refused_by_wagtail(client.get("/admin/support/"))
        for url in read_urls(record, entry):
            assert_refused_by_wagtail(client.get(url))
        for url, data in write_urls(record, entry):
            assert_refused_by_wagtail(client.post(url, data))
    assert_unchanged(record)


def test_participants_and_anonymous_visitors_are_sent_to_sign_in(client, judge, record, entry):
    for user in (judge, make_user("prosecutor"), None):
        if user:
            client.force_login(user)
        else:
            client.logout()
        for url in ["/admin/support/", *read_urls(record, entry)]:
            response = client.get(url)
            assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url
        for url, data in write_urls(record, entry):
            response = client.post(url, data)
            assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url
    assert_unchanged(record)


def test_the_mha_reviewer_reads_every_state_and_changes_nothing(
    client, reviewer, record, entry, other_academy, superuser
):
    mp_event = make_past_event(make_index(other_academy.page), title="MP State Colloquium", state="MP")
    other = open_sanctioned(mp_event, superuser)
    client.force_login(reviewer)
    listing = client.get("/admin/support/").content.decode()
    assert record.event.title in listing and other.event.title in listing
    assert "Jharkhand" in listing and "Madhya Pradesh" in listing
    assert "Open a support record" not in listing
    only_mp = client.get("/admin/support/?state=" + str(other.event.state_id)).content.decode()
    assert other.event.title in only_mp and record.event.title not in only_mp
    for url in read_urls(record, entry):
        assert client.get(url).status_code == 200, url
    detail = client.get(f"/admin/support/{record.pk}/").content.decode()
    assert "Edit the proposal" not in detail and "Enter expenditure" not in detail and "Remove" not in detail
    for url, data in write_urls(record, entry):
        if not url.endswith("remove/"):
            assert_refused_by_wagtail(client.get(url))
        assert_refused_by_wagtail(client.post(url, data))
    assert_refused_by_wagtail(client.post("/admin/support/open/", {"event": record.event.pk}))
    assert_unchanged(record)


def test_the_reviewers_export_has_both_states(client, reviewer, record, entry, other_record):
    client.force_login(reviewer)
    response = client.get("/admin/support/?export=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    lines = body.strip().splitlines()
    assert lines[0].startswith("Event,Academy,State/UT,Event starts,UC form,Budget proposed (Rs)")
    assert len(lines) == 3 and "Jharkhand" in body and "Madhya Pradesh" in body
    assert ",30000," in body.replace(".00", "")  # spent, a number
    xlsx = client.get("/admin/support/?export=xlsx")
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_keeper_opens_a_record_only_for_their_own_academys_events(client, registrar, event, other_record):
    client.force_login(registrar)
    page = client.get("/admin/support/open/").content.decode()
    assert event.title in page and other_record.event.title not in page
    assert client.post("/admin/support/open/", {"event": other_record.event.pk}).status_code == 404
    response = client.post("/admin/support/open/", {"event": event.pk})
    record = SupportRecord.objects.get(event=event)
    assert response.status_code == 302 and response["Location"] == f"/admin/support/{record.pk}/proposal/"
    assert record.academy == event.academy


def test_the_forms_keep_what_was_typed_when_refused(client, registrar, record, entry):
    client.force_login(registrar)
    response = client.post(
        f"/admin/support/{record.pk}/expenditure/add/",
        {
            "head": "boarding_lodging",
            "spent_on": str(record.event.start_date),
            "payee": "Hotel Ranchi Ashok",
            "description": "Rooms for 40 participants",
            "amount": "170000",
            "voucher": voucher("rooms.pdf"),
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Rs 5,000 more than the Rs 1,95,000 sanctioned" in body
    assert 'value="Hotel Ranchi Ashok"' in body and 'value="170000"' in body
    response = client.post(
        f"/admin/support/{record.pk}/expenditure/add/",
        {
            "head": "venue",
            "spent_on": str(record.event.start_date),
            "payee": "Hotel",
            "description": "Hall",
            "amount": "10",
            "voucher": voucher("hall.pdf", b"MZ\x90\x00 not a pdf", "application/pdf"),
        },
    )
    assert response.status_code == 200 and "hall.pdf" in response.content.decode()
    assert Expenditure.objects.count() == 1
    over = {"grantee_kind": "state_government", **{f"budget_{h}": str(a) for h, a in BUDGET.items()}}
    over["budget_miscellaneous"] = "10001"
    body = client.post(f"/admin/support/{record.pk}/proposal/", over).content.decode()
    assert "Rs 2,00,001" in body and "Rs 1 more than the MHA limit" in body and 'value="10001"' in body


def test_an_event_with_a_support_record_is_not_deleted(client, superuser, record):
    client.force_login(superuser)
    response = client.post(f"/admin/pages/{record.event.pk}/delete/")
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{record.event.pk}/edit/"
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("has an MHA support record" in message for message in messages), messages
    assert SupportRecord.objects.filter(pk=record.pk).exists()
