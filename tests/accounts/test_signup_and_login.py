import re

import pytest
from django.core import mail

from accounts.models import User
from accounts.roles import RoleStatus
from regions.models import HighCourt, State
from tests import factories

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "new.judge@example.test",
    "password1": "Stronger-Passw0rd!",
    "password2": "Stronger-Passw0rd!",
    "full_name": "Smt. Rekha Soren",
    "name_devanagari": "रेखा सोरेन",
    "role": "district_judge",
    "designation": "Additional Sessions Judge",
    "court_or_office": "Civil Court, Dumka",
    "district": "Dumka",
}


def signup_data(**overrides):
    data = dict(SIGNUP, state=State.objects.get(code="JH").pk, high_court=HighCourt.objects.get(code="JHHC").pk)
    data.update(overrides)
    return data


def test_signup_stores_the_profile_with_the_role_pending_and_sends_a_verification_email(client):
    response = client.post("/accounts/signup/", signup_data())
    assert response.status_code == 302
    user = User.objects.get(email="new.judge@example.test")
    assert user.full_name == "Smt. Rekha Soren"
    assert user.name_devanagari == "रेखा सोरेन"
    assert user.role == "district_judge" and user.role_status == RoleStatus.PENDING
    assert user.state.code == "JH" and user.high_court.code == "JHHC"
    assert len(mail.outbox) == 1
    assert "/accounts/confirm-email/" in mail.outbox[0].body


def test_login_is_refused_until_the_email_is_verified_then_allowed(client):
    client.post("/accounts/signup/", signup_data())
    client.logout()
    response = client.post("/accounts/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert response.status_code == 302 and "confirm-email" in response["Location"]
    link = re.search(r"http://testserver(/accounts/confirm-email/[^\s]+/)", mail.outbox[-1].body).group(1)
    client.post(link)
    response = client.post("/accounts/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert response.status_code == 302
    assert client.get("/accounts/profile/").status_code == 200


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"password1": "short", "password2": "short"}, "password1", "too short"),
        ({"password1": "password123", "password2": "password123"}, "password1", "too common"),
        ({"full_name": ""}, "full_name", "required"),
        ({"role": ""}, "role", "required"),
        ({"state": ""}, "state", "required"),
    ],
)
def test_bad_signup_input_shows_errors_and_keeps_entries(client, overrides, field, message):
    response = client.post("/accounts/signup/", signup_data(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field]).lower()
    html = response.content.decode()
    assert 'value="new.judge@example.test"' in html
    if field != "full_name":
        assert 'value="Smt. Rekha Soren"' in html
    assert not User.objects.filter(email="new.judge@example.test").exists()


def test_taken_email_does_not_reveal_the_account_and_creates_nothing(client):
    factories.make_user(email="new.judge@example.test")
    response = client.post("/accounts/signup/", signup_data())
    # With enumeration prevention the response looks like success; the owner is emailed instead.
    assert response.status_code == 302
    assert User.objects.filter(email="new.judge@example.test").count() == 1


def test_password_reset_answers_alike_for_known_and_unknown_emails(client):
    factories.make_user(email="known@example.test")
    known = client.post("/accounts/password/reset/", {"email": "known@example.test"})
    unknown = client.post("/accounts/password/reset/", {"email": "unknown@example.test"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_deactivated_user_is_signed_out_on_next_request(client):
    user = factories.make_user()
    client.force_login(user)
    assert client.get("/accounts/profile/").status_code == 200
    User.objects.filter(pk=user.pk).update(is_active=False)
    response = client.get("/accounts/profile/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
