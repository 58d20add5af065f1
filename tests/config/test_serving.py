"""Production serving (issue 9, decision 0070): database connections are bounded by
construction. N concurrent requests through the production server never hold more than
(workers x pool size) connections, counted by PostgreSQL itself."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connection

import pytest

from tests.config.serving_support import production_server

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.transactional,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_site"),
]

WORKERS = 2
THREADS = 8  # more threads than pooled connections: requests wait, never open more
POOL_MAX = 3
CONCURRENT = 24


APPLICATION = "armoedepact-bound-test"


def _connections_to(database: str) -> int:
    """Connections the server processes hold (libpq's PGAPPNAME names them)."""
    import psycopg

    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        dbname="postgres",
        autocommit=True,
    ) as admin:
        row = admin.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = %s AND application_name = %s",
            [database, APPLICATION],
        ).fetchone()
    return row[0]


class ConnectionBoundTests:
    def test_concurrent_requests_never_hold_more_than_workers_times_pool(self):
        import requests

        database = connection.settings_dict["NAME"]
        with production_server(
            PACT_WEB_WORKERS=str(WORKERS),
            PACT_WEB_THREADS=str(THREADS),
            PACT_DB_POOL_MAX=str(POOL_MAX),
            PGAPPNAME=APPLICATION,
        ) as base:
            samples: list[int] = []
            done = threading.Event()

            def sample() -> None:
                while not done.is_set():
                    samples.append(_connections_to(database))

            def visit(number: int) -> list[int]:
                session = requests.Session()
                paths = ["/healthz", "/", "/healthz"]
                return [
                    session.get(
                        f"{base}{paths[(number + i) % 3]}", timeout=30
                    ).status_code
                    for i in range(4)
                ]

            sampler = threading.Thread(target=sample)
            sampler.start()
            try:
                with ThreadPoolExecutor(CONCURRENT) as pool:
                    statuses = [
                        s for batch in pool.map(visit, range(CONCURRENT)) for s in batch
                    ]
            finally:
                done.set()
                sampler.join()
        assert set(statuses) == {200}, sorted(set(statuses))
        assert len(samples) > 5
        assert max(samples) <= WORKERS * POOL_MAX, max(samples)
        assert max(samples) >= 2  # the pool was really in use
