"""Open Badges 3.0: every certificate as a signed credential, verified on the public page."""

import base64
import hashlib
import hmac
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from joserfc import jwt
from joserfc.jwk import RSAKey

from certificates import open_badges
from certificates.services import reissue, revoke


def segments(token):
    return token.split(".")


def decode_part(part):
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def encode_part(value):
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def download(client, user, cert):
    client.force_login(user)
    response = client.get(f"/certificates/{cert.pk}/credential/")
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def check(client, text=None, upload=None):
    data = {"check": "credential", "credential": text or ""}
    if upload is not None:
        data["credential_file"] = upload
    response = client.post("/certificates/verify/", data)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_issue_export_verify_alter_revoke(client, judge, academy, registrar, issue):
    """The issue's test: issue, export, verify (genuine), alter one field (altered), revoke (revoked)."""
    cert, _ = issue(judge, academy, hours="6.5")
    token = download(client, judge, cert)
    client.logout()

    header, payload, _ = segments(token)
    assert decode_part(header)["alg"] == "RS256" and decode_part(header)["kid"].endswith(".json")
    claims = decode_part(payload)
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json" in claims["@context"]
    assert claims["issuer"]["name"] == academy.name and claims["iss"] == claims["issuer"]["id"]
    assert claims["jti"] == claims["id"] == cert.verify_url
    achievement = claims["credentialSubject"]["achievement"]
    assert achievement["name"] == cert.title and achievement["criteria"]["narrative"]
    assert cert.serial in claims["description"] and "6.5 hours" in claims["description"]
    assert claims["credentialStatus"]["type"] == "BitstringStatusListEntry"
    identities = {item["identityType"]: item for item in claims["credentialSubject"]["identifier"]}
    assert identities["name"]["identityHash"] == cert.recipient_name
    email = identities["emailAddress"]
    assert email["hashed"] and judge.email not in token
    expected = hashlib.sha256(f"{judge.email.lower()}{email['salt']}".encode()).hexdigest()
    assert email["identityHash"] == f"sha256${expected}"

    body = check(client, token)
    assert "Genuine credential." in body and cert.serial in body

    # One field changed, the signature kept: refused as altered, naming the certificate.
    changed = {**claims, "credentialSubject": {**claims["credentialSubject"], "narrative": "Completed with honours."}}
    altered = ".".join([header, encode_part(changed), segments(token)[2]])
    body = check(client, altered)
    assert "Altered credential." in body and cert.serial in body and "Genuine" not in body

    revoke(cert, reason="Attendance was recorded against the wrong officer", by=registrar)
    body = check(client, token)
    assert "Revoked." in body and "wrong officer" in body


@pytest.mark.django_db
def test_superseded_credential_is_reported(client, judge, academy, registrar, issue):
    cert, _ = issue(judge, academy)
    token = download(client, judge, cert)
    client.logout()
    new = reissue(cert, by=registrar, reason="Name corrected", name="Test Judge Corrected")
    body = check(client, token)
    assert "Superseded." in body and new.serial in body
    assert "Genuine credential." in check(client, download(client, judge, new))


@pytest.mark.django_db
def test_status_list_sets_the_bit_of_a_withdrawn_certificate(client, judge, academy, registrar, issue):
    cert, _ = issue(judge, academy)
    other, _ = issue(judge, academy, source_id=202)
    entry = decode_part(segments(download(client, judge, cert))[1])["credentialStatus"]
    client.logout()
    index = int(entry["statusListIndex"])

    def bits():
        response = client.get(entry["statusListCredential"].removeprefix("http://testserver"))
        assert response.status_code == 200 and response["Content-Type"] == "application/vc+jwt"
        assert response["Access-Control-Allow-Origin"] == "*"
        token = response.content.decode()
        thumbprint = decode_part(segments(token)[0])["kid"].rsplit("/", 1)[1].removesuffix(".json")
        subject = jwt.decode(token, open_badges.published_key(thumbprint).key, algorithms=["RS256"]).claims
        return subject["credentialSubject"]["encodedList"]

    assert not open_badges.status_bit(bits(), index)
    revoke(cert, reason="Wrong person", by=registrar)
    listed = bits()
    assert open_badges.status_bit(listed, index) and not open_badges.status_bit(listed, other.pk)


