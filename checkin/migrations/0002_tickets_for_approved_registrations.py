# Registrations approved before the checkin app was installed get their e-tickets now; later
# approvals get theirs from checkin.receivers. Historical models only, codes as checkin.models makes them.

import secrets

from django.db import migrations

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_code():
    return "".join(secrets.choice(ALPHABET) for _ in range(12))


def tickets_for_approved(apps, schema_editor):
    Registration = apps.get_model("colloquia", "Registration")
    Ticket = apps.get_model("checkin", "Ticket")
    pending = Registration.objects.filter(status="approved", ticket__isnull=True).values_list("pk", flat=True)
    Ticket.objects.bulk_create([Ticket(registration_id=pk, code=new_code()) for pk in pending.iterator()], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("checkin", "0001_initial")]

    operations = [migrations.RunPython(tickets_for_approved, migrations.RunPython.noop)]
