"""The database role split on PostgreSQL (decision 0062).

Two login roles per database:

* the **owner** owns the database, the schema and every table, sequence and function:
  it runs ``manage.py migrate`` and nothing else;
* the **application** role is what the running platform connects as: it reads and
  writes rows, but owns nothing. So it cannot ``ALTER`` or ``DROP`` tables, cannot
  ``DISABLE TRIGGER`` (only an owner can) and cannot ``TRUNCATE`` (never granted). On
  the access log it may only ``SELECT`` and ``INSERT``; on the case timeline it may
  also ``DELETE``, which the table's trigger allows only for closed cases (the purge).

``setup_statements`` creates the roles (when missing) and hands the database to the
owner; ``grant_statements`` gives the application role its rights on what the owner's
migrations created (run it after every ``migrate``; both are idempotent).
``verify(cursor)`` runs as the application role and lists every forbidden statement
that did not fail (an empty list is the proof ``.ci/run`` asks for).
"""

from __future__ import annotations

from collections.abc import Iterable

from psycopg import sql

# Tables whose rows the application may only add (and read).
INSERT_ONLY = ("casusregie_accesslogentry",)
# Tables whose rows the application may add and delete, never change; the delete is
# further limited by a trigger (the timeline goes only with a purged, closed case).
NO_UPDATE = ("casusregie_caseevent",)
LOG_TABLES = INSERT_ONLY + NO_UPDATE


def _id(name: str) -> sql.Identifier:
    return sql.Identifier(name)


def setup_statements(
    *,
    database: str,
    owner: str,
    app: str,
    owner_password: str | None,
    app_password: str | None,
) -> list[sql.Composable]:
    """Create both roles (or reset their passwords) and give the owner the database and
    its ``public`` schema. Needs a superuser (or a role with CREATEROLE that owns the
    database)."""
    statements: list[sql.Composable] = []
    for role, password in ((owner, owner_password), (app, app_password)):
        statements.append(
            sql.SQL(
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {name})"
                " THEN CREATE ROLE {role} LOGIN; END IF; END $$"
            ).format(name=sql.Literal(role), role=_id(role))
        )
        statements.append(
            sql.SQL(
                "ALTER ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                "NOREPLICATION NOBYPASSRLS"
            ).format(role=_id(role))
        )
        if password:
            statements.append(
                sql.SQL("ALTER ROLE {role} PASSWORD {password}").format(
                    role=_id(role), password=sql.Literal(password)
                )
            )
    statements += [
        sql.SQL("ALTER DATABASE {db} OWNER TO {owner}").format(
            db=_id(database), owner=_id(owner)
        ),
        sql.SQL("ALTER SCHEMA public OWNER TO {owner}").format(owner=_id(owner)),
        sql.SQL("REVOKE ALL ON DATABASE {db} FROM PUBLIC").format(db=_id(database)),
        sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {db} TO {app}").format(
            db=_id(database), app=_id(app)
        ),
        sql.SQL("REVOKE CREATE ON SCHEMA public FROM PUBLIC"),
        sql.SQL("GRANT USAGE ON SCHEMA public TO {app}").format(app=_id(app)),
    ]
    return statements


def reassign_statements(
    *, owner: str, tables: Iterable[str], sequences: Iterable[str], functions
) -> list[sql.Composable]:
    """Hand tables, sequences and functions made by someone else (a superuser's
    earlier ``migrate``) to the owner."""
    statements: list[sql.Composable] = [
        sql.SQL("ALTER TABLE {table} OWNER TO {owner}").format(
            table=_id(table), owner=_id(owner)
        )
        for table in tables
    ]
    statements += [
        sql.SQL("ALTER SEQUENCE {sequence} OWNER TO {owner}").format(
            sequence=_id(sequence), owner=_id(owner)
        )
        for sequence in sequences
    ]
    statements += [
        sql.SQL("ALTER FUNCTION {function}({arguments}) OWNER TO {owner}").format(
            function=_id(name), arguments=sql.SQL(arguments), owner=_id(owner)
        )
        for name, arguments in functions
    ]
    return statements


def grant_statements(*, owner: str, app: str, tables: Iterable[str]) -> list:
    """The application role's rights: rows, not structure. Idempotent."""
    tables = list(tables)
    statements: list[sql.Composable] = [
        sql.SQL("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {app}").format(
            app=_id(app)
        ),
        sql.SQL(
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {app}"
        ).format(app=_id(app)),
        sql.SQL(
            "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {app}"
        ).format(app=_id(app)),
        sql.SQL("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {app}").format(
            app=_id(app)
        ),
        # What the owner's next migrations create, the application may use at once;
        # the log tables already exist, so their limits below stay.
        sql.SQL(
            "ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
            "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {app}"
        ).format(owner=_id(owner), app=_id(app)),
        sql.SQL(
            "ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA public "
            "GRANT USAGE, SELECT ON SEQUENCES TO {app}"
        ).format(owner=_id(owner), app=_id(app)),
    ]
    for table in INSERT_ONLY:
        if table in tables:
            statements.append(
                sql.SQL("REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {app}").format(
                    table=_id(table), app=_id(app)
                )
            )
    for table in NO_UPDATE:
        if table in tables:
            statements.append(
                sql.SQL("REVOKE UPDATE, TRUNCATE ON {table} FROM {app}").format(
                    table=_id(table), app=_id(app)
                )
            )
    return statements


# Statements the application role must NOT be able to run (each in its own savepoint).
FORBIDDEN = [
    "TRUNCATE casusregie_accesslogentry",
    "UPDATE casusregie_accesslogentry SET actor_label = 'x'",
    "DELETE FROM casusregie_accesslogentry",
    "TRUNCATE casusregie_caseevent",
    "UPDATE casusregie_caseevent SET summary = 'x'",
    "ALTER TABLE casusregie_accesslogentry DISABLE TRIGGER ALL",
    "ALTER TABLE casusregie_caseevent DISABLE TRIGGER ALL",
    "DROP TRIGGER casusregie_access_log_append_only ON casusregie_accesslogentry",
    "SET session_replication_role = replica",
    "DROP TABLE casusregie_accesslogentry",
    "ALTER TABLE casusregie_case ADD COLUMN sneaky integer",
    "CREATE TABLE sneaky (id integer)",
]
# Statements it must be able to run.
ALLOWED = [
    "SELECT count(*) FROM casusregie_accesslogentry",
    "INSERT INTO casusregie_accesslogentry (at, actor_label, organisation_label, "
    "role_label, action, channel, is_break_glass, reason_code, object_type, detail) "
    "VALUES (now(), 'db_roles check', '', '', 'case.list', 'system', false, '', '', "
    "'{}')",
    "SELECT count(*) FROM casusregie_case",
    "UPDATE django_session SET expire_date = expire_date WHERE false",
    "DELETE FROM django_session WHERE false",
]


def verify(cursor) -> list[str]:
    """Run as the application role, inside a transaction the caller rolls back.
    Returns the problems: forbidden statements that passed, allowed ones that failed."""
    problems = []
    for number, statement in enumerate(FORBIDDEN + ALLOWED):
        should_pass = statement in ALLOWED
        cursor.execute(f"SAVEPOINT check_{number}")
        try:
            cursor.execute(statement)
        except Exception as error:  # psycopg raises one class per SQLSTATE
            cursor.execute(f"ROLLBACK TO SAVEPOINT check_{number}")
            if should_pass:
                problems.append(f"refused but needed: {statement} ({error})")
        else:
            cursor.execute(f"RELEASE SAVEPOINT check_{number}")
            if not should_pass:
                problems.append(f"allowed but must be refused: {statement}")
    return problems