@pytest.mark.django_db
def test_only_the_owner_downloads_the_credential(client, judge, prosecutor, academy, registrar, issue):
    cert, _ = issue(judge, academy)
    url = f"/certificates/{cert.pk}/credential/"
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response.url
    for someone in (prosecutor, registrar):
        client.force_login(someone)
        assert client.get(url).status_code == 404
    client.force_login(judge)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{cert.serial}.jwt"'
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_public_keys_and_issuer_profile_are_published(client, judge, academy, issue):
    cert, _ = issue(judge, academy)
    kid = decode_part(segments(download(client, judge, cert))[0])["kid"]
    client.logout()
    keys = client.get("/.well-known/jwks.json").json()["keys"]
    assert [key["kid"] for key in keys] == [kid]
    assert all("d" not in key and key["alg"] == "RS256" for key in keys)
    assert client.get(kid.removeprefix("http://testserver")).json()["kid"] == kid
    assert client.get("/certificates/keys/" + "A" * 43 + ".json").status_code == 404
    profile = client.get(f"/certificates/issuers/{cert.academy_code}.json").json()
    assert profile["name"] == academy.name and profile["type"] == ["Profile"]
    assert client.get("/certificates/issuers/NOPE.json").status_code == 404


@pytest.mark.django_db
def test_rotation_keeps_old_credentials_verifiable(client, settings, tmp_path, judge, academy, issue):
    cert, _ = issue(judge, academy)
    old_token = download(client, judge, cert)
    old_file = settings.CREDENTIAL_SIGNING_KEY_FILE
    new_file = tmp_path / "new-key.pem"
    assert open_badges.write_key_file(new_file, open_badges.new_private_key_pem())
    assert not open_badges.write_key_file(new_file, b"never overwritten")
    settings.CREDENTIAL_SIGNING_KEY_FILE = new_file
    settings.CREDENTIAL_RETIRED_KEY_FILES = [old_file]
    try:
        new_token = download(client, judge, cert)
        client.logout()
        assert decode_part(segments(new_token)[0])["kid"] != decode_part(segments(old_token)[0])["kid"]
        assert len(client.get("/.well-known/jwks.json").json()["keys"]) == 2
        assert "Genuine credential." in check(client, old_token)
        assert "Genuine credential." in check(client, new_token)
        # Once the old key is no longer published, what it signed is refused.
        settings.CREDENTIAL_RETIRED_KEY_FILES = []
        assert "has not published" in check(client, old_token)
    finally:
        open_badges.forget_loaded_keys()


@pytest.mark.django_db
def test_credential_in_a_file_or_a_json_envelope(client, judge, academy, issue):
    cert, _ = issue(judge, academy)
    token = download(client, judge, cert)
    client.logout()
    upload = SimpleUploadedFile(f"{cert.serial}.jwt", token.encode(), content_type="application/vc+jwt")
    assert "Genuine credential." in check(client, upload=upload)
    envelope = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": "EnvelopedVerifiableCredential",
        "id": f"data:application/vc+jwt,{token}",
    }
    upload = SimpleUploadedFile("badge.json", json.dumps(envelope).encode(), content_type="application/json")
    assert "Genuine credential." in check(client, upload=upload)
    assert "Genuine credential." in check(client, json.dumps(token))


def _forged(header, claims, key, alg):
    return jwt.encode(header, claims, key, algorithms=[alg])


