"""Live events across processes: two daphne servers share PostgreSQL and Redis. A
receiver connected to server 1 sees a proposal made through the API of server 2.

Runs where PostgreSQL (shared by both processes) and Redis (REDIS_URL) are available;
reports itself skipped elsewhere."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client

import pytest

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.transactional,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_site", "access_log_flushable"),
]

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
        "REDIS_URL": settings.REDIS_URL,
        "PACT_SKIP_DOTENV": "1",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "daphne",
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            "config.asgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_until_up(port: int, process: subprocess.Popen) -> None:
    import requests

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stderr.read().decode()[-2000:])
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5).ok:
                return
        except requests.RequestException:  # not listening yet, or slow to start
            time.sleep(0.5)
    raise AssertionError(f"daphne on port {port} did not start")


@pytest.fixture
def two_servers():
    if not settings.REDIS_URL:
        pytest.skip("needs Redis (run with REDIS_URL=redis://...)")
    ports = [free_port(), free_port()]
    processes = [start_server(port) for port in ports]
    try:
        for port, process in zip(ports, processes, strict=True):
            wait_until_up(port, process)
        yield ports
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)


def session_for(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


class CrossProcessTests:
    def test_proposal_through_server_two_reaches_a_receiver_on_server_one(
        self, two_servers, case_a, consent_b, cast
    ):
        import requests
        from websockets.sync.client import connect

        one, two = two_servers
        receiver = session_for(cast.worker_b)
        with connect(
            f"ws://127.0.0.1:{one}/ws/casusregie/",
            additional_headers={
                "Cookie": f"sessionid={receiver}",
                "Origin": f"http://127.0.0.1:{one}",
            },
            open_timeout=10,
        ) as websocket:
            proposer = requests.Session()
            proposer.cookies.set("sessionid", session_for(cast.worker_a))
            proposer.get(f"http://127.0.0.1:{two}/casusregie/", timeout=10)
            response = proposer.post(
                f"http://127.0.0.1:{two}/api/casusregie/cases/{case_a.uuid}/handovers/",
                data=json.dumps(
                    {
                        "to_organisation": str(cast.partner_b.uuid),
                        "priorities": "Eerst de huur",
                    }
                ),
                headers={
                    "Content-Type": "application/json",
                    "X-CSRFToken": proposer.cookies.get("csrftoken", ""),
                },
                timeout=20,
            )
            assert response.status_code == 201, response.text
            event = json.loads(websocket.recv(timeout=15))
        assert event["type"] == "handover.proposed"
        assert event["handover"] == response.json()["uuid"]
        assert set(event) == {"type", "handover", "case"}
