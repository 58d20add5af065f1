"""A wrong setting stops start-up with one clear sentence, never a traceback.

The cases run in-process (``tests/config/inprocess.py``); ``EntryPointSmokeTests`` starts
real processes, so ``manage.py`` and ``config.asgi`` themselves stay covered.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.config.inprocess import clean_environment, run

ROOT = Path(__file__).resolve().parents[2]


def run_process(args: list[str], **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=clean_environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_sentence(result, *fragments: str) -> None:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Armoedepact cannot start: ")
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.fixture
def connections_allowed(django_db_blocker):
    """The guard connects to the (unreachable) database a case names, never the tests'."""
    with django_db_blocker.unblock():
        yield


@pytest.mark.usefixtures("connections_allowed")
class MisconfigurationMessageTests:
    @pytest.mark.parametrize(
        ("value", "fragment"),
        [
            ("mysql://root@localhost/pact", "must start with postgres://"),
            ("postgres://user@db.example:notaport/pact", "DATABASE_URL cannot be read"),
            ("postgres://user@db.example:5432", "names no database"),
        ],
    )
    def test_unparsable_database_url(self, value, fragment):
        assert_one_sentence(run(["manage.py", "migrate"], DATABASE_URL=value), fragment)

    def test_password_in_database_url_is_not_printed(self):
        result = run(["manage.py", "migrate"], DATABASE_URL="mysql://u:geheim@h/pact")
        assert "geheim" not in result.stderr

    def test_unreachable_database(self):
        result = run(
            ["manage.py", "migrate"],
            DATABASE_URL="postgres://postgres:geheim@127.0.0.1:1/armoedepact",
        )
        assert_one_sentence(result, "cannot be reached", "127.0.0.1:1")
        assert "geheim" not in result.stderr

    def test_bad_yes_no_value(self):
        assert_one_sentence(
            run(["manage.py", "check"], DJANGO_DEBUG="perhaps"), "DJANGO_DEBUG"
        )

    def test_bad_number(self):
        assert_one_sentence(
            run(["manage.py", "check"], PACT_SESSION_IDLE_SECONDS="half an hour"),
            "PACT_SESSION_IDLE_SECONDS must be a whole number",
        )

    def test_bad_redis_url(self):
        assert_one_sentence(
            run(["manage.py", "check"], REDIS_URL="localhost:6379"), "REDIS_URL"
        )

    def test_asgi_application_reports_the_same_way(self):
        result = run(["-c", "import config.asgi"], DATABASE_URL="mysql://x@y/z")
        assert_one_sentence(result, "DATABASE_URL")

    def test_asgi_application_refuses_unreachable_database(self):
        result = run(
            ["-c", "import config.asgi"], DATABASE_URL="postgres://p@127.0.0.1:1/x"
        )
        assert_one_sentence(result, "cannot be reached")


class EntryPointSmokeTests:
    """The real entry points, in real processes (one each: a process costs seconds)."""

    def test_manage_py_reports_in_one_sentence(self):
        result = run_process(
            ["manage.py", "migrate"],
            DATABASE_URL="postgres://postgres:geheim@127.0.0.1:1/armoedepact",
        )
        assert_one_sentence(result, "cannot be reached", "127.0.0.1:1")
        assert "geheim" not in result.stderr

    def test_asgi_application_reports_in_one_sentence(self):
        result = run_process(["-c", "import config.asgi"], DATABASE_URL="mysql://x@y/z")
        assert_one_sentence(result, "DATABASE_URL")
