"""Who may upload, what a refused upload keeps, and that it stores nothing."""

import os

import pytest
from django.urls import reverse

from resources.models import ModerationDecision, Resource, ResourceFile, ResourceVersion
from tests import factories
from tests.resources.builders import PDF, ooxml_bytes, png_bytes, upload
from tests.resources.conftest import form_data, make_member, make_org

URL = "/resources/share/"


def private_files(settings):
    root = os.path.join(os.path.dirname(os.path.abspath(settings.MEDIA_ROOT)), "private")
    found = []
    for base, _dirs, files in os.walk(root):
        found.extend(os.path.join(base, f) for f in files)
    return found


def test_url_name():
    assert reverse("resources:upload") == URL


def test_anonymous_is_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("who", "reason"),
    [
        ("judge", "Sharing resources is for members of verified civil society organisations."),
        ("unverified_cso", "awaiting verification by academy staff"),
        ("cso_without_org", "not linked to an organisation"),
        ("member_of_unverified_org", "is awaiting verification by academy staff. You can upload once it is verified"),
    ],
)
def test_refused_users_are_told_why(client, db, who, reason):
    users = {
        "judge": lambda: factories.make_user("district_judge"),
        "unverified_cso": lambda: factories.make_user("cso", verified=False),
        "cso_without_org": lambda: factories.make_user("cso"),
        "member_of_unverified_org": lambda: make_member(make_org("Unverified Org", verified=False)),
    }
    client.force_login(users[who]())
    for response in (client.get(URL), client.post(URL, form_data(files=upload("a.pdf", PDF)))):
        assert response.status_code == 403
        assert reason in response.content.decode()
    assert not Resource.objects.exists()


def test_member_of_verified_org_uploads(client, academy, member, settings):
    client.force_login(member)
    assert client.get(URL).status_code == 200
    response = client.post(
        URL,
        form_data(files=[upload("Guide one.pdf", PDF), upload("slides.pptx", ooxml_bytes("pptx"))]),
    )
    assert response.status_code == 302
    version = ResourceVersion.objects.get()
    assert version.status == "pending"
    # No States chosen and no national academy: every academy reviews it.
    assert list(version.target_academies.all()) == [academy]
    files = list(version.files.order_by("original_name"))
    assert [f.original_name for f in files] == ["Guide one.pdf", "slides.pptx"]
    assert all(f.file.name.startswith("resources/") and "Guide" not in f.file.name for f in files)
    # Stored outside MEDIA_ROOT.
    assert len(private_files(settings)) == 2
    assert not os.path.exists(os.path.join(settings.MEDIA_ROOT, "resources"))
    assert version.resource.live_version is None


def test_states_choose_the_target_academies(client, academy, other_academy, member):
    from regions.models import State

    client.force_login(member)
    jh = State.objects.get(code="JH")
    client.post(URL, form_data(states=[str(jh.pk)], files=upload("a.pdf", PDF)))
    assert list(ResourceVersion.objects.get().target_academies.all()) == [academy]


def test_chosen_academies(client, academy, other_academy, member):
    client.force_login(member)
    response = client.post(URL, form_data(target_mode="chosen", files=upload("a.pdf", PDF)))
    assert "Choose at least one academy" in response.content.decode()
    client.post(
        URL, form_data(target_mode="chosen", target_academies=[str(other_academy.pk)], files=upload("a.pdf", PDF))
    )
    assert list(ResourceVersion.objects.get().target_academies.all()) == [other_academy]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("guide.pdf", b"MZ\x90\x00" + b"\x00" * 100, "is a program (executable)"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG"),
        ("judgment.pdf", b"<html><body><script>alert(1)</script></body></html>", "web page (HTML)"),
        ("notes.docx", ooxml_bytes("docx", extra=[("../../x.sh", "x")]), "path traversal"),
    ],
)
def test_refused_file_keeps_the_other_entries_and_stores_nothing(client, academy, member, settings, name, data, reason):
    client.force_login(member)
    response = client.post(
        URL,
        form_data(
            title="My careful title",
            summary="Typed with care",
            files=[upload("ok.png", png_bytes()), upload(name, data)],
        ),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert reason in body
    assert "My careful title" in body and "Typed with care" in body
    assert "choose your files again" in body
    assert not Resource.objects.exists() and not ResourceFile.objects.exists()
    assert private_files(settings) == []


def test_oversize_file_is_refused(client, academy, member, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 500
    client.force_login(member)
    response = client.post(URL, form_data(files=upload("big.pdf", PDF + b"0" * 1000)))
    assert "the limit is 500" in response.content.decode()
    assert not ResourceFile.objects.exists()
    assert private_files(settings) == []


def test_traversal_file_name_over_http_is_reduced_to_a_safe_basename(client, academy, member):
    """Django's multipart parser keeps only the basename; our own check refuses folder paths (test_files)."""
    from django.test.client import BOUNDARY, encode_multipart

    client.force_login(member)
    body = encode_multipart(BOUNDARY, form_data())
    part = (
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="../../../etc/passwd.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + PDF
        + b"\r\n"
    )
    body = body.replace(f"--{BOUNDARY}--".encode(), part + f"--{BOUNDARY}--".encode())
    response = client.post(URL, body, content_type=f"multipart/form-data; boundary={BOUNDARY}")
    assert response.status_code == 302
    stored = ResourceFile.objects.get()
    assert stored.original_name == "passwd.pdf"
    assert ".." not in stored.file.name


def test_failure_while_saving_removes_written_files(academy, member, settings, monkeypatch):
    from resources import services
    from resources.files import check_upload
    from tests.resources.conftest import service_data

    def boom(*args, **kwargs):
        raise RuntimeError("audit log down")

    monkeypatch.setattr(services, "record", boom)
    with pytest.raises(RuntimeError):
        services.submit_resource(member, service_data(), [check_upload(upload("a.pdf", PDF))])
    assert not Resource.objects.exists()
    assert not ModerationDecision.objects.exists()
    assert private_files(settings) == []
