"""A Dutch starter set of synonyms and the PC4 centres of the demo municipalities.

The data lives in ``search/starter.py``. Pact admins edit the synonyms afterwards in
the Wagtail admin (Zoeken > Synoniemen); load a full postcode table with
``manage.py search_load_postcodes``.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from search import starter

    apps.get_model("pactsearch", "IndexState").objects.get_or_create(pk=1)
    starter.load(
        apps.get_model("pactsearch", "SynonymGroup"),
        apps.get_model("pactsearch", "PostcodeArea"),
    )


def backwards(apps, schema_editor):
    from search import starter

    SynonymGroup = apps.get_model("pactsearch", "SynonymGroup")
    SynonymGroup.objects.filter(terms__in=[t for t, _n in starter.STARTER_SYNONYMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("pactsearch", "0002_full_text")]

    operations = [migrations.RunPython(forwards, backwards)]
