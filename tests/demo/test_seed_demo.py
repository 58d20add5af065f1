"""seed_demo builds the demo through the services, idempotently, and refuses production."""

from __future__ import annotations

import io

from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import get_resolver

import pytest

from demo.network import PACTS, personas
from pact.constants import Role
from pact.models import Membership, Municipality, Organisation, Pact

VOLATILE_TABLES: set[str] = set()
# Derived tables Wagtail rebuilds (delete and insert) when an object is saved again: their
# content must stay the same, their primary keys may not.
DERIVED_TABLES = {"wagtailcore_referenceindex"}


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every table, as tuples ordered by primary key."""
    tables: dict[str, list[tuple]] = {}
    for model in apps.get_models(include_auto_created=True):
        table = model._meta.db_table
        if table in VOLATILE_TABLES or model._meta.proxy or not model._meta.managed:
            continue
        if table not in connection.introspection.table_names():
            continue
        pk = model._meta.pk.column
        with connection.cursor() as cursor:
            cursor.execute(f'SELECT * FROM "{table}" ORDER BY "{pk}"')  # noqa: S608
            columns = [column[0] for column in cursor.description]
            rows = [tuple(row) for row in cursor.fetchall()]
        if table in DERIVED_TABLES:
            keep = [i for i, name in enumerate(columns) if name != pk]
            rows = sorted((tuple(row[i] for i in keep) for row in rows), key=repr)
        tables[table] = rows
    return tables


def seed() -> str:
    # Wagtail registers models for its reference index when the admin viewsets load with
    # the URLconf. A server has loaded it; a bare test process may not have yet, which
    # would make the two runs index different models.
    get_resolver().url_patterns  # noqa: B018
    out = io.StringIO()
    call_command("seed_demo", force=True, stdout=out)
    return out.getvalue()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
class SeedDemoTests:
    def test_second_run_changes_nothing(self, wagtail_site):
        """Also checks what the first run built (one test: seeding is the slow part)."""
        output = seed()
        assert "Demodata staat klaar" in output
        self.assert_network_and_people()
        first = snapshot()
        seed()
        second = snapshot()
        changed = sorted(table for table in first if first[table] != second.get(table))
        assert not changed, f"seed_demo changed these tables on a second run: {changed}"

    def assert_network_and_people(self):
        assert (
            Municipality.objects.filter(
                cbs_code__in=["GM1680", "GM0106", "GM1730", "GM0109", "GM1731"]
            ).count()
            == 5
        )
        assert (
            Organisation.objects.filter(
                slug__in=["gkb", "attenta", "wpda", "mwc"]
            ).count()
            == 4
        )
        assert Pact.objects.count() == len(PACTS)
        aa = Pact.objects.get(slug="aa-en-hunze")
        assert aa.memberships.count() == 12
        assert str(aa.memberships.first().joined_on) == "2017-01-01"
        for persona in personas():
            assert Membership.objects.filter(
                user__username=persona.username,
                organisation__slug=persona.organisation,
                role=persona.role,
            ).exists(), persona
        assert Membership.objects.filter(role=Role.REGISSEUR).count() == 5


@pytest.mark.django_db
def test_refuses_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DJANGO_DEBUG=1"):
        call_command("seed_demo", stdout=io.StringIO())
