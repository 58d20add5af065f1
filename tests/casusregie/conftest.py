"""Fixtures of the casusregie tests: cases opened through the services on the cast."""

from __future__ import annotations

from django.db import connection

import pytest

from tests.factories.casusregie import CaseFactory


@pytest.fixture
def case_a(cast):
    """A case led by partner A (Attenta), opened by worker_a on the resident's consent."""
    return CaseFactory(
        actor=cast.worker_a, organisation=cast.partner_a, municipality=cast.municipality
    )


@pytest.fixture
def consent_b(case_a, cast):
    """The resident's consent for partner B (GKB), recorded by worker_a."""
    import datetime

    from casusregie import services

    return services.consent_record(
        case=case_a,
        actor=cast.worker_a,
        organisation=cast.partner_b,
        scope="Doelen en overdrachtsnotitie, voor schuldhulp",
        given_on=datetime.date.today(),
    )


def drop_access_log_rows() -> None:
    """Transactional tests end with a flush; the access log and the timeline refuse
    DELETE. Test code (never the application) drops the triggers, empties the tables
    and restores them."""
    from importlib import import_module

    from tests.conftest import APPEND_ONLY

    tables = connection.introspection.table_names()
    for table, module in APPEND_ONLY:
        if table not in tables:
            continue
        migration = import_module(module)
        with connection.schema_editor() as editor:
            migration.drop_triggers(None, editor)
            editor.execute(f"DELETE FROM {table}")  # noqa: S608
            migration.create_triggers(None, editor)


@pytest.fixture
def access_log_flushable(transactional_db):
    """Use in transactional tests that write to the access log."""
    yield
    drop_access_log_rows()
