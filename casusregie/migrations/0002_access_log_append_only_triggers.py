"""The access log is append-only in the database too (NEN 7513-style logging).

Triggers refuse UPDATE and DELETE of ``casusregie_accesslogentry`` rows, on PostgreSQL
and SQLite, whatever code path tries (ORM, raw SQL, admin). TRUNCATE is a table owner's
privilege, not the application's: revoke it from the application role in production (see
docs/casusregie.md). Test code that must empty the table drops the triggers first.
"""

from django.db import migrations

TABLE = "casusregie_accesslogentry"

POSTGRES_CREATE = f"""
CREATE OR REPLACE FUNCTION casusregie_access_log_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING
        MESSAGE = 'casusregie access log is append-only (' || TG_OP || ' refused)',
        ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS casusregie_access_log_append_only ON {TABLE};
CREATE TRIGGER casusregie_access_log_append_only
    BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION casusregie_access_log_refuse_change();
"""

POSTGRES_DROP = f"""
DROP TRIGGER IF EXISTS casusregie_access_log_append_only ON {TABLE};
DROP FUNCTION IF EXISTS casusregie_access_log_refuse_change();
"""

SQLITE_CREATE = [
    f"""CREATE TRIGGER IF NOT EXISTS casusregie_access_log_no_update
        BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'casusregie access log is append-only (UPDATE refused)'); END;""",
    f"""CREATE TRIGGER IF NOT EXISTS casusregie_access_log_no_delete
        BEFORE DELETE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'casusregie access log is append-only (DELETE refused)'); END;""",
]

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS casusregie_access_log_no_update;",
    "DROP TRIGGER IF EXISTS casusregie_access_log_no_delete;",
]


def create_triggers(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE)
    elif connection.vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement)


def drop_triggers(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_DROP)
    elif connection.vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("casusregie", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, drop_triggers, elidable=False)]
