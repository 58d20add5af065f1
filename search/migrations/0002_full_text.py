"""The full-text part of the embedded index, which differs per database.

PostgreSQL: a ``tsvector`` column on the document table with a GIN index.
SQLite: an FTS5 virtual table whose rowid is the document's id.
Other databases are not supported by the embedded search backend.
"""

from django.db import migrations

FIELDS = "title, keywords, summary, meta, body"


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE pactsearch_indexeddocument ADD COLUMN search_vector tsvector"
        )
        schema_editor.execute(
            "CREATE INDEX pactsearch_document_vector ON pactsearch_indexeddocument "
            "USING GIN (search_vector)"
        )
    elif vendor == "sqlite":
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE pactsearch_fts USING fts5({FIELDS}, "
            "tokenize = 'unicode61', prefix = '2 3')"
        )


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS pactsearch_document_vector")
        schema_editor.execute(
            "ALTER TABLE pactsearch_indexeddocument DROP COLUMN IF EXISTS search_vector"
        )
    elif vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS pactsearch_fts")


class Migration(migrations.Migration):
    dependencies = [("pactsearch", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
