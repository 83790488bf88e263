"""Writing to an event's participants from the admin: filters, preview, refusals, background sending, the log."""

import re
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django_tasks_db.models import DBTaskResult
from wagtail.models import ModelLogEntry

from colloquia.services import register
from messaging.delivery import CHUNK_SIZE
from messaging.models import Delivery, Message
from tests import factories

from .conftest import add_registration, run_queued_tasks

pytestmark = pytest.mark.django_db


def compose_url(page):
    return f"/admin/messaging/events/{page.pk}/compose/"


def fields(**overrides):
    data = {"statuses": ["approved"], "subject": "About {event}", "body": "Dear {name}, see you at {venue}."}
    data.update(overrides)
    return data


def preview_then_send(client, page, data):
    """Press Preview, then Send on the preview (as the registrar does). Returns the send response."""
    shown = client.post(compose_url(page), {**data, "action": "preview"})
    assert shown.status_code == 200, shown.content.decode()[:2000]
    return client.post(
        compose_url(page), {**data, "action": "send", "fingerprint": shown.context["preview"]["fingerprint"]}
    )


@pytest.fixture
def people(event):
    """Approved, pending and waitlisted people in two categories and two States/UTs."""
    jh_judge = factories.make_user("district_judge", full_name="Asha Judge", state="JH")
    jh_prosecutor = factories.make_user("prosecutor", full_name="Bimal Prosecutor", state="JH")
    mp_judge = factories.make_user("district_judge", full_name="Chitra Judge", state="MP")
    pending = factories.make_user("district_judge", full_name="Deepak Pending", state="JH")
    waiting = factories.make_user("police", full_name="Esha Waiting", state="JH")
    # No place left for police officers: the colloquia app puts Esha on the waiting list.
    event.audience.filter(category="police").update(places=0)
    waitlisted = register(waiting, event)
    assert waitlisted.status == "waitlisted"
    return {
        "jh_judge": add_registration(event, jh_judge),
        "jh_prosecutor": add_registration(event, jh_prosecutor),
        "mp_judge": add_registration(event, mp_judge),
        "pending": add_registration(event, pending, status="pending"),
        "waiting": waitlisted,
    }


def test_preview_shows_the_first_recipients_email_and_sends_nothing(client, registrar, event, people):
    client.force_login(registrar)
    response = client.post(compose_url(event), {**fields(), "action": "preview"})
    preview = response.context["preview"]
    assert preview["to"] == people["jh_judge"]  # the first by name
    assert preview["count"] == 3
    assert preview["subject"] == "About State colloquium on trafficking"
    assert preview["body"] == "Dear Asha Judge, see you at Judicial Academy auditorium."
    body = response.content.decode()
    assert "Send to 3 people" in body and "Dear Asha Judge, see you at Judicial Academy auditorium." in body
    assert not Message.objects.exists() and mail.outbox == []


def test_an_unknown_placeholder_is_refused_by_name_and_the_entries_are_kept(client, registrar, event, people):
    client.force_login(registrar)
    data = fields(
        statuses=["approved", "waitlisted"],
        categories=["prosecutor"],
        subject="Venue for {evnt}",
        body="Dear {nme}, the hall is ready.",
    )
    for action in ("preview", "send"):
        response = client.post(compose_url(event), {**data, "action": action})
        assert response.status_code == 200
        body = response.content.decode()
        assert "Unknown placeholder {evnt}." in body and "Unknown placeholder {nme}." in body
        assert "The message was not sent." in body
        form = response.context["form"]
        assert form["subject"].value() == "Venue for {evnt}"
        assert form["body"].value() == "Dear {nme}, the hall is ready."
        assert form["statuses"].value() == ["approved", "waitlisted"] and form["categories"].value() == ["prosecutor"]
        assert 'value="Venue for {evnt}"' in body and "Dear {nme}, the hall is ready.</textarea>" in body
        assert re.search(r'name="categories" value="prosecutor"[^>]* checked', body)
        assert not re.search(r'name="statuses" value="pending"[^>]* checked', body)
    assert not Message.objects.exists() and mail.outbox == []


