"""The registrar's lists: an explicit waiting-list order, invitations with an accept-by date
that hold a place until answered, and the "lapsed" status of an invitation not accepted in time.

People already waiting keep the order they had (first come, first served: `created_at`, then
the id), numbered 1, 2, 3... per event and category before the constraint that every waiting
registration has a rank is added.
"""

from django.conf import settings
from django.db import migrations, models


def rank_the_waiting_lists(apps, schema_editor):
    Registration = apps.get_model("colloquia", "Registration")
    waiting = Registration.objects.filter(status="waitlisted").order_by("page_id", "category", "created_at", "pk")
    rank, previous = 0, None
    for registration in waiting.only("pk", "page_id", "category"):
        key = (registration.page_id, registration.category)
        rank = rank + 1 if key == previous else 1
        previous = key
        Registration.objects.filter(pk=registration.pk).update(waitlist_rank=rank)


class Migration(migrations.Migration):

    dependencies = [
        ('colloquia', '0005_mha_support_help_text'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='registration',
            name='colloquium_account_unless_invited',
        ),
        migrations.AddField(
            model_name='registration',
            name='accept_by',
            field=models.DateTimeField(blank=True, null=True, verbose_name='accept by'),
        ),
        migrations.AddField(
            model_name='registration',
            name='holds_place',
            field=models.BooleanField(default=False, editable=False),
        ),
        migrations.AddField(
            model_name='registration',
            name='waitlist_rank',
            field=models.PositiveIntegerField(blank=True, editable=False, null=True, verbose_name='waiting list order'),
        ),
        migrations.AlterField(
            model_name='registration',
            name='status',
            field=models.CharField(choices=[('invited', 'Invited'), ('pending', 'Awaiting approval'), ('approved', 'Approved'), ('waitlisted', 'On the waiting list'), ('rejected', 'Not approved'), ('withdrawn', 'Withdrawn'), ('declined', 'Declined'), ('lapsed', 'Invitation lapsed')], max_length=20),
        ),
        migrations.RunPython(rank_the_waiting_lists, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name='registration',
            index=models.Index(fields=['status', 'accept_by'], name='colloquium_invitation_due'),
        ),
        migrations.AddConstraint(
            model_name='registration',
            constraint=models.CheckConstraint(condition=models.Q(('user__isnull', False), ('status__in', ['invited', 'declined', 'lapsed']), _connector='OR'), name='colloquium_account_unless_invited'),
        ),
        migrations.AddConstraint(
            model_name='registration',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'waitlisted'), ('waitlist_rank__isnull', False)), models.Q(models.Q(('status', 'waitlisted'), _negated=True), ('waitlist_rank__isnull', True)), _connector='OR'), name='colloquium_waitlist_rank_while_waiting'),
        ),
        migrations.AddConstraint(
            model_name='registration',
            constraint=models.CheckConstraint(condition=models.Q(('holds_place', False), ('status', 'invited'), _connector='OR'), name='colloquium_only_invitations_hold_places'),
        ),
    ]
