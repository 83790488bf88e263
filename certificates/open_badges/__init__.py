"""Open Badges 3.0: every certificate as a signed W3C Verifiable Credential (VC-JWT, RS256).

Public names: `credential_for` (the signed credential of a certificate), `status_list_credential`
(the revocation list wallets check), `verify_credential` and `CredentialRefused` (the public
verification page), `published_keys`/`published_key` (the JWKS), `issuer_profile`, and the key
file helpers the `create_credential_key` command uses. See docs/certificates.md.
"""

from .credential import MEDIA_TYPE, credential_for, issuer_profile, status_bit, status_list_credential
from .keys import forget_loaded_keys, new_private_key_pem, published_key, published_keys, write_key_file
from .verification import MAX_CREDENTIAL_BYTES, CredentialRefused, Verification, verify_credential

__all__ = [
    "MAX_CREDENTIAL_BYTES",
    "MEDIA_TYPE",
    "CredentialRefused",
    "Verification",
    "credential_for",
    "forget_loaded_keys",
    "issuer_profile",
    "new_private_key_pem",
    "published_key",
    "published_keys",
    "status_bit",
    "status_list_credential",
    "verify_credential",
    "write_key_file",
]
