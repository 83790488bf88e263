"""Signals the colloquia app sends; other apps listen in their own receivers.py (colloquia imports none of them).

`registration_status_changed` is sent whenever a registration takes a status: when someone
registers (or registers again after withdrawing), when nominees are invited, and on every change
made through `services.set_status` (approval, rejection, the waiting list and promotion from it,
withdrawal, an invitation accepted or declined). It is sent inside the transaction that saves the
registration, so a receiver's own writes commit or roll back with it. Sender: the Registration
class. Arguments: `registration` (saved), `previous` (the status it had, "" for a new one) and
`status`. The checkin app gives an approved registration its e-ticket from it.
"""

from django.dispatch import Signal

registration_status_changed = Signal()
