"""Demo e-tickets: every approved demo registration gets its ticket when the demo is loaded.

The colloquia loader writes its registrations and their statuses straight from the files, so no
approval signal makes their tickets; without this step a ticket would appear only when its
holder first opens "My learning" or the registrar prints badges. Reads no file of its own; runs
after the colloquia loader and makes the tickets through `checkin.services.ensure_tickets`, as
the app does. Idempotent: a registration that has its ticket keeps it (and its number).
"""

from checkin.services import ensure_tickets
from colloquia.models import Registration, RegistrationStatus

from ..content import CONTENT_DIR


def read(root=CONTENT_DIR):
    """Nothing to read or check: the registrations come from the colloquia files."""
    return None


def load(stdout, data=None):
    without = list(Registration.objects.filter(status=RegistrationStatus.APPROVED, ticket__isnull=True))
    if without:
        ensure_tickets(without)
    return len(without)
