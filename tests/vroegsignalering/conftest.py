"""Fixtures of the vroegsignalering tests: the cast's municipality with routing rules
(known to GKB → GKB, everyone else → Attenta) and a small capacity."""

from __future__ import annotations

import datetime

import pytest

from vroegsignalering import services
from vroegsignalering.constants import RoutingCondition

TODAY = datetime.date(2026, 11, 18)  # a Wednesday
HEADER = "schuldeiser;soort;bedrag;maanden;postcode;huisnummer;kenmerk;datum"


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode()


def row(
    creditor="Actium",
    kind="huur",
    amount="850,00",
    months="2",
    postcode="9461 AB",
    number="12",
    reference="H-1",
    day="2026-11-02",
) -> str:
    return ";".join([creditor, kind, amount, months, postcode, number, reference, day])


@pytest.fixture
def routed(cast):
    """Routing rules and capacity for the cast's municipality (Aa en Hunze)."""
    services.routing_rule_add(
        municipality=cast.municipality,
        actor=cast.regisseur,
        organisation=cast.partner_b,
        condition=RoutingCondition.KNOWN_CLIENT,
        position=1,
    )
    services.routing_rule_add(
        municipality=cast.municipality,
        actor=cast.regisseur,
        organisation=cast.partner_a,
        condition=RoutingCondition.EVERYONE,
        position=2,
    )
    services.capacity_set(
        organisation=cast.partner_a,
        actor=cast.coordinator_a,
        visits_per_week=1,
        calls_per_week=1,
    )
    return cast


def import_rows(cast, *rows: str, actor=None, today=TODAY):
    return services.signals_import(
        data=csv_bytes(*rows),
        municipality=cast.municipality,
        actor=actor if actor is not None else cast.regisseur,
        today=today,
    )