def test_the_message_goes_to_the_filtered_set_only(
    client, registrar, event, people, django_capture_on_commit_callbacks
):
    client.force_login(registrar)
    data = fields(statuses=["approved", "waitlisted"], categories=["district_judge", "police"], states=["JH"])
    with django_capture_on_commit_callbacks(execute=True):
        response = preview_then_send(client, event, data)
    message = Message.objects.get()
    assert response.status_code == 302 and response.url == f"/admin/messaging/{message.pk}/"
    # Approved or waitlisted, a judge or a police officer, from Jharkhand: Asha and Esha; not Bimal
    # (a prosecutor), Chitra (Madhya Pradesh) or Deepak (pending).
    assert {d.registration.name for d in message.deliveries.all()} == {"Asha Judge", "Esha Waiting"}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([people["jh_judge"].email, people["waiting"].email])
    assert message.audience == (
        "Status: Approved, On the waiting list; Category: District and Sessions judges, "
        "Police nodal officers (AHTU); State/UT: Jharkhand"
    )
    assert message.sent_by == registrar and message.reminder == ""
    entry = ModelLogEntry.objects.get(action="colloquium.message_sent")
    assert entry.user == registrar and entry.object_id == str(message.pk)
    assert entry.data == {"event": event.title, "event_id": event.pk, "subject": "About {event}", "recipients": 2}


def test_no_filter_means_everyone_registered_but_closed_accounts(client, registrar, event, people):
    add_registration(event, status="invited", email="nominee@example.test", name="Nominee Without Account")
    closed = factories.make_user("district_judge", full_name="Closed Account")
    add_registration(event, closed)
    closed.is_active = False
    closed.save()
    client.force_login(registrar)
    response = client.post(compose_url(event), {**fields(statuses=[]), "action": "preview"})
    names = {registration.name for registration in response.context["preview"]["names"]}
    assert response.context["preview"]["count"] == 6
    assert "Nominee Without Account" in names and "Closed Account" not in names


def test_filters_that_match_nobody_are_refused_with_the_entries_kept(client, registrar, event, people):
    client.force_login(registrar)
    response = client.post(
        compose_url(event), {**fields(statuses=["declined"], subject="Hello {name}"), "action": "preview"}
    )
    body = response.content.decode()
    assert "No one matches the recipients you chose." in body and 'value="Hello {name}"' in body
    assert not Message.objects.exists()


def test_send_goes_only_with_the_preview_of_the_same_text(client, registrar, event, people):
    client.force_login(registrar)
    shown = client.post(compose_url(event), {**fields(), "action": "preview"})
    fingerprint = shown.context["preview"]["fingerprint"]
    edited = fields(body="Dear {name}, the venue has changed.")
    response = client.post(compose_url(event), {**edited, "action": "send", "fingerprint": fingerprint})
    assert response.status_code == 200 and response.context["preview"]["changed"]
    assert "The message or its recipients changed since the last preview." in response.content.decode()
    assert response.context["preview"]["body"] == "Dear Asha Judge, the venue has changed."
    assert not Message.objects.exists()


def test_a_message_is_sent_in_chunks_by_the_task_worker(
    client, registrar, event, database_tasks, django_capture_on_commit_callbacks
):
    people = [
        add_registration(event, factories.make_user("district_judge", full_name=f"Judge {n:03d}"))
        for n in range(CHUNK_SIZE * 2 + 1)
    ]
    client.force_login(registrar)
    with django_capture_on_commit_callbacks(execute=True):
        preview_then_send(client, event, fields())
    tasks = DBTaskResult.objects.filter(task_path="messaging.tasks.send_chunk")
    assert sorted(len(task.args_kwargs["args"][1]) for task in tasks) == [1, CHUNK_SIZE, CHUNK_SIZE]
    assert mail.outbox == [] and set(Delivery.objects.values_list("status", flat=True)) == {"queued"}
    assert run_queued_tasks() == 3
    assert len(mail.outbox) == len(people)
    assert set(Delivery.objects.values_list("status", flat=True)) == {"sent"}


def test_500_recipients_are_queued_by_the_request_and_sent_by_the_worker(
    client, registrar, event, database_tasks, django_capture_on_commit_callbacks
):
    users = [
        factories.make_user("district_judge", full_name=f"Participant {n:03d}", email=f"p{n:03d}@example.test")
        for n in range(500)
    ]
    for user in users:
        add_registration(event, user)
    client.force_login(registrar)
    with django_capture_on_commit_callbacks(execute=True):
        response = preview_then_send(client, event, fields())
    message = Message.objects.get()
    assert response.status_code == 302
    # The request only queued them: no email left during it, every row waits for the worker.
    assert mail.outbox == []
    assert message.deliveries.filter(status="queued").count() == 500
    assert DBTaskResult.objects.filter(task_path="messaging.tasks.send_chunk", status="READY").count() == 10

    assert run_queued_tasks() == 10
    assert len(mail.outbox) == 500
    assert {m.to[0] for m in mail.outbox} == {user.email for user in users}
    assert message.deliveries.filter(status="sent", sent_at__isnull=False).count() == 500
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    # A worker that runs a chunk again sends nobody a second copy.
    from messaging.tasks import send_chunk

    send_chunk.call(message.pk, list(message.deliveries.values_list("pk", flat=True)[:50]))
    assert len(mail.outbox) == 500


