import django.db.models.deletion
from django.db import migrations, models

import offline_copies.models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="OfflineCopy",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("lesson_pdf", "Lesson (PDF)"),
                            ("module_pdf", "Whole module (PDF)"),
                            ("module_epub", "Whole module (EPUB)"),
                        ],
                        max_length=16,
                    ),
                ),
                ("source_key", models.CharField(max_length=64)),
                (
                    "file",
                    models.FileField(blank=True, max_length=255, upload_to=offline_copies.models.storage_name),
                ),
                ("filename", models.CharField(blank=True, max_length=200, verbose_name="download name")),
                ("size", models.PositiveIntegerField(default=0)),
                ("render_ms", models.PositiveIntegerField(default=0, verbose_name="render time (ms)")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("rendered_at", models.DateTimeField(blank=True, null=True)),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="wagtailcore.page"
                    ),
                ),
                (
                    "revision",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("page", "kind", "source_key"), name="offline_copies_one_per_source"
                    )
                ],
            },
        ),
    ]
