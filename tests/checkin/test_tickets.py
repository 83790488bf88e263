"""E-tickets: made once when a place is approved, attached to the confirmation, shown on "My learning"."""

import io
import re

import pytest
from django.core import mail
from pypdf import PdfReader

from checkin import emails as checkin_emails
from checkin.models import ALPHABET, Ticket, format_ticket_code
from checkin.services import ensure_tickets, normalise_ticket_number
from colloquia import services as colloquia
from colloquia.models import Registration
from colloquia.services.emails import send_registration_email
from tests.colloquia.conftest import make_event
from tests.factories import make_user

from .conftest import approved

pytestmark = pytest.mark.django_db


def pdf_text(data):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_an_approved_registration_gets_one_ticket_with_an_unguessable_number(event):
    first, second = approved(event), approved(event)
    tickets = {ticket.registration_id: ticket for ticket in Ticket.objects.all()}
    assert set(tickets) == {first.pk, second.pk}
    codes = [ticket.code for ticket in tickets.values()]
    assert codes[0] != codes[1]
    for code in codes:
        assert len(code) == 12 and set(code) <= set(ALPHABET)
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", tickets[first.pk].number)


def test_a_request_gets_its_ticket_only_when_the_registrar_approves_it_and_only_once(index, registrar):
    event = make_event(index, title="By approval", mode="approval")
    registration = colloquia.register(make_user("prosecutor"), event)
    assert registration.status == "pending"
    assert not Ticket.objects.exists()

    colloquia.decide(registration, approve=True, by=registrar)
    ticket = Ticket.objects.get(registration=registration)

    # Rejected, then approved again: the same ticket, not a second one.
    colloquia.decide(registration, approve=False, by=registrar)
    colloquia.decide(registration, approve=True, by=registrar)
    assert list(Ticket.objects.values_list("code", flat=True)) == [ticket.code]


def test_withdrawing_and_registering_again_keeps_the_ticket(event):
    registration = approved(event)
    code = registration.ticket.code
    colloquia.withdraw(registration, by=registration.user)
    again = colloquia.register(registration.user, event)
    assert again.status == "approved"
    assert Ticket.objects.get().code == code


def test_a_place_from_the_waiting_list_gets_a_ticket(index):
    event = make_event(index, title="One place", audience={"district_judge": 1})
    holder = approved(event)
    waiting = colloquia.register(make_user("district_judge"), event)
    assert waiting.status == "waitlisted" and not Ticket.objects.filter(registration=waiting).exists()
    colloquia.withdraw(holder, by=holder.user)
    assert Registration.objects.get(pk=waiting.pk).status == "approved"
    assert Ticket.objects.filter(registration=waiting).exists()


def test_a_rejected_request_gets_no_ticket(index, registrar):
    event = make_event(index, title="By approval", mode="approval")
    registration = colloquia.register(make_user("police"), event)
    colloquia.decide(registration, approve=False, by=registrar)
    assert not Ticket.objects.exists()


def test_the_confirmation_email_carries_the_e_ticket(event, django_capture_on_commit_callbacks):
    user = make_user("district_judge", full_name="Asha Verma", designation="Principal District Judge")
    with django_capture_on_commit_callbacks(execute=True):
        registration = colloquia.register(user, event)
    (message,) = mail.outbox
    ticket = Ticket.objects.get(registration=registration)
    (attachment,) = message.attachments
    filename, content, mimetype = attachment
    assert (filename, mimetype) == (f"e-ticket-{event.slug}.pdf", "application/pdf")
    text = pdf_text(content)
    assert "Asha Verma" in text and event.title in text and ticket.number in text
    assert f"Your e-ticket is attached (e-ticket-{event.slug}.pdf)" in message.body
    assert ticket.number in message.body
    assert "http://testserver/accounts/dashboard/" in message.body


class Queue:
    """Stands in for the task: records what would be enqueued for the worker."""

    def __init__(self, queued):
        self.queued = queued

    def enqueue(self, *args):
        self.queued.append(args)


def test_the_ticket_is_rendered_by_the_task_worker_not_by_the_request(
    event, django_capture_on_commit_callbacks, monkeypatch
):
    """The approval's request only queues the confirmation; the worker's task renders the ticket and sends it."""
    rendered, queued = [], []
    real_render = checkin_emails.render_ticket
    monkeypatch.setattr("checkin.emails.render_ticket", lambda r: rendered.append(r.pk) or real_render(r))
    monkeypatch.setattr("colloquia.services.emails.send_registration_email", Queue(queued))
    with django_capture_on_commit_callbacks(execute=True):
        registration = colloquia.register(make_user("district_judge", full_name="Asha Verma"), event)
    # The request has committed: one email queued for the worker, nothing rendered, nothing sent.
    assert rendered == [] and mail.outbox == []
    ((registration_id, status, subject, template, context),) = queued
    assert (registration_id, status, template) == (registration.pk, "approved", "colloquia/email/status.txt")
    send_registration_email.call(*queued[0])  # what the worker runs
    assert rendered == [registration.pk]
    (message,) = mail.outbox
    ((filename, content, _),) = message.attachments
    assert filename == f"e-ticket-{event.slug}.pdf" and "Asha Verma" in pdf_text(content)
    assert f"Your e-ticket is attached ({filename})" in message.body


