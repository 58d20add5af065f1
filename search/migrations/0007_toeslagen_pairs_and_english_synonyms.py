"""Each toeslag tied to "toeslagen" only, and English words residents type (decision
0080). The data lives in ``search/starter.py``; loading it again is idempotent and
leaves groups that pact admins changed alone."""

from django.db import migrations


def forwards(apps, schema_editor):
    from search import starter

    starter.load(
        apps.get_model("pactsearch", "SynonymGroup"),
        apps.get_model("pactsearch", "PostcodeArea"),
    )


class Migration(migrations.Migration):
    dependencies = [("pactsearch", "0006_stored_filter_sets")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
