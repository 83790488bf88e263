"""A certificate as an Open Badges 3.0 credential, signed as a VC-JWT, and the status list.

The credential carries the frozen record's facts (name, achievement, academy, hours, dates,
issue time, serial); the academy is its issuer. It is signed with the platform's key in the
OB 3.0 "JSON Web Token Proof Format": the payload is the credential itself plus the `iss`,
`jti` and `nbf` claims, the header only `alg`, `kid` and `typ`. The credential is built
from the record on each download, so it always says what the stored record says; the
record's status travels separately, through a W3C Bitstring Status List.
"""

import base64
import gzip
import hashlib
import secrets
import uuid
from datetime import UTC, datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from core.formatting import format_hours
from core.site import absolute_url

from ..models import Certificate, Kind
from .keys import ALGORITHM, signing_key

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
SCHEMA = {
    "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
    "type": "1EdTechJsonSchemaValidator2019",
}
MEDIA_TYPE = "application/vc+jwt"
# A status list holds this many certificates (the Bitstring Status List minimum, 16 KB of bits),
# so a certificate's place is fixed by its id: list = id // size, index = id % size.
STATUS_LIST_SIZE = 131_072
ACHIEVEMENT_TYPE = {Kind.ATTENDANCE: "Certificate", Kind.COMPLETION: "CertificateOfCompletion"}


def _instant(moment):
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def issuer_url(code):
    return absolute_url(reverse("certificates:credential_issuer", args=[code]))


def issuer_profile(code, name):
    return {"id": issuer_url(code), "type": ["Profile"], "name": name, "url": settings.SITE_URL + "/"}


def status_list_url(number):
    return absolute_url(reverse("certificates:credential_status", args=[number]))


def status_entry(cert):
    number, index = divmod(cert.pk, STATUS_LIST_SIZE)
    url = status_list_url(number)
    return {
        "id": f"{url}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": str(index),
        "statusListCredential": url,
    }


def email_identity(email):
    """The learner's e-mail as an OB 3.0 IdentityObject: salted SHA-256, so the credential does
    not reveal the address, yet whoever knows it can check that the credential is its holder's."""
    salt = secrets.token_hex(8)
    digest = hashlib.sha256(f"{email.strip().lower()}{salt}".encode()).hexdigest()
    return {
        "type": "IdentityObject",
        "identityHash": f"sha256${digest}",
        "identityType": "emailAddress",
        "hashed": True,
        "salt": salt,
    }


def _criteria(cert):
    hours = format_hours(cert.hours)
    if cert.kind == Kind.COMPLETION:
        return f"Complete the course module “{cert.title}” ({hours} hours of study) as its completion rules require."
    return (
        f"Attend the {cert.programme or 'programme'} “{cert.title}” ({cert.dates_display}) for the hours "
        f"recorded in the organising academy's attendance register ({hours} hours for this participant)."
    )


def build_credential(cert, email):
    """The OpenBadgeCredential for `cert` (a saved Certificate), its subject identified by `email`."""
    hours = format_hours(cert.hours)
    programme = cert.programme or cert.get_kind_display()
    issuer = issuer_profile(cert.academy_code, cert.academy_name)
    achievement_key = f"{settings.SITE_URL}/{cert.source_kind}/{cert.source_id}"
    identities = [email_identity(email)] if email else []
    identities.append(
        {"type": "IdentityObject", "identityHash": cert.recipient_name, "identityType": "name", "hashed": False}
    )
    issued = _instant(cert.issued_at)
    return {
        "@context": CONTEXT,
        "id": cert.verify_url,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{cert.heading}: {cert.title}",
        "description": (
            f"Certificate no. {cert.serial}, issued by {cert.academy_name} on {cert.issued_at:%d %B %Y}: "
            f"{cert.title}, {cert.dates_display}, {hours} hours."
        ),
        "issuer": issuer,
        "validFrom": issued,
        "awardedDate": issued,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": identities,
            "activityStartDate": f"{cert.start_date.isoformat()}T00:00:00Z",
            "activityEndDate": f"{cert.end_date.isoformat()}T00:00:00Z",
            "narrative": cert.statement,
            "achievement": {
                "id": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, achievement_key)}",
                "type": ["Achievement"],
                "achievementType": ACHIEVEMENT_TYPE.get(cert.kind, "Certificate"),
                "name": cert.title,
                "description": f"{cert.heading}: {cert.title} ({programme}), {hours} hours.",
                "criteria": {"narrative": _criteria(cert)},
                "creator": issuer,
            },
        },
        "credentialStatus": status_entry(cert),
        "credentialSchema": [SCHEMA],
    }


def sign(credential):
    """`credential` as a compact JWS (VC-JWT) signed with the platform's current key."""
    from joserfc import jwt  # here, not at the top: see keys.new_private_key_pem

    key, kid = signing_key()
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": int(datetime.fromisoformat(credential["validFrom"]).timestamp()),
    }
    return jwt.encode({"alg": ALGORITHM, "kid": kid, "typ": "JWT"}, claims, key, algorithms=[ALGORITHM])


def credential_for(cert, email):
    return sign(build_credential(cert, email))


def status_list_credential(number):
    """The signed BitstringStatusListCredential for list `number`: a set bit is a certificate that is
    no longer valid (revoked, or superseded by a corrected copy)."""
    first = number * STATUS_LIST_SIZE
    bits = bytearray(STATUS_LIST_SIZE // 8)
    withdrawn = Certificate.objects.filter(pk__gte=first, pk__lt=first + STATUS_LIST_SIZE).exclude(
        status=Certificate.VALID
    )
    for pk in withdrawn.values_list("pk", flat=True).order_by():
        index = pk - first
        bits[index // 8] |= 0x80 >> (index % 8)  # index 0 is the first byte's most significant bit
    encoded = "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits), mtime=0)).decode().rstrip("=")
    url = status_list_url(number)
    now = _instant(timezone.now())
    credential = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_profile("platform", settings.SITE_NAME),
        "validFrom": now,
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encoded,
        },
    }
    return sign(credential)


def status_bit(encoded_list, index):
    """Whether bit `index` of a status list's `encodedList` is set (what a wallet checks)."""
    raw = encoded_list[1:]
    bits = gzip.decompress(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    return bool(bits[index // 8] & (0x80 >> (index % 8)))
