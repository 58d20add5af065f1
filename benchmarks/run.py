"""``make bench``: run every scenario on SQLite and on PostgreSQL (when reachable).

Prints one JSON object per scenario on its own line to standard output; progress goes
to standard error. Scenarios are the modules in ``benchmarks/scenarios/`` (each has
``run(ctx)``), run in name order.

    python -m benchmarks.run                    # both databases, all scenarios
    python -m benchmarks.run --database sqlite --only foundation
    python -m benchmarks.run --quick            # a tenth of the requests (smoke run)
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import subprocess
import sys
import time


def postgres_reachable() -> bool:
    try:
        import psycopg

        psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", connect_timeout=3
        ).close()
        return True
    except Exception:
        return False


def scenario_modules(only: list[str]) -> list[str]:
    import benchmarks.scenarios as package

    names = sorted(info.name for info in pkgutil.iter_modules(package.__path__))
    return [name for name in names if not only or name in only]


def run_one_database(database: str, only: list[str], quick: bool) -> None:
    os.environ["PACT_BENCH_DATABASE"] = database
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from benchmarks.harness import Context

    started = time.monotonic()
    sys.stderr.write(f"[{database}] preparing database ...\n")
    if database == "postgres":
        _recreate_postgres_database(connection.settings_dict["NAME"])
    else:
        _remove_sqlite_file(connection.settings_dict["NAME"])
    call_command("migrate", verbosity=0, interactive=False)
    from io import StringIO

    call_command("seed_demo", force=True, stdout=StringIO())
    sys.stderr.write(
        f"[{database}] demo data ready in {time.monotonic() - started:.0f} s\n"
    )
    context = Context(
        database="postgresql" if database == "postgres" else "sqlite", quick=quick
    )
    try:
        for name in scenario_modules(only):
            sys.stderr.write(f"[{database}] scenario module {name}\n")
            module = importlib.import_module(f"benchmarks.scenarios.{name}")
            module.run(context)
    finally:
        if not os.environ.get("PACT_BENCH_KEEP"):
            name = connection.settings_dict["NAME"]
            connection.close()
            if database == "postgres":
                _drop_postgres_database(name)
            else:
                _remove_sqlite_file(name)


def _remove_sqlite_file(path) -> None:
    from pathlib import Path

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _drop_postgres_database(name: str) -> None:
    import psycopg

    with psycopg.connect(
        "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _isolate_run() -> None:
    """Give this run databases of its own, so that two runs at once (two people, or CI
    and a person) never drop each other's data. PACT_SQLITE_PATH and
    PACT_BENCH_DATABASE_URL still choose them; PACT_BENCH_KEEP=1 keeps them afterwards."""
    tag = os.getpid()
    os.environ.setdefault("PACT_SQLITE_PATH", f"var/bench/bench-{tag}.sqlite3")
    os.environ.setdefault(
        "PACT_BENCH_DATABASE_URL",
        f"postgres://postgres@127.0.0.1:5432/armoedepact_bench_{tag}",
    )
    # Cache and channel keys of this run only (the servers it starts inherit them).
    os.environ.setdefault("PACT_CACHE_PREFIX", f"bench-{tag}")
    os.environ.setdefault("PACT_CHANNEL_PREFIX", f"bench-{tag}")


def _recreate_postgres_database(name: str) -> None:
    import psycopg

    with psycopg.connect(
        "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database", choices=["sqlite", "postgres", "both"], default="both"
    )
    parser.add_argument("--only", nargs="*", default=[], help="scenario module names")
    parser.add_argument("--quick", action="store_true", help="a tenth of the requests")
    args = parser.parse_args()
    _isolate_run()
    if args.database != "both":
        run_one_database(args.database, args.only, args.quick)
        return
    databases = ["sqlite"] + (["postgres"] if postgres_reachable() else [])
    if "postgres" not in databases:
        sys.stderr.write(
            "PostgreSQL at 127.0.0.1:5432 is not reachable: SQLite only.\n"
        )
    for database in databases:
        command = [sys.executable, "-m", "benchmarks.run", "--database", database]
        command += ["--only", *args.only] if args.only else []
        command += ["--quick"] if args.quick else []
        subprocess.run(command, check=True)  # noqa: S603


if __name__ == "__main__":
    main()