def test_emails_without_a_ticket_still_leave_from_the_request(index, django_capture_on_commit_callbacks, monkeypatch):
    queued = []
    monkeypatch.setattr("colloquia.services.emails.send_registration_email", Queue(queued))
    event = make_event(index, title="By approval", mode="approval")
    with django_capture_on_commit_callbacks(execute=True):
        colloquia.register(make_user("prosecutor"), event)
    assert queued == [] and len(mail.outbox) == 1


def test_emails_that_confirm_no_place_carry_no_ticket(index, django_capture_on_commit_callbacks):
    event = make_event(index, title="By approval", mode="approval")
    with django_capture_on_commit_callbacks(execute=True):
        colloquia.register(make_user("prosecutor"), event)
    (message,) = mail.outbox
    assert "awaiting" in message.subject.lower() or "received" in message.subject.lower()
    assert message.attachments == []
    assert "e-ticket" not in message.body


def test_a_ticket_that_cannot_be_rendered_leaves_the_confirmation_to_go_without_it(
    event, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broken(registration):
        raise OSError("renderer unavailable")

    monkeypatch.setattr("checkin.emails.render_ticket", broken)
    with django_capture_on_commit_callbacks(execute=True):
        colloquia.register(make_user("district_judge"), event)
    (message,) = mail.outbox
    assert message.attachments == []
    assert "Your place is confirmed." in message.body
    assert "could not be rendered" in caplog.text


def test_typed_numbers_are_read_as_printed():
    assert normalise_ticket_number(" k7qm-3xz9 hp2d ") == "K7QM3XZ9HP2D"
    # Letters Crockford's alphabet leaves out are read as the digits they look like.
    assert normalise_ticket_number("O1IL-0000-0000") == "0111" + "0" * 8
    assert format_ticket_code("K7QM3XZ9HP2D") == "K7QM-3XZ9-HP2D"


def test_registrations_approved_without_a_ticket_get_one_in_bulk(event):
    registrations = [approved(event) for _ in range(3)]
    Ticket.objects.filter(registration=registrations[0]).delete()
    kept = {t.registration_id: t.code for t in Ticket.objects.all()}
    tickets = ensure_tickets(registrations)
    assert set(tickets) == {r.pk for r in registrations}
    assert all(tickets[pk].code == code for pk, code in kept.items())  # existing numbers never change
    assert Ticket.objects.count() == 3


def test_my_learning_lists_the_ticket_and_its_holder_alone_downloads_it(client, event, judge):
    registration = colloquia.register(judge, event)
    ticket = Ticket.objects.get(registration=registration)
    client.force_login(judge)
    page = client.get("/accounts/dashboard/").content.decode()
    assert "My e-tickets" in page and ticket.number in page
    url = f"/checkin/e-tickets/{registration.pk}/"
    assert url in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="e-ticket-{event.slug}.pdf"'
    assert ticket.number in pdf_text(response.content)


def test_no_one_else_downloads_a_ticket(client, event, judge, registrar, superuser):
    registration = colloquia.register(judge, event)
    url = f"/checkin/e-tickets/{registration.pk}/"
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    for someone in (make_user("district_judge"), registrar, superuser):
        client.force_login(someone)
        assert client.get(url).status_code == 404
    assert client.get("/checkin/e-tickets/999999/").status_code == 404


def test_a_withdrawn_participant_no_longer_has_a_ticket_to_download(client, event, judge):
    registration = colloquia.register(judge, event)
    colloquia.withdraw(registration, by=judge)
    client.force_login(judge)
    assert client.get(f"/checkin/e-tickets/{registration.pk}/").status_code == 404
    assert "My e-tickets" not in client.get("/accounts/dashboard/").content.decode()


def test_the_personal_data_download_names_the_tickets(client, event, judge):
    registration = colloquia.register(judge, event)
    client.force_login(judge)
    data = client.get("/accounts/personal-data/").json()
    assert data["colloquium_e_tickets"] == [
        {
            "event": event.title,
            "ticket_number": registration.ticket.number,
            "issued_at": registration.ticket.created_at.isoformat(),
        }
    ]


def test_a_place_approved_before_tickets_existed_gets_one_on_my_learning(client, event, judge):
    # As the demo data and registrations older than the checkin app: approved, no ticket.
    registration = Registration.objects.create(
        page=event, user=judge, email=judge.email, name=judge.full_name, category="district_judge", status="approved"
    )
    assert not Ticket.objects.exists()
    client.force_login(judge)
    page = client.get("/accounts/dashboard/").content.decode()
    ticket = Ticket.objects.get(registration=registration)
    assert ticket.number in page
