"""The e-ticket an approved participant shows at the check-in desk.

One per registration, made when the registration is first approved (checkin.receivers) and kept
for good: a registration that is withdrawn and approved again keeps its number. Whether a ticket
admits its holder is decided at the desk from the registration's status at that moment, so a
withdrawn or rejected registration's ticket is refused without being changed.
"""

import secrets

from django.db import models
from django.utils import timezone

# Crockford's base 32: no I, L, O or U, so a number read aloud or typed from paper is not mistyped.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12  # 60 random bits: not guessable, and short enough to type at a desk
GROUP = 4


def new_ticket_code():
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def format_ticket_code(code):
    """“K7QM3XZ9HP2D” as printed and shown: “K7QM-3XZ9-HP2D”."""
    return "-".join(code[start : start + GROUP] for start in range(0, len(code), GROUP))


class Ticket(models.Model):
    registration = models.OneToOneField("colloquia.Registration", on_delete=models.CASCADE, related_name="ticket")
    code = models.CharField(max_length=CODE_LENGTH, unique=True, default=new_ticket_code, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    def __str__(self):
        return f"E-ticket {self.number}"

    @property
    def number(self):
        """The ticket number as printed on the ticket and typed at the desk."""
        return format_ticket_code(self.code)
