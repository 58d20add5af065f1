"""The importer: bad files rejected whole with every bad row named, merging of repeats
and of several creditors into one household, routing and planning on import."""

from __future__ import annotations

from decimal import Decimal

import pytest

from vroegsignalering import services
from vroegsignalering.constants import HouseholdStatus, NextStep, RoutingReason
from vroegsignalering.models import Household, ImportBatch, Signal

from .conftest import HEADER, TODAY, csv_bytes, import_rows, row

pytestmark = pytest.mark.django_db


class IntakeRejectionTests:
    def test_every_bad_row_is_named_and_nothing_is_saved(self, routed):
        data = csv_bytes(
            row(),
            row(amount="veel", number="3"),
            row(kind="auto", postcode="12345", number="4"),
            row(day="2027-01-01", number="5"),
        )
        with pytest.raises(services.ImportRejected) as raised:
            services.signals_import(
                data=data,
                municipality=routed.municipality,
                actor=routed.regisseur,
                today=TODAY,
            )
        lines = [error.line for error in raised.value.rows]
        assert lines == [3, 4, 4, 5]
        messages = " ".join(raised.value.messages)
        assert "Regel 3: bedrag 'veel' is geen bedrag" in messages
        assert "soort 'auto' is onbekend" in messages
        assert "postcode '12345'" in messages
        assert "Regel 5: datum ligt in de toekomst" in messages
        assert not Household.objects.exists()
        assert not Signal.objects.exists()
        assert not ImportBatch.objects.exists()

    def test_missing_columns_are_named(self, routed):
        data = csv_bytes(row(), header="schuldeiser;soort;bedrag")
        with pytest.raises(services.ImportRejected) as raised:
            services.signals_parse(data, today=TODAY)
        assert "maanden, postcode, huisnummer, datum" in raised.value.messages[0]

    def test_extra_values_and_empty_file(self, routed):
        with pytest.raises(services.ImportRejected) as raised:
            services.signals_parse(csv_bytes(row() + ";extra"), today=TODAY)
        assert raised.value.rows[0].line == 2
        with pytest.raises(services.ImportRejected):
            services.signals_parse(csv_bytes(), today=TODAY)

    def test_binary_file_is_refused(self, routed):
        with pytest.raises(services.ImportRejected):
            services.signals_parse(b"\xff\xfe\x00\x81\x8d", today=TODAY)

    def test_signal_older_than_retention_is_refused(self, routed):
        with pytest.raises(services.ImportRejected) as raised:
            services.signals_parse(csv_bytes(row(day="2025-01-01")), today=TODAY)
        assert "bewaartermijn" in raised.value.messages[0]

    def test_without_an_everyone_else_rule_the_file_is_refused(self, cast):
        with pytest.raises(services.ImportRejected) as raised:
            import_rows(cast, row())
        assert "alle andere" in raised.value.messages[0]
        assert not Household.objects.exists()

    def test_only_the_municipalitys_regisseur_imports(self, routed):
        for person in (routed.worker_a, routed.coordinator_a, routed.pact_admin):
            with pytest.raises(services.NotAllowed):
                import_rows(routed, row(), actor=person)


class IntakeMergeTests:
    def test_several_creditors_make_one_household_with_the_total(self, routed):
        batch = import_rows(
            routed,
            row(),
            row(creditor="Enexis", kind="energie", amount="300", reference="E-9"),
            row(creditor="Zilveren Kruis", kind="zorgverzekering", amount="1.200,50"),
        )
        household = Household.objects.get()
        assert household.total_amount == Decimal("2350.50")
        assert household.signals.count() == 3
        assert (batch.households_new, batch.signals_new, batch.signals_merged) == (
            1,
            3,
            0,
        )

    def test_repeat_of_same_creditor_within_period_merges_and_raises_score(
        self, routed
    ):
        import_rows(routed, row(day="2026-10-01"))
        before = Household.objects.get().score
        batch = import_rows(routed, row(amount="1.100", months="3", day="2026-11-10"))
        household = Household.objects.get()
        signal = household.signals.get()
        assert batch.signals_merged == 1
        assert signal.times_reported == 2
        assert signal.amount == Decimal("1100.00")
        assert signal.months_in_arrears == 3
        assert household.score > before
        assert "repeat" in [code for code, _points in household.score_reasons]

    def test_identical_copy_is_not_a_repeat(self, routed):
        import_rows(routed, row())
        import_rows(routed, row())
        assert Signal.objects.get().times_reported == 1

    def test_same_creditor_after_the_period_is_a_new_signal(self, routed):
        import_rows(routed, row(day="2026-05-01"), today=TODAY)
        import_rows(routed, row(day="2026-11-10"), today=TODAY)
        assert Signal.objects.count() == 2
        assert Household.objects.count() == 1

    def test_comma_separated_file_with_dutch_dates(self, routed):
        data = csv_bytes(
            "Actium,huur,850.00,2,9461AB,12a,H-1,02-11-2026",
            header=HEADER.replace(";", ","),
        )
        services.signals_import(
            data=data, municipality=routed.municipality, actor=None, today=TODAY
        )
        household = Household.objects.get()
        assert (household.postcode, household.house_number) == ("9461AB", "12A")


class IntakeRoutingAndPlanningTests:
    def test_known_client_goes_to_that_partner_others_to_the_rule(self, routed):
        services.known_clients_replace(
            organisation=routed.partner_b, addresses=[("9461 ab", "7")]
        )
        import_rows(routed, row(number="7"), row(number="8"))
        known = Household.objects.get(house_number="7")
        other = Household.objects.get(house_number="8")
        assert (known.organisation, known.routing_reason) == (
            routed.partner_b,
            RoutingReason.KNOWN_CLIENT,
        )
        assert (other.organisation, other.routing_reason) == (
            routed.partner_a,
            RoutingReason.RULE,
        )

    def test_import_plans_within_capacity_and_every_household_has_a_due_date(
        self, routed
    ):
        import_rows(
            routed,
            row(number="1", amount="200"),
            row(number="2", amount="5000"),
            row(number="3", amount="900"),
            row(number="4", amount="100", kind="water", creditor="WMD"),
        )
        steps = dict(Household.objects.values_list("house_number", "next_step"))
        assert steps["2"] == NextStep.VISIT
        assert steps["3"] == NextStep.CALL
        assert {steps["1"], steps["4"]} == {NextStep.LETTER}
        assert not Household.objects.filter(due_on__isnull=True).exists()
        assert set(Household.objects.values_list("status", flat=True)) == {
            HouseholdStatus.PLANNED
        }
