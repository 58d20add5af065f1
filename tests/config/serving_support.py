"""Start the production HTTP server (gunicorn with config/gunicorn.py, as
``make serve-prod`` and docs/deployment.md run it) against the test database."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_database_url() -> str:
    database = connection.settings_dict
    if connection.vendor != "postgresql":
        return ""
    return (
        f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )


@contextmanager
def production_server(**env: str):
    """Yield the base URL of gunicorn serving ``config.wsgi`` with ``env`` added."""
    import requests

    port = free_port()
    full_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PACT_SKIP_DOTENV": "1",
        "PACT_WEB_BIND": f"127.0.0.1:{port}",
        "PACT_LOG_LEVEL": "WARNING",
        **env,
    }
    database_url = env.get("DATABASE_URL") or test_database_url()
    if database_url:
        full_env["DATABASE_URL"] = database_url
    else:
        full_env["PACT_SQLITE_PATH"] = str(connection.settings_dict["NAME"])
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:config.gunicorn"]
        + ["config.wsgi:application"],
        cwd=ROOT,
        env=full_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                raise AssertionError(process.stderr.read().decode()[-3000:])
            try:
                requests.get(f"{base}/healthz", timeout=5)
                break
            except requests.RequestException:
                if time.monotonic() > deadline:
                    raise AssertionError("gunicorn did not start") from None
                time.sleep(0.3)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        if process.stderr:
            process.stderr.close()
