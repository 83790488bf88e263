import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import checkin.models
import resources.storage


class Migration(migrations.Migration):
    dependencies = [
        ("checkin", "0002_tickets_for_approved_registrations"),
        ("colloquia", "0006_registrar_lists"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="BadgeSheet",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("category", models.CharField(blank=True, help_text="Empty: every category.", max_length=30)),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("queued", "Waiting to be prepared"),
                            ("running", "Being prepared"),
                            ("ready", "Ready"),
                            ("failed", "Could not be prepared"),
                        ],
                        default="queued",
                        max_length=10,
                    ),
                ),
                ("badges", models.PositiveIntegerField(default=0)),
                (
                    "file",
                    models.FileField(
                        blank=True,
                        max_length=200,
                        storage=resources.storage.private_storage,
                        upload_to=checkin.models.badge_sheet_name,
                    ),
                ),
                ("requested_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("finished_at", models.DateTimeField(blank=True, null=True)),
                ("error", models.TextField(blank=True)),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="colloquia.colloquiumpage"
                    ),
                ),
                (
                    "requested_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("page", "category"), name="checkin_one_badge_sheet_per_set")
                ],
            },
        ),
    ]
