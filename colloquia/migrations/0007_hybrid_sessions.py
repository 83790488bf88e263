"""Hybrid sessions: a session's mode (in person, online or both) and its meeting link (https only,
shown to approved participants), the event's online-attendance threshold, and attendance
recorded from an online meeting's report."""

import django.core.validators
from django.db import migrations, models

import colloquia.records


class Migration(migrations.Migration):

    dependencies = [
        ('colloquia', '0006_registrar_lists'),
    ]

    operations = [
        migrations.AddField(
            model_name='agendasession',
            name='meeting_link',
            field=models.URLField(blank=True, help_text='For an online or hybrid session: the https:// address of the meeting (Zoom, Teams, Meet...). Only approved participants see it.', max_length=500, validators=[colloquia.records.validate_meeting_link]),
        ),
        migrations.AddField(
            model_name='agendasession',
            name='mode',
            field=models.CharField(choices=[('in_person', 'In person'), ('online', 'Online'), ('hybrid', 'In person and online')], default='in_person', max_length=10),
        ),
        migrations.AddField(
            model_name='colloquiumpage',
            name='online_attendance_threshold',
            field=models.PositiveSmallIntegerField(default=75, help_text="An online participant counts as present at a session when the meeting's attendance report shows them in it for at least this share of the session's length.", validators=[django.core.validators.MinValueValidator(1, 'The threshold is at least 1%.'), django.core.validators.MaxValueValidator(100, 'The threshold is at most 100%.')], verbose_name='online attendance threshold (%)'),
        ),
        migrations.AlterField(
            model_name='attendance',
            name='method',
            field=models.CharField(choices=[('registrar', 'Marked by the registrar'), ('qr', 'QR self check-in'), ('paper', 'Entered from the paper sheet'), ('online', "From the online meeting's report")], max_length=10),
        ),
        migrations.AddConstraint(
            model_name='agendasession',
            constraint=models.CheckConstraint(condition=models.Q(('meeting_link', ''), ('meeting_link__startswith', 'https://'), _connector='OR'), name='colloquium_meeting_link_https'),
        ),
        migrations.AddConstraint(
            model_name='agendasession',
            constraint=models.CheckConstraint(condition=models.Q(('meeting_link', ''), ('mode__in', ['online', 'hybrid']), _connector='OR'), name='colloquium_meeting_link_online_only'),
        ),
        migrations.AddConstraint(
            model_name='colloquiumpage',
            constraint=models.CheckConstraint(condition=models.Q(('online_attendance_threshold__gte', 1), ('online_attendance_threshold__lte', 100)), name='colloquium_online_threshold_percent'),
        ),
    ]
