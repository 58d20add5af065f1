"""Start-up guard: a wrong setting stops the platform with one clear sentence.

``manage.py`` and ``config.asgi`` call ``run_guarded``. A ``ConfigurationError`` from the
settings (an unparsable ``DATABASE_URL``, a bad number) or a database that cannot be
reached prints one sentence to standard error and exits with status 2, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

import django
from django.conf import settings
from django.db import connection as default_connection
from django.db.utils import OperationalError

import psycopg

from config.env import ConfigurationError, redact_url

# Commands that do not need the database to be reachable.
NO_DATABASE_COMMANDS = {
    "help",
    "version",
    "check",
    "makemigrations",
    "makemessages",
    "compilemessages",
    "collectstatic",
    "shell",
    "diffsettings",
    "demo_personas",
}


def fail(message: str) -> None:
    sys.stderr.write(f"Armoedepact cannot start: {message}\n")
    sys.exit(2)


def load_settings() -> None:
    """Import the settings now, turning a ConfigurationError into one sentence."""
    try:
        settings.INSTALLED_APPS  # noqa: B018  (forces the settings module to load)
    except ConfigurationError as error:
        fail(str(error))


def check_database(connection=None, database_url: str | None = None) -> None:
    """Connect once; an unreachable database becomes one sentence.

    ``connection`` defaults to Django's default connection and ``database_url`` to the
    setting (the tests pass their own to check other configurations in-process).
    """
    if connection is None:
        connection = default_connection
    if database_url is None:
        database_url = settings.DATABASE_URL
    try:
        _probe_pooled_postgres(connection)
        connection.ensure_connection()
    except OperationalError as error:
        config = connection.settings_dict
        if config["ENGINE"].endswith("sqlite3"):
            where = f"SQLite file {config['NAME']}"
        else:
            where = (
                redact_url(database_url) or f"{config.get('HOST')}:{config.get('PORT')}"
            )
        reason = (
            str(error).strip().splitlines()[0] if str(error).strip() else "no answer"
        )
        fail(f"the database at {where} cannot be reached ({reason}).")


def _probe_pooled_postgres(connection) -> None:
    """With the connection pool (config/settings.py) a refused connection would only
    show as "couldn't get a connection after 10 s" once the pool gives up; one direct
    connection first gives the real reason at once."""
    if connection.vendor != "postgresql":
        return
    if not connection.settings_dict.get("OPTIONS", {}).get("pool"):
        return
    params = {
        key: value
        for key, value in connection.get_connection_params().items()
        if key not in {"cursor_factory", "context"}
    }
    try:
        psycopg.connect(**params, connect_timeout=5).close()
    except psycopg.OperationalError as error:
        raise OperationalError(str(error)) from None


def run_guarded(main: Callable[[], None], argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    load_settings()
    command = argv[1] if len(argv) > 1 else "help"
    if command not in NO_DATABASE_COMMANDS and not command.startswith("-"):
        django.setup()
        check_database()
    main()
