"""Quiz review options: `review_answers` (after each attempt / only after passing or using the last
attempt / never) replaces the `show_feedback` tick box, and `quiz_after_lessons` opens the quiz only
once the required lessons are done.

A module that hid feedback keeps hiding it ("never"); one that showed it moves to the new default,
"only after passing or using the last attempt", so the answers of a failed attempt no longer help
with the next one. Saved revisions (drafts) are updated the same way, so publishing an older draft
does not bring back the default.
"""

from django.db import migrations, models


def review_from_feedback(show_feedback):
    return "when_finished" if show_feedback in (True, None) else "never"


def carry_over(apps, schema_editor):
    CoursePage = apps.get_model("courses", "CoursePage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    CoursePage.objects.filter(show_feedback=False).update(review_answers="never")
    content_type = ContentType.objects.filter(app_label="courses", model="coursepage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        content = revision.content
        content["review_answers"] = review_from_feedback(content.pop("show_feedback", None))
        content.setdefault("quiz_after_lessons", False)
        Revision.objects.filter(pk=revision.pk).update(content=content)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_staff_group_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="coursepage",
            name="review_answers",
            field=models.CharField(
                choices=[
                    ("each_attempt", "After each attempt"),
                    ("when_finished", "Only after passing or using the last attempt"),
                    ("never", "Never"),
                ],
                default="when_finished",
                help_text="Learners always see their score and their own answers. Until this allows, they do not "
                "see which answers were right, the feedback or the legal basis.",
                max_length=16,
                verbose_name="show right answers and explanations",
            ),
        ),
        migrations.AddField(
            model_name="coursepage",
            name="quiz_after_lessons",
            field=models.BooleanField(
                default=False,
                help_text="Learners who have not completed every required lesson are told which ones remain.",
                verbose_name="quiz opens only when the required lessons are done",
            ),
        ),
        migrations.RunPython(carry_over, migrations.RunPython.noop),
        migrations.RemoveField(model_name="coursepage", name="show_feedback"),
    ]
