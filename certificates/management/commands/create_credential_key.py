"""Make a new RSA key for signing Open Badges credentials (docs/certificates.md, "Signing key")."""

from django.core.management.base import BaseCommand, CommandError

from certificates.open_badges import new_private_key_pem, write_key_file


class Command(BaseCommand):
    help = "Write a new credential signing key (PEM, mode 0600) to PATH; an existing file is never overwritten."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Where to write the key, outside the repository.")

    def handle(self, *args, path, **options):
        if not write_key_file(path, new_private_key_pem()):
            raise CommandError(f"{path} exists already; a key is never overwritten (rotate by writing a new file).")
        self.stdout.write(
            f"Wrote a new signing key to {path}. Set CREDENTIAL_SIGNING_KEY_FILE to it, and list the previous "
            "key's file in CREDENTIAL_RETIRED_KEY_FILES so credentials it signed still verify."
        )
