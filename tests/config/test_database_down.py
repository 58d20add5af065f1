"""PostgreSQL down: a clear 503 page, never a traceback (issue 9, decision 0071).

The production server runs against a database of its own; then the database stops
taking connections (``ALLOW_CONNECTIONS false`` and its sessions ended), as when
PostgreSQL goes away under a running platform."""

from __future__ import annotations

import os

from django.db import connection

import pytest

from tests.config.serving_support import production_server

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _admin():
    import psycopg

    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        dbname="postgres",
        autocommit=True,
    )


@pytest.fixture
def own_database():
    settings = connection.settings_dict
    name = f"{settings['NAME']}_down_{os.getpid()}"
    with _admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{name}"
    )
    try:
        yield name, url
    finally:
        with _admin() as admin:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _stop_taking_connections(name: str) -> None:
    with _admin() as admin:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
            [name],
        )


class DatabaseDownTests:
    def test_pages_answer_503_in_plain_dutch_and_healthz_says_down(self, own_database):
        import requests

        name, url = own_database
        with production_server(DATABASE_URL=url) as base:
            assert requests.get(f"{base}/healthz", timeout=30).status_code == 200
            _stop_taking_connections(name)
            page = requests.get(f"{base}/hulp/", timeout=30)
            health = requests.get(f"{base}/healthz", timeout=30)
        assert page.status_code == 503
        assert page.headers["Retry-After"] == "30"
        assert "no-store" in page.headers["Cache-Control"]
        assert "De website is even niet beschikbaar" in page.text
        assert "Traceback" not in page.text
        assert "psycopg" not in page.text.lower()
        assert health.status_code == 503
        assert health.json()["status"] == "down"
        assert health.json()["components"]["database"] == "down"
