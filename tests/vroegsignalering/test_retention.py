"""Retention: households that led to no help go after the period, counts stay."""

from __future__ import annotations

import datetime

from django.core.management import call_command

import pytest

from vroegsignalering import selectors, services
from vroegsignalering.constants import AttemptKind, DeclineReason
from vroegsignalering.models import Household, PurgedTally, Signal

from .conftest import TODAY, import_rows, row

pytestmark = pytest.mark.django_db

LATER = TODAY + datetime.timedelta(days=400)


@pytest.fixture
def three(routed):
    import_rows(
        routed,
        row(number="1"),
        row(number="2", creditor="Enexis", kind="energie"),
        row(number="3"),
    )
    declined, accepted, _open = Household.objects.order_by("house_number")
    for household in (declined, accepted):
        services.attempt_record(
            household=household,
            actor=routed.worker_a,
            kind=AttemptKind.VISIT,
            contact_made=True,
        )
    services.household_decline(
        household=declined, actor=routed.worker_a, reason=DeclineReason.NOT_NOW
    )
    services.household_accept(
        household=accepted,
        actor=routed.worker_a,
        goal="Rust in mijn hoofd",
        consent_scope="Achterstanden",
    )
    return routed


class RetentionTests:
    def test_dry_run_counts_and_deletes_nothing(self, three):
        report = services.households_purge(today=LATER, dry_run=True)
        assert (report.households, report.signals) == (2, 2)
        assert Household.objects.count() == 3
        assert not PurgedTally.objects.exists()

    def test_purge_keeps_accepted_and_anonymous_counts(self, three):
        before = selectors.figures_by_month(three.municipality)
        report = services.households_purge(today=LATER)
        assert report.households == 2
        assert list(Household.objects.values_list("house_number", flat=True)) == ["2"]
        assert Signal.objects.count() == 1
        tally = PurgedTally.objects.get()
        assert (tally.households, tally.signals, tally.reached) == (2, 2, 1)
        after = selectors.figures_by_month(three.municipality)
        keys = ("households", "signals", "reached", "accepted")
        assert [{k: m[k] for k in keys} for m in after] == [
            {k: m[k] for k in keys} for m in before
        ]

    def test_nothing_is_purged_within_the_period(self, three):
        assert services.households_purge(today=TODAY).households == 0

    def test_command_dry_run(self, three, capsys):
        call_command("signals_purge", "--dry-run")
        assert "Would delete 0 households" in capsys.readouterr().out


def test_accepted_household_goes_once_its_case_is_purged(three):
    # casusregie's purge deletes the case; the foreign key then becomes NULL.
    Household.objects.filter(house_number="2").update(case=None)
    report = services.households_purge(today=LATER)
    assert report.households == 3
    assert not Household.objects.exists()
    assert PurgedTally.objects.get().accepted == 1
