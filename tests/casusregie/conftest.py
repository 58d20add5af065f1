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
    """Transactional tests end with a flush; the access log refuses DELETE. Test code
    (never the application) drops the triggers, empties the table and restores them."""
    from importlib import import_module

    migration = import_module(
        "casusregie.migrations.0002_access_log_append_only_triggers"
    )
    with connection.schema_editor() as editor:
        migration.drop_triggers(None, editor)
        editor.execute("DELETE FROM casusregie_accesslogentry")
        migration.create_triggers(None, editor)


@pytest.fixture
def access_log_flushable(transactional_db):
    """Use in transactional tests that write to the access log."""
    yield
    drop_access_log_rows()
