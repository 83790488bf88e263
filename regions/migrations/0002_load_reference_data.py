from django.db import migrations


def load(apps, schema_editor):
    from regions.services import load_reference_data

    load_reference_data(apps.get_model("regions", "State"), apps.get_model("regions", "HighCourt"))


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
