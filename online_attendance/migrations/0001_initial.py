import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('colloquia', '0007_hybrid_sessions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AttendanceImport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('file_name', models.CharField(max_length=100)),
                ('layout', models.CharField(blank=True, max_length=10)),
                ('status', models.CharField(choices=[('mapping', 'Columns to choose'), ('preview', 'Awaiting confirmation'), ('confirmed', 'Attendance recorded'), ('discarded', 'Discarded')], default='mapping', max_length=10)),
                ('table', models.JSONField(default=dict, editable=False)),
                ('manual_matches', models.JSONField(blank=True, default=dict)),
                ('uploaded_at', models.DateTimeField(default=django.utils.timezone.now)),
                ('decided_at', models.DateTimeField(blank=True, null=True)),
                ('rows_read', models.PositiveIntegerField(default=0)),
                ('people_matched', models.PositiveIntegerField(default=0)),
                ('people_unmatched', models.PositiveIntegerField(default=0)),
                ('marked_present', models.PositiveIntegerField(default=0)),
                ('below_threshold', models.PositiveIntegerField(default=0)),
                ('threshold', models.PositiveSmallIntegerField(blank=True, help_text="The event's threshold (%) applied.", null=True)),
                ('outcome', models.JSONField(blank=True, default=list, editable=False)),
                ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='colloquia.colloquiumpage')),
                ('session', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='colloquia.agendasession')),
                ('uploaded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-uploaded_at', '-pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(('status__in', ['mapping', 'preview']), ('decided_at__isnull', False), _connector='OR'), name='online_import_decided_when_closed')],
            },
        ),
    ]