@pytest.mark.django_db
def test_hostile_credentials_are_refused_with_a_reason(client, judge, academy, issue):
    cert, _ = issue(judge, academy)
    token = download(client, judge, cert)
    client.logout()
    header, payload, signature = segments(token)
    claims, kid = decode_part(payload), decode_part(header)["kid"]
    thumbprint = kid.rsplit("/", 1)[1].removesuffix(".json")
    public = open_badges.published_key(thumbprint).key

    unsigned = f"{encode_part({'alg': 'none', 'kid': kid})}.{payload}."
    none_with_signature = f"{encode_part({'alg': 'none', 'kid': kid})}.{payload}.{signature}"
    # The classic confusion: the published public key used as an HMAC secret (made by hand,
    # since joserfc itself refuses to use a public key as one).
    signing_input = f"{encode_part({'alg': 'HS256', 'kid': kid})}.{payload}"
    mac = hmac.new(public.as_pem(private=False), signing_input.encode(), hashlib.sha256).digest()
    confused = f"{signing_input}.{base64.urlsafe_b64encode(mac).decode().rstrip('=')}"
    stranger = RSAKey.generate_key(2048)
    foreign = _forged(
        {"alg": "RS256", "kid": kid.replace(thumbprint, stranger.thumbprint())}, claims, stranger, "RS256"
    )
    wrong_key_same_kid = _forged({"alg": "RS256", "kid": kid}, claims, stranger, "RS256")
    cases = {
        unsigned: "is not a signed credential",
        none_with_signature: "algorithm is “none”",
        confused: "signs with RS256 only",
        foreign: "has not published",
        "x" * (70 * 1024): "larger than 64 KB",
        "{not json": "not valid JSON",
        json.dumps({**claims}): "without its signature",
        "[[[[[[[[[[" * 3000: "not valid JSON",
        f"{encode_part([1, 2])}.{payload}.{signature}": "not a JSON object",
        f"bm90IGpzb24.{payload}.{signature}": "not readable JSON",
        "<script>alert(1)</script>": "is not a signed credential",
    }
    for text, reason in cases.items():
        body = check(client, text)
        assert reason in body, (text[:60], reason)
        assert "Genuine" not in body and "<script>alert(1)" not in body
    # Signed by another key under our kid: the signature fails, so it reads as altered.
    assert "Altered credential." in check(client, wrong_key_same_kid)
    assert "Paste the credential or choose its file." in check(client, "")
    huge = SimpleUploadedFile("big.jwt", b"e" * (65 * 1024))
    assert "larger than 64 KB" in check(client, upload=huge)
    binary = SimpleUploadedFile("badge.jwt", b"\xff\xfe\x00binary")
    assert "not text" in check(client, upload=binary)


@pytest.mark.django_db
def test_credential_checks_share_the_verification_rate_limit(client, settings, judge, academy, issue):
    settings.CERTIFICATE_VERIFY_RATE_PER_MINUTE = 2
    for _ in range(2):
        assert client.post("/certificates/verify/", {"check": "credential", "credential": "x"}).status_code == 200
    assert client.post("/certificates/verify/", {"check": "credential", "credential": "x"}).status_code == 429


@pytest.mark.corpus
def test_attack_corpus_is_refused_as_credentials(corpus_dir):
    """Every XSS payload and hostile upload, as pasted text or in a signed-looking token, is refused cleanly."""
    lines = (corpus_dir / "xss" / "ALL_attacklike_singleline.txt").read_text(encoding="utf-8").splitlines()
    refused = 0
    for line in lines:
        for text in (line, f"{encode_part({'alg': line, 'kid': line})}.{encode_part({'id': line})}.c2ln"):
            with pytest.raises(open_badges.CredentialRefused):
                open_badges.verify_credential(text)
            refused += 1
    for path in sorted((corpus_dir / "uploads").rglob("*")):
        if path.is_file():
            text = path.read_bytes()[: 70 * 1024].decode("utf-8", errors="replace")
            with pytest.raises(open_badges.CredentialRefused):
                open_badges.verify_credential(text)
            refused += 1
    assert refused > 4000


def test_a_process_that_never_signs_or_checks_a_credential_does_not_load_the_signing_library():
    """joserfc loads in the function that signs or checks a credential, not with the URL configuration:
    a web worker serving other pages and the certificate task worker never pay for it."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, django; django.setup(); from django.urls import reverse; "
        "reverse('certificates:verify'); import certificates.views, certificates.tasks; "
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'joserfc'))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "colloquium_site.settings.test"}
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
