"""A signed-in request's session and user, each read with one statement (accounts.sessions, accounts.backends).

They must give exactly what Django's own store and ModelBackend give, on SQLite and PostgreSQL.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY
from django.contrib.auth.backends import ModelBackend
from django.contrib.sessions.backends import db as django_db_store
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.backends import AccountBackend
from accounts.sessions import SessionStore
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_embedded_set_up_uses_the_one_statement_session_store_and_sign_ins_record_the_account_backend():
    assert settings.SESSION_ENGINE == "accounts.sessions"
    assert settings.AUTHENTICATION_BACKENDS[0] == "accounts.backends.AccountBackend"
    assert "django.contrib.auth.backends.ModelBackend" not in settings.AUTHENTICATION_BACKENDS


def test_a_session_saved_by_djangos_store_loads_the_same_in_one_query():
    saved = django_db_store.SessionStore()
    saved.update({"colour": "saffron", "count": 3, "nested": {"hi": "नमस्ते"}})
    saved.create()
    loaded = SessionStore(session_key=saved.session_key)
    with CaptureQueriesContext(connection) as queries:
        data = dict(loaded.items())
    assert data == {"colour": "saffron", "count": 3, "nested": {"hi": "नमस्ते"}}
    assert len(queries) == 1
    assert loaded.session_key == saved.session_key


def test_an_expired_session_loads_empty_and_its_key_is_never_reused():
    saved = SessionStore()
    saved["who"] = "someone"
    saved.create()
    Session.objects.filter(session_key=saved.session_key).update(expire_date=timezone.now() - timedelta(seconds=1))
    loaded = SessionStore(session_key=saved.session_key)
    assert dict(loaded.items()) == {}
    assert loaded.session_key is None
    loaded["who"] = "someone else"
    loaded.save()
    assert loaded.session_key != saved.session_key


def test_an_unknown_or_tampered_session_loads_empty():
    assert dict(SessionStore(session_key="x" * 32).items()) == {}
    saved = SessionStore()
    saved["role"] = "judge"
    saved.create()
    Session.objects.filter(session_key=saved.session_key).update(session_data="tampered:data")
    assert dict(SessionStore(session_key=saved.session_key).items()) == {}


def test_the_account_backend_loads_the_user_with_every_field_as_model_backend_does():
    user = factories.make_user(designation="Principal District Judge", district="Ranchi")
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])
    with CaptureQueriesContext(connection) as queries:
        loaded = AccountBackend().get_user(user.pk)
    assert len(queries) == 1
    reference = ModelBackend().get_user(user.pk)
    for field in type(user)._meta.concrete_fields:
        ours, theirs = getattr(loaded, field.attname), getattr(reference, field.attname)
        assert ours == theirs and type(ours) is type(theirs), field.name
    assert loaded.last_login.tzinfo is not None
    assert loaded.get_session_auth_hash() == user.get_session_auth_hash()


def test_the_account_backend_refuses_an_inactive_or_unknown_user():
    user = factories.make_user(is_active=False)
    assert AccountBackend().get_user(user.pk) is None
    assert AccountBackend().get_user(user.pk + 1000) is None


def test_a_password_sign_in_records_the_account_backend_and_the_session_signs_the_person_in(client):
    user = factories.make_user()
    response = client.post("/accounts/login/", {"login": user.email, "password": factories.PASSWORD})
    assert response.status_code == 302
    session = SessionStore(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value)
    assert session[SESSION_KEY] == str(user.pk)
    assert session[BACKEND_SESSION_KEY] == "accounts.backends.AccountBackend"
    assert client.get("/accounts/dashboard/").status_code == 200


def test_a_session_whose_password_changed_since_is_signed_out(client):
    user = factories.make_user()
    client.force_login(user)
    assert client.get("/accounts/dashboard/").status_code == 200
    user.set_password("Another-Horse-Battery-7")
    user.save()
    response = client.get("/accounts/dashboard/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
