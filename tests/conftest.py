"""Shared fixtures. Browser tests have their own conftest in tests/browser/."""

from __future__ import annotations

import os

from django.db import connection

import pytest
from hypothesis import settings as hypothesis_settings

# Property tests: a quick profile by default, a thorough one in CI (HYPOTHESIS_PROFILE=ci,
# set by .ci/run). Tests state only what differs from the profile (never max_examples).
hypothesis_settings.register_profile("dev", max_examples=40, deadline=None)
hypothesis_settings.register_profile("ci", max_examples=400, deadline=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


def pytest_collection_modifyitems(config, items):
    # PostgreSQL-only tests report themselves skipped, with the reason, on SQLite.
    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(
        reason="needs PostgreSQL (run with DATABASE_URL=postgres://...)"
    )
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


APPEND_ONLY = [
    # (table, migration that holds its triggers)
    (
        "casusregie_accesslogentry",
        "casusregie.migrations.0002_access_log_append_only_triggers",
    ),
    (
        "casusregie_caseevent",
        "casusregie.migrations.0004_audit_actions_and_timeline_append_only",
    ),
]


def _empty_access_log_on_sqlite() -> None:
    """Let the flush after a transactional test empty casusregie's append-only tables.

    The access log and the case timeline are append-only in the database: triggers
    refuse UPDATE and DELETE. Django's flush uses TRUNCATE on PostgreSQL (row triggers
    do not fire) but DELETE on SQLite, so on SQLite test code (never the application)
    drops the triggers, empties the tables and puts the triggers back.
    """
    if connection.vendor != "sqlite":
        return
    from importlib import import_module

    tables = connection.introspection.table_names()
    for table, module in APPEND_ONLY:
        if table not in tables:
            continue
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT 1 FROM {table} LIMIT 1")  # noqa: S608
            if cursor.fetchone() is None:
                continue
        migration = import_module(module)
        with connection.schema_editor() as editor:
            migration.drop_triggers(None, editor)
            editor.execute(f"DELETE FROM {table}")  # noqa: S608
            migration.create_triggers(None, editor)


@pytest.fixture(autouse=True)
def _flushable_append_only_tables(request):
    """In transactional tests, empty append-only tables before pytest-django flushes."""
    marker = request.node.get_closest_marker("django_db")
    explicit = {"transactional_db", "live_server"} & set(request.fixturenames)
    if not explicit and not (marker and marker.kwargs.get("transaction")):
        yield
        return
    if explicit:
        # Set up the transactional database before this fixture, so that this
        # fixture's teardown runs before the flush.
        request.getfixturevalue("transactional_db")
    yield
    _empty_access_log_on_sqlite()


@pytest.fixture(autouse=True)
def _dutch_by_default():
    """Every test starts in the default language: a request in English (the language
    switch tests) leaves English active in the thread otherwise."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def cast(db):
    """The small fixed cast of personas (see tests/personas.py)."""
    from tests.personas import build_cast

    return build_cast()


@pytest.fixture
def mailoutbox_clear(mailoutbox):
    mailoutbox.clear()
    return mailoutbox


def ensure_wagtail_tree():
    """Wagtail's root page, locale, home page and default site.

    Migrations create the root page and locale, but transactional tests (live_server,
    Channels, concurrency) flush every table afterwards; this puts them back.
    """
    from wagtail.models import Locale, Page

    from socialekaart.services import home_page_ensure

    locale, _created = Locale.objects.get_or_create(language_code="nl")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    return home_page_ensure()


@pytest.fixture
def wagtail_site(db):
    """The home page, with the Wagtail tree guaranteed (safe in transactional tests)."""
    return ensure_wagtail_tree()
