"""The platform's credential signing key and the public keys it publishes.

One RSA key signs (RS256: the algorithm every Open Badges 3.0 verifier must support). Its
private half is a PEM file named by `CREDENTIAL_SIGNING_KEY_FILE`, outside the repository;
development and tests generate it on first use, production refuses to. Keys used before a
rotation (`CREDENTIAL_RETIRED_KEY_FILES`) sign nothing new but stay published, so the
credentials they signed still verify. A key is named by its RFC 7638 thumbprint, and its
`kid` is the address that serves it as a JWK.
"""

import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from core.site import absolute_url

if TYPE_CHECKING:
    from joserfc.jwk import RSAKey

ALGORITHM = "RS256"
KEY_BITS = 3072


@dataclass(frozen=True)
class PublishedKey:
    thumbprint: str
    key: "RSAKey"  # the public half only

    @property
    def kid(self):
        return key_url(self.thumbprint)

    def as_jwk(self):
        return {**self.key.as_dict(private=False), "kid": self.kid, "alg": ALGORITHM, "use": "sig"}


def key_url(thumbprint):
    return absolute_url(reverse("certificates:credential_key", args=[thumbprint]))


def new_private_key_pem():
    # here, not at the top: joserfc and cryptography (about 10 MB) load only in a process that signs or checks
    from joserfc.jwk import RSAKey

    return RSAKey.generate_key(KEY_BITS, private=True).as_pem(private=True)


def write_key_file(path, pem):
    """Write `pem` to `path` (mode 0600) unless a file is there already; True if written.

    Written to a temporary file first and linked into place: two processes making the key at
    once end with one key, and neither ever reads a half-written file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".key-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(pem)
        os.chmod(temporary, 0o600)
        os.link(temporary, path)
        return True
    except FileExistsError:
        return False
    finally:
        os.unlink(temporary)


def _read(path):
    from joserfc.jwk import RSAKey  # here, not at the top: see new_private_key_pem

    try:
        return RSAKey.import_key(Path(path).read_bytes())
    except (OSError, ValueError) as error:
        raise ImproperlyConfigured(f"The credential key file {path} cannot be read as an RSA key: {error}") from error


@lru_cache(maxsize=4)
def _load(signing_file, retired_files, generate):
    from joserfc.jwk import RSAKey  # here, not at the top: see new_private_key_pem

    path = Path(signing_file)
    if not path.exists():
        if not generate:
            raise ImproperlyConfigured(
                f"No credential signing key at {path}. Make one with `manage.py create_credential_key {path}` "
                "and set CREDENTIAL_SIGNING_KEY_FILE (docs/certificates.md, 'Signing key')."
            )
        write_key_file(path, new_private_key_pem())
    signing = _read(path)
    published = {}
    for key in [signing, *(_read(retired) for retired in retired_files)]:
        public = RSAKey.import_key(key.as_dict(private=False))
        published.setdefault(key.thumbprint(), PublishedKey(key.thumbprint(), public))
    return signing, published


def _keys():
    return _load(
        str(settings.CREDENTIAL_SIGNING_KEY_FILE),
        tuple(str(path) for path in settings.CREDENTIAL_RETIRED_KEY_FILES),
        settings.CREDENTIAL_GENERATE_MISSING_KEY,
    )


def signing_key():
    """(private key, its kid): what signs new credentials."""
    key, _ = _keys()
    return key, key_url(key.thumbprint())


def published_keys():
    """Every public key a credential of ours may be signed with, the signing key first."""
    return list(_keys()[1].values())


def published_key(thumbprint):
    return _keys()[1].get(thumbprint)


def forget_loaded_keys():
    """Read the key files again on next use (after a rotation in a long-running process, or in tests)."""
    _load.cache_clear()
