"""Browser tests: headless Debian Chromium driven by Playwright, against live_server.

Run as their own pytest process (``make test-browser``): sync Playwright and
pytest-asyncio cannot share one. Playwright cannot download browsers on these machines,
so Chromium is launched by path (``.ci/ensure-chromium`` installs it).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("PACT_CHROMIUM", "/usr/bin/chromium")
TEST_DB = Path(__file__).resolve().parents[2] / "var" / "test-browser.sqlite3"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On SQLite, a file test database, so servers in child processes (Daphne for the
    live websocket tests) see the same data as the test."""
    from django.conf import settings

    default = settings.DATABASES["default"]
    if default["ENGINE"].endswith("sqlite3"):
        TEST_DB.parent.mkdir(parents=True, exist_ok=True)
        default.setdefault("TEST", {})["NAME"] = str(TEST_DB)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    # Everything under tests/browser is a browser test, selected with -m browser.
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}; run .ci/ensure-chromium", pytrace=False
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL"}


@pytest.fixture
def site(live_server, transactional_db):
    """A live server with the Wagtail tree in place; returns the base URL."""
    from tests.conftest import ensure_wagtail_tree

    ensure_wagtail_tree()
    return live_server.url


# --- Content-Security-Policy: every page of every browser test runs under it -----------

_csp_violations: list[str] = []


def _watch_console(message) -> None:
    if "Content Security Policy" in message.text:
        _csp_violations.append(
            f"{message.page.url if message.page else '?'}: {message.text}"
        )


@pytest.fixture(scope="session")
def _csp_watched_browser(browser):
    """Every context the tests open reports its console, so a script or style the
    Content-Security-Policy blocks fails the test that met it (decision 0065)."""
    original = browser.new_context

    def new_context(*args, **kwargs):
        context = original(*args, **kwargs)
        context.on("console", _watch_console)
        return context

    browser.new_context = new_context
    yield browser
    browser.new_context = original


@pytest.fixture(autouse=True)
def _no_csp_violations(request):
    if "browser" not in request.fixturenames and "page" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("_csp_watched_browser")
    _csp_violations.clear()
    yield
    found, _csp_violations[:] = list(_csp_violations), []
    assert not found, "Content-Security-Policy violations:\n" + "\n".join(found)
