import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import User
from colloquia.models import Registration

from .conftest import make_event

pytestmark = pytest.mark.django_db

HEADER = "name,email,designation,category,nominating_office\n"


@pytest.fixture
def nominated(index):
    return make_event(
        index, title="Nominated colloquium", mode="nomination", audience={"district_judge": 1, "prosecutor": None}
    )


def upload(client, page, text):
    csv_file = SimpleUploadedFile("nominees.csv", text.encode(), content_type="text/csv")
    return client.post(f"/admin/colloquia/{page.pk}/nominations/", {"file": csv_file})


def test_bad_rows_are_reported_and_nothing_is_imported(client, registrar, nominated):
    client.force_login(registrar)
    text = HEADER + (
        "Shri A. Kumar,a.kumar@example.test,ASJ,district_judge,District Court Ranchi\n"
        ",not-an-email,APP,prosecutor,\n"
        "Shri B,b@example.test,SP,police,DGP office\n"
        "Shri C,a.kumar@example.test,ASJ,district_judge,District Court Dhanbad\n"
    )
    response = upload(client, nominated, text)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nothing was imported" in body
    assert "Row 3: name is empty; “not-an-email” is not an email address; nominating court or office is empty." in body
    assert "Row 4: category “Police nodal officers (AHTU)” is not in this event&#x27;s audience." in body
    assert "Row 5: a.kumar@example.test appears twice in the file." in body
    assert not Registration.objects.exists()


def test_clean_file_invites_everyone_and_acceptance_creates_the_account(
    client, registrar, nominated, django_capture_on_commit_callbacks
):
    client.force_login(registrar)
    text = HEADER + (
        "Shri A. Kumar,a.kumar@example.test,Additional Sessions Judge,district_judge,District Court Ranchi\n"
        "Smt. P. Oraon,p.oraon@example.test,Additional Public Prosecutor,prosecutor,Directorate of Prosecution\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, nominated, text)
    assert response.status_code == 302
    assert Registration.objects.filter(page=nominated, status="invited").count() == 2
    invitation = next(m for m in mail.outbox if m.to == ["a.kumar@example.test"])
    link = re.search(r"http://testserver(/colloquia-registrations/invitation/\S+/)", invitation.body).group(1)
    client.logout()
    assert "Accept" in client.get(link).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link, {"answer": "accept"})
    assert "Set your password" in response.content.decode()
    user = User.objects.get(email="a.kumar@example.test")
    assert user.role == "district_judge" and user.has_role("district_judge")
    assert not user.has_usable_password()
    registration = Registration.objects.get(email="a.kumar@example.test")
    assert registration.user == user and registration.status == "approved"
    # The link cannot be used twice.
    assert client.post(link, {"answer": "decline"}).status_code == 409


def test_a_nominee_can_decline(client, registrar, nominated):
    client.force_login(registrar)
    upload(client, nominated, HEADER + "Smt. P,p@example.test,APP,prosecutor,Directorate of Prosecution\n")
    from colloquia.services import invitation_token

    registration = Registration.objects.get()
    client.logout()
    client.post(f"/colloquia-registrations/invitation/{invitation_token(registration)}/", {"answer": "decline"})
    registration.refresh_from_db()
    assert registration.status == "declined" and registration.user is None


def test_a_tampered_invitation_link_is_refused(client):
    response = client.get("/colloquia-registrations/invitation/forged-token/")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_other_academys_registrar_cannot_upload(client, nominated, other_academy):
    from tests.factories import make_staff

    stranger = make_staff(other_academy, "registrar")
    client.force_login(stranger)
    response = upload(client, nominated, HEADER + "A,a@example.test,ASJ,district_judge,Court\n")
    assert response.status_code == 404
    assert not Registration.objects.exists()


def test_the_set_password_link_is_made_when_the_email_is_sent_never_stored_with_the_queued_task(
    client, registrar, nominated, django_capture_on_commit_callbacks, monkeypatch
):
    from colloquia.services.emails import send_registration_email
    from tests.checkin.test_tickets import Queue

    client.force_login(registrar)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, nominated, HEADER + "Shri A. Kumar,a.kumar@example.test,ASJ,district_judge,District Court\n")
    link = re.search(r"http://testserver(/colloquia-registrations/invitation/\S+/)", mail.outbox[0].body).group(1)
    client.logout()
    queued = []
    # The place comes with an e-ticket, which the worker renders: the confirmation is queued for it.
    monkeypatch.setattr("colloquia.services.emails.send_registration_email", Queue(queued))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link, {"answer": "accept"})
    ((registration_id, status, subject, template, context),) = queued
    assert context == {"new_account": True}  # what the task's row in the database holds: no key
    send_registration_email.call(*queued[0])  # what the worker runs
    message = mail.outbox[-1]
    reset = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", message.body).group(1)
    # The link works: allauth takes the key and shows the form to set a password.
    response = client.get(reset, follow=True)
    assert response.status_code == 200 and 'name="password1"' in response.content.decode()
