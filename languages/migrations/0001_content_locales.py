"""A Wagtail Locale for each content language, so pages can be translated into it.

Wagtail made one locale from LANGUAGE_CODE when it was first migrated ("en-in" before Hindi was
added); it becomes the default language's, and each further language gets its own. A language
added to settings later gets its locale from Wagtail's admin (Settings → Locales) or by
running this migration's function again (docs/languages.md).
"""

from django.conf import settings
from django.db import migrations


def add_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    default = settings.LANGUAGE_CODE
    for locale in Locale.objects.exclude(language_code__in=codes):
        base = locale.language_code.split("-")[0]
        if base == default and not Locale.objects.filter(language_code=default).exists():
            locale.language_code = default
            locale.save(update_fields=["language_code"])
    for code in codes:
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