class RefusesOneAddress(EmailBackend):
    """The locmem backend, but the mail server refuses one recipient as an SMTP server would."""

    refused = "bounce@example.test"

    def send_messages(self, messages):
        for message in messages:
            if self.refused in message.to:
                raise smtplib.SMTPRecipientsRefused({self.refused: (550, b"5.1.1 User unknown")})
        return super().send_messages(messages)


def test_the_delivery_log_shows_each_recipients_status_and_a_refused_address(
    client, registrar, event, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusesOneAddress"
    good = add_registration(event, factories.make_user("district_judge", full_name="Good Judge"))
    bad = add_registration(
        event, factories.make_user("district_judge", full_name="Bounced Judge", email="bounce@example.test")
    )
    client.force_login(registrar)
    with django_capture_on_commit_callbacks(execute=True):
        preview_then_send(client, event, fields())
    message = Message.objects.get()
    by_name = {d.registration.name: d for d in message.deliveries.all()}
    assert by_name["Good Judge"].status == "sent" and by_name["Good Judge"].sent_at is not None
    assert by_name["Bounced Judge"].status == "failed" and by_name["Bounced Judge"].sent_at is None
    assert by_name["Bounced Judge"].error.startswith("SMTPRecipientsRefused: ")
    assert "User unknown" in by_name["Bounced Judge"].error
    assert [m.to for m in mail.outbox] == [[good.email]]

    log = client.get(f"/admin/messaging/{message.pk}/").content.decode()
    assert "2 recipients: 1 sent, 1 failed, 0 waiting to be sent." in log
    assert "User unknown" in log and "Send again to the 1 who failed" in log
    failed_only = client.get(f"/admin/messaging/{message.pk}/", {"status": "failed"})
    assert [row.registration.name for row in failed_only.context["page_obj"]] == ["Bounced Judge"]

    csv_body = b"".join(client.get(f"/admin/messaging/{message.pk}/log.csv").streaming_content).decode()
    lines = csv_body.splitlines()
    assert lines[0] == "name,email,category,registration_status,delivery_status,error,sent_at"
    assert lines[1].startswith("Bounced Judge,bounce@example.test,District and Sessions judges,Approved,Failed,")
    assert lines[2].startswith("Good Judge,") and ",Sent,," in lines[2]

    # The address is fixed at the mail server; sending again reaches it, and only it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/messaging/{message.pk}/resend/")
    bad_delivery = Delivery.objects.get(registration=bad)
    assert bad_delivery.status == "sent" and bad_delivery.error == ""
    assert [m.to for m in mail.outbox] == [[good.email], [bad.email]]


def test_the_log_export_neutralises_formulas(client, registrar, event, django_capture_on_commit_callbacks):
    add_registration(event, factories.make_user("district_judge", full_name='=HYPERLINK("http://x.test")'))
    client.force_login(registrar)
    with django_capture_on_commit_callbacks(execute=True):
        preview_then_send(client, event, fields())
    message = Message.objects.get()
    csv_body = b"".join(client.get(f"/admin/messaging/{message.pk}/log.csv").streaming_content).decode()
    assert csv_body.splitlines()[1].startswith('"\'=HYPERLINK(""http://x.test"")",')


def test_the_event_page_lists_its_messages_with_counts(
    client, registrar, event, people, django_capture_on_commit_callbacks
):
    client.force_login(registrar)
    with django_capture_on_commit_callbacks(execute=True):
        preview_then_send(client, event, fields(subject="Travel plans for {event}, {name}"))
    response = client.get(f"/admin/messaging/events/{event.pk}/")
    [message] = response.context["sent"]
    assert message.counts == {"queued": 0, "sent": 3, "failed": 0, "total": 3}
    # The event's own placeholders are filled in the list; the personal ones cannot be.
    assert message.display_subject == "Travel plans for State colloquium on trafficking, {name}"
    assert f'href="/admin/messaging/{message.pk}/">Travel plans for State colloquium on trafficking, {{name}}</a>' in (
        response.content.decode()
    )


def test_the_personal_data_download_lists_the_messages_a_person_was_sent(
    registrar, event, judge, django_capture_on_commit_callbacks
):
    from accounts.services import export_personal_data
    from messaging.services import send_message

    registration = add_registration(event, judge)
    with django_capture_on_commit_callbacks(execute=True):
        send_message(event, subject="For {name}", body="Hello", registrations=[registration], by=registrar)
    [row] = export_personal_data(judge)["event_messages"]
    assert row["event"] == event.title and row["subject"] == "For Test Judge"
    assert row["status"] == "sent" and row["email"] == judge.email and row["sent_at"]
