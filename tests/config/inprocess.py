"""Run ``manage.py <command>`` or ``import config.asgi`` as a fresh process would, here.

A new Python process per case costs one to two seconds (Python, Django and Wagtail
start-up). Instead, the settings module is executed afresh with the given environment
(``runpy``), exactly as a server reads it; then the real start-up guard
(``config.startup``) and the real system checks run against those values. One smoke test
(``test_startup.py``) still starts real processes, so the entry points themselves stay
covered.
"""

from __future__ import annotations

import io
import os
import runpy
import warnings
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from django.core.management import CommandError, call_command
from django.core.management.base import SystemCheckError
from django.db.utils import ConnectionHandler
from django.test import override_settings

from config import startup
from config.env import ConfigurationError

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "config" / "settings.py"
# Settings whose change would rebuild the app registry, the template engines or the
# logging of this test process; the checks do not depend on them.
NOT_OVERRIDDEN = {"INSTALLED_APPS", "TEMPLATES", "LOGGING"}


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def clean_environment(**env: str) -> dict[str, str]:
    """The environment of a freshly started server: only what the case sets."""
    return {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "PACT_SKIP_DOTENV": "1",
        "PACT_VAR_DIR": str(ROOT / "var" / "test-startup"),
        **env,
    }


def run(args: list[str], **env: str) -> Result:
    """``args`` as for ``python``: ``["manage.py", "check", ...]`` or
    ``["-c", "import config.asgi"]``."""
    out, err = io.StringIO(), io.StringIO()
    with (
        mock.patch.dict(os.environ, clean_environment(**env), clear=True),
        redirect_stdout(out),
        redirect_stderr(err),
    ):
        code = _run(args, out, err)
    return Result(code, out.getvalue(), err.getvalue())


def _run(args: list[str], out: io.StringIO, err: io.StringIO) -> int:
    try:
        try:
            namespace = runpy.run_path(str(SETTINGS))
        except ConfigurationError as error:
            startup.fail(str(error))
        if args[:2] == ["-c", "import config.asgi"]:
            _check_database(namespace)
            return 0
        if args[0] != "manage.py":
            raise ValueError(f"cannot run {args} in-process")
        command, *rest = args[1:]
        if command not in startup.NO_DATABASE_COMMANDS:
            _check_database(namespace)
            raise ValueError(f"{command} would touch a real database: not in-process")
        overrides = {
            name: value
            for name, value in namespace.items()
            if name.isupper() and name not in NOT_OVERRIDDEN
        }
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Overriding DATABASES ..." is intended
            with override_settings(**overrides):
                call_command(command, *rest, stdout=out, stderr=err)
        return 0
    except SystemExit as exit:
        return int(exit.code or 0)
    except SystemCheckError as error:
        err.write(f"SystemCheckError: {error}\n")
        return 1
    except CommandError as error:
        err.write(f"CommandError: {error}\n")
        return 1


def _check_database(namespace: dict) -> None:
    connections = ConnectionHandler({"default": namespace["DATABASES"]["default"]})
    connection = connections["default"]
    try:
        startup.check_database(connection, namespace.get("DATABASE_URL"))
    finally:
        connection.close()
