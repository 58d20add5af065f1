"""``manage.py db_roles``: the PostgreSQL role split (decision 0062, docs/deployment.md).

    # 1. as a superuser, on the (empty or existing) database:
    DATABASE_URL=postgres://postgres@host/armoedepact manage.py db_roles setup \
        --owner armoedepact_owner --app armoedepact_app
    # 2. migrations run as the owner:
    DATABASE_URL=postgres://armoedepact_owner:...@host/armoedepact manage.py migrate
    # 3. the application's rights on what the migrations made (after every migrate):
    DATABASE_URL=postgres://armoedepact_owner:...@host/armoedepact manage.py db_roles \
        grant --owner armoedepact_owner --app armoedepact_app
    # 4. proof, as the application role (exit 1 when it can bend the audit trail):
    DATABASE_URL=postgres://armoedepact_app:...@host/armoedepact manage.py db_roles verify

``setup`` also hands tables a superuser created earlier to the owner. Passwords come
from ``PACT_DB_OWNER_PASSWORD`` and ``PACT_DB_APP_PASSWORD`` (never on the command
line); without them the roles keep theirs. ``--print`` shows the SQL without running it.
"""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from config import dbroles


class Command(BaseCommand):
    help = "Split PostgreSQL roles: an owner for migrations, an application role."

    def add_arguments(self, parser):
        parser.add_argument("step", choices=["setup", "grant", "verify"])
        parser.add_argument("--owner", default="armoedepact_owner")
        parser.add_argument("--app", default="armoedepact_app")
        parser.add_argument(
            "--print", action="store_true", help="Show the SQL, change nothing."
        )

    def handle(self, *args, step, owner, app, print=False, **options):  # noqa: A002
        if connection.vendor != "postgresql":
            raise CommandError(
                "db_roles is for PostgreSQL (DATABASE_URL=postgres://...)."
            )
        if step == "verify":
            return self.verify()
        with connection.cursor() as cursor:
            statements = (
                self.setup(cursor, owner, app) if step == "setup" else []
            ) + dbroles.grant_statements(
                owner=owner, app=app, tables=self.tables(cursor)
            )
            raw = cursor.connection
            rendered = [statement.as_string(raw) for statement in statements]
            if print:
                for line in rendered:
                    self.stdout.write(line + ";")
                return
            with transaction.atomic():
                for line in rendered:
                    cursor.execute(line)
        self.stdout.write(
            self.style.SUCCESS(
                f"db_roles {step}: {len(rendered)} statements; owner {owner}, "
                f"application {app}."
            )
        )

    def tables(self, cursor) -> list[str]:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        )
        return [row[0] for row in cursor.fetchall()]

    def setup(self, cursor, owner: str, app: str) -> list:
        cursor.execute(
            "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'"
        )
        sequences = [row[0] for row in cursor.fetchall()]
        cursor.execute(
            "SELECT p.proname, pg_get_function_identity_arguments(p.oid) "
            "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public'"
        )
        functions = cursor.fetchall()
        return dbroles.setup_statements(
            database=connection.settings_dict["NAME"],
            owner=owner,
            app=app,
            owner_password=os.environ.get("PACT_DB_OWNER_PASSWORD"),
            app_password=os.environ.get("PACT_DB_APP_PASSWORD"),
        ) + dbroles.reassign_statements(
            owner=owner,
            tables=self.tables(cursor),
            sequences=sequences,
            functions=functions,
        )

    def verify(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_user")
            (role,) = cursor.fetchone()
            cursor.execute("BEGIN")
            try:
                problems = dbroles.verify(cursor)
            finally:
                cursor.execute("ROLLBACK")
        for problem in problems:
            self.stderr.write(problem)
        if problems:
            raise CommandError(
                f"The role {role} can bend the audit trail: {len(problems)} problem(s)."
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"db_roles verify: {role} cannot truncate, change, alter or untrigger "
                f"the log tables ({len(dbroles.FORBIDDEN)} statements refused), and "
                f"can do its work ({len(dbroles.ALLOWED)} statements)."
            )
        )
