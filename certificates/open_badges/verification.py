"""Checking a credential someone hands us: genuine, altered, revoked or superseded.

Hostile input is refused before any cryptography with a sentence saying why: too large, not a
signed credential, an algorithm other than RS256 (`none` included, so an unsigned token can
never pass), or a key this platform has not published. Only then is the signature checked,
with joserfc limited to RS256 and the key the `kid` names.
"""

import base64
import binascii
import json
import re
from dataclasses import dataclass

from django.utils.translation import gettext

from ..models import Certificate
from .keys import ALGORITHM, published_key

MAX_CREDENTIAL_BYTES = 64 * 1024  # a credential of ours is about 4 KB
COMPACT_JWS = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")
CODE_IN_URL = re.compile(r"/certificates/verify/([A-Za-z0-9_-]{16,43})/?$")
THUMBPRINT_IN_KID = re.compile(r"/certificates/keys/([A-Za-z0-9_-]{43})\.json$")
ENVELOPE_PREFIX = "data:application/vc+jwt,"


class CredentialRefused(ValueError):
    """Input that is not a credential we can check; the message says why, for the person who sent it."""


@dataclass
class Verification:
    outcome: str  # genuine, revoked, superseded, altered, unknown
    cert: Certificate | None


def _json_segment(segment, what):
    """`what` is "header" or "content": which part of the token, for the message."""
    try:
        value = json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))
    except (binascii.Error, ValueError, RecursionError) as error:
        if what == "header":
            message = gettext("The credential's header is not readable JSON: it is damaged or not a credential.")
        else:
            message = gettext("The credential's content is not readable JSON: it is damaged or not a credential.")
        raise CredentialRefused(message) from error
    if not isinstance(value, dict):
        if what == "header":
            message = gettext("The credential's header is not a JSON object: it is damaged or not a credential.")
        else:
            message = gettext("The credential's content is not a JSON object: it is damaged or not a credential.")
        raise CredentialRefused(message)
    return value


def token_from_text(text):
    """The compact JWS in what was pasted or uploaded: the token itself, a JSON string holding it,
    or a VC 2.0 `EnvelopedVerifiableCredential` whose id is `data:application/vc+jwt,<token>`."""
    text = (text or "").strip()
    if len(text.encode()) > MAX_CREDENTIAL_BYTES:
        raise CredentialRefused(gettext("That is larger than 64 KB; a credential from this platform is about 4 KB."))
    if not text:
        raise CredentialRefused(gettext("Paste the credential or choose its file."))
    if text[0] in '{["':
        try:
            value = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise CredentialRefused(gettext("That is not valid JSON, so it cannot be read as a credential.")) from error
        if isinstance(value, dict) and str(value.get("id", "")).startswith(ENVELOPE_PREFIX):
            value = value["id"][len(ENVELOPE_PREFIX) :]
        elif isinstance(value, dict):
            raise CredentialRefused(
                gettext(
                    "That JSON is a credential without its signature, so nothing proves where it came from. "
                    "Use the .jwt file downloaded from “My certificates”."
                )
            )
        if not isinstance(value, str):
            raise CredentialRefused(gettext("That JSON does not hold a signed credential."))
        text = value.strip()
    if not COMPACT_JWS.fullmatch(text):
        raise CredentialRefused(
            gettext(
                "That is not a signed credential: a credential from this platform is a token of three parts "
                "separated by dots (the .jwt file)."
            )
        )
    return text


def _certificate_named(claims):
    match = CODE_IN_URL.search(str(claims.get("id") or claims.get("jti") or ""))
    if not match:
        return None
    return Certificate.objects.select_related("superseded_by").filter(verification_code=match.group(1)).first()


def verify_credential(text):
    """Verification of the credential in `text`; raises CredentialRefused for input we cannot check."""
    from joserfc import jwt  # here, not at the top: see keys.new_private_key_pem
    from joserfc.errors import BadSignatureError, JoseError

    token = token_from_text(text)
    header_part, payload_part, _ = token.split(".")
    header = _json_segment(header_part, "header")
    algorithm = header.get("alg")
    if algorithm is None or str(algorithm).lower() == "none":
        raise CredentialRefused(
            gettext("That credential is not signed (its algorithm is “none”), so it proves nothing.")
        )
    if algorithm != ALGORITHM:
        raise CredentialRefused(
            gettext(
                "That credential is signed with “%(algorithm)s”; this platform signs with %(ours)s only, "
                "so it was not issued here."
            )
            % {"algorithm": str(algorithm)[:20], "ours": ALGORITHM}
        )
    match = THUMBPRINT_IN_KID.search(str(header.get("kid") or ""))
    key = published_key(match.group(1)) if match else None
    if key is None:
        raise CredentialRefused(
            gettext("That credential was signed with a key this platform has not published: it was not issued here.")
        )
    unverified = _json_segment(payload_part, "content")
    try:
        claims = jwt.decode(token, key.key, algorithms=[ALGORITHM]).claims
    except BadSignatureError:
        # The signature does not cover what the token now says: it was changed after signing.
        cert = _certificate_named(unverified)
        return Verification("altered" if cert else "unknown", cert)
    except JoseError as error:
        raise CredentialRefused(
            gettext("That credential could not be read: it is damaged or not a credential.")
        ) from error
    issuer = claims.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if claims.get("jti") != claims.get("id") or claims.get("iss") != issuer_id:
        raise CredentialRefused(gettext("That token is signed but is not an Open Badges credential of this platform."))
    cert = _certificate_named(claims)
    if cert is None:
        return Verification("unknown", None)
    return Verification("genuine" if cert.status == Certificate.VALID else cert.status, cert)
