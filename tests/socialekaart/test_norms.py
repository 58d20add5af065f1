"""The norm in force and when residents are told the table is outdated."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from socialekaart import selectors
from socialekaart.constants import HouseholdType
from tests.factories import socialekaart as f

pytestmark = pytest.mark.django_db
D = datetime.date


def amounts(single: str) -> dict:
    return {h: Decimal(single) for h in HouseholdType.values}


class LastNormChangeTests:
    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (D(2026, 1, 1), D(2026, 1, 1)),
            (D(2026, 6, 30), D(2026, 1, 1)),
            (D(2026, 7, 1), D(2026, 7, 1)),
            (D(2026, 12, 31), D(2026, 7, 1)),
        ],
    )
    def test_the_amounts_change_on_1_january_and_1_july(self, day, expected):
        assert selectors.last_norm_change(day) == expected


class NormInForceTests:
    @pytest.fixture
    def table(self):
        f.norm_period(D(2025, 1, 1), amounts("1278.18"))
        f.norm_period(D(2025, 7, 1), amounts("1300.61"))
        f.norm_period(D(2026, 1, 1), amounts("1331.43"))

    @pytest.mark.parametrize(
        ("day", "started", "single"),
        [
            (D(2025, 1, 1), D(2025, 1, 1), "1278.18"),
            (D(2025, 6, 30), D(2025, 1, 1), "1278.18"),
            (D(2025, 7, 1), D(2025, 7, 1), "1300.61"),
            (D(2025, 12, 31), D(2025, 7, 1), "1300.61"),
            (D(2026, 1, 1), D(2026, 1, 1), "1331.43"),
        ],
    )
    def test_the_newest_period_started_on_or_before_the_day_is_in_force(
        self, table, day, started, single
    ):
        status = selectors.norm_status(day)
        assert status.period.valid_from == started
        assert status.amounts[HouseholdType.SINGLE_PARENT] == Decimal(single)
        assert not status.is_outdated and not status.is_missing

    def test_before_the_first_period_the_norm_is_missing(self, table):
        status = selectors.norm_status(D(2024, 12, 31))
        assert status.is_missing and not status.is_outdated
        assert status.amounts == {}
        assert selectors.norm_table_is_outdated(D(2024, 12, 31))

    def test_a_period_older_than_the_last_change_is_outdated(self, table):
        status = selectors.norm_status(D(2026, 7, 1))
        assert status.period.valid_from == D(2026, 1, 1)  # still used
        assert status.is_outdated
        assert status.changed_on == D(2026, 7, 1)
        assert selectors.norm_table_is_outdated(D(2026, 12, 7))

    def test_the_day_before_the_change_is_not_outdated(self, table):
        assert not selectors.norm_status(D(2026, 6, 30)).is_outdated
        assert not selectors.norm_table_is_outdated(D(2026, 6, 30))

    def test_a_period_that_ended_is_not_in_force(self):
        from socialekaart.services import norm_period_upsert

        norm_period_upsert(
            valid_from=D(2025, 1, 1),
            valid_until=D(2025, 3, 31),
            amounts=amounts("1278.18"),
        )
        assert selectors.norm_status(D(2025, 3, 31)).period is not None
        assert selectors.norm_status(D(2025, 4, 1)).is_missing


class NormNoticeForResidentsTests:
    """Residents see the warning on every page that shows an amount."""

    def test_service_page_with_an_income_limit_warns_when_outdated(self, client, kaart):
        # The kaart fixture has only the 2024 period; today is later.
        html = client.get(kaart.service_a.url).content.decode()
        assert "Inkomensgrens" in html
        assert "de bedragen kunnen te laag zijn" in html

    def test_service_page_does_not_warn_with_a_current_period(self, client, kaart):
        today = datetime.date.today()
        f.norm_period(selectors.last_norm_change(today), amounts("1331.43"))
        html = client.get(kaart.service_a.url).content.decode()
        assert "de bedragen kunnen te laag zijn" not in html

    def test_the_answer_warns_when_outdated(self, client, kaart):
        municipality = kaart.org_a.organisation.municipalities.first()
        html = client.post(
            "/wat-past-bij-mij/",
            {
                "gemeente": municipality.slug,
                "huishouden": HouseholdType.SINGLE_PARENT,
                "inkomen": "1400",
                "kinderen": "7",
            },
        ).content.decode()
        assert "de bedragen kunnen te laag zijn" in html
