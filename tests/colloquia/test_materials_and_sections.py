import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from colloquia import services
from colloquia.models import RestrictedMaterial

from .conftest import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(db):
    Document = get_document_model()
    public = Document.objects.create(title="Reading list", file=ContentFile(b"%PDF-1.4 public", name="reading.pdf"))
    private = Document.objects.create(title="Case file", file=ContentFile(b"%PDF-1.4 private", name="case.pdf"))
    return public, private


@pytest.fixture
def event_with_materials(index, documents):
    public, private = documents
    page = make_event(index, title="With materials")
    latest = page.get_latest_revision_as_object()
    sessions = list(latest.sessions.all())
    sessions[2].materials = [
        ("material", {"document": public, "title": "", "access": "public"}),
        ("material", {"document": private, "title": "Mock trial case file", "access": "participants"}),
    ]
    latest.sessions = sessions
    latest.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def test_participants_only_material_is_hidden_and_refused_for_others(
    client, event_with_materials, documents, judge, prosecutor
):
    public, private = documents
    assert RestrictedMaterial.objects.filter(document=private).exists()
    body = client.get(event_with_materials.url).content.decode()
    assert "Reading list" in body and "Mock trial case file" not in body
    assert client.get(public.url).status_code == 200
    assert client.get(private.url).status_code == 302  # to sign in
    client.force_login(prosecutor)
    assert client.get(private.url).status_code == 403
    services.register(judge, event_with_materials)
    client.force_login(judge)
    assert "Mock trial case file" in client.get(event_with_materials.url).content.decode()
    assert client.get(private.url).status_code == 200


def test_home_and_academy_sections_list_upcoming_colloquia(client, home, academy, event):
    assert "Upcoming colloquia" in client.get(home.url).content.decode()
    body = client.get(academy.page.url).content.decode()
    assert f"Colloquia of the {academy.name}" in body and event.title in body
