# Written for Django 5.2: the academies' contacts and nodal officers, and events' co-organisers.

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('academies', '0002_platform_administrators'),
        ('colloquia', '0006_registrar_lists'),
        ('regions', '0002_load_reference_data'),
    ]

    operations = [
        migrations.CreateModel(
            name='Contact',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('academy', 'Academy contact'), ('nodal_officer', 'Anti-human-trafficking nodal officer')], default='academy', max_length=20)),
                ('name', models.CharField(max_length=150)),
                ('designation', models.CharField(max_length=160)),
                ('office', models.CharField(blank=True, max_length=200)),
                ('phone', models.CharField(blank=True, max_length=40)),
                ('email', models.EmailField(blank=True, max_length=254)),
                ('sort_order', models.PositiveSmallIntegerField(default=0, help_text='Lower numbers are listed first.')),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('academy', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='interstate_contacts', to='academies.academy')),
                ('state', models.ForeignKey(blank=True, help_text='For a nodal officer: the State/UT whose nodal officer this is (one the academy serves).', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='regions.state', verbose_name='State/UT')),
            ],
            options={
                'ordering': ['academy', 'kind', 'state__name', 'sort_order', 'name'],
                'constraints': [models.CheckConstraint(condition=models.Q(('kind', 'nodal_officer'), _negated=True) | models.Q(('state__isnull', False)), name='interstate_nodal_officer_has_state')],
            },
        ),
        migrations.CreateModel(
            name='CoOrganiser',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('academy', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='co_organised_events', to='academies.academy')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='co_organisers', to='colloquia.colloquiumpage')),
            ],
            options={
                'verbose_name': 'co-organising academy',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
    ]
