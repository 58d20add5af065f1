""" "Wat past bij mij?" narrowed in the database gives the same answers as evaluating
every offering (issue 9, decision 0072): a property test over generated situations,
against offerings with generated rules, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialekaart.constants import AgeSubject, HouseholdType
from socialekaart.eligibility import Situation, income_limit
from socialekaart.selectors import services_matching
from socialekaart.selectors.narrowing import smallest_percent_reaching
from tests.factories import socialekaart as f

pytestmark = pytest.mark.django_db

HOUSEHOLDS = list(HouseholdType)


def _random_rule(rng: random.Random, municipalities) -> dict:
    min_age = rng.choice([None, None, 0, 4, 12, 18, 67])
    max_age = rng.choice([None, None, 3, 17, 26, 66, 99])
    if min_age is not None and max_age is not None and max_age < min_age:
        min_age, max_age = max_age, min_age
    return {
        "municipalities": rng.sample(municipalities, rng.randint(0, 2)),
        "income_limit_percent": rng.choice([None, 100, 110, 120, 130, 150]),
        "household_types": rng.sample(HOUSEHOLDS, rng.choice([0, 0, 1, 2, 3])),
        "age_subject": rng.choice(list(AgeSubject)),
        "min_age": min_age,
        "max_age": max_age,
        "min_low_income_years": rng.choice([None, None, 1, 3]),
        "benefit": rng.choice(["", "€ 100 per kind", "een pas"]),
    }


@pytest.fixture
def offerings(kaart, cast):
    """Twenty offerings of partner B (both municipalities) with 0-3 random rules."""
    from socialekaart.models import EligibilityRule

    rng = random.Random(9)
    municipalities = [cast.municipality, cast.other_municipality]
    for number in range(20):
        page = f.service_page(
            kaart.org_b,
            title=f"Regeling {number:02d}",
            municipalities=municipalities,
            eligibility_note=rng.choice(["", "", "Alleen met een verwijzing."]),
        )
        for order in range(rng.choice([0, 1, 1, 2, 3])):
            fields = _random_rule(rng, municipalities)
            places = fields.pop("municipalities")
            rule = EligibilityRule.objects.create(page=page, sort_order=order, **fields)
            rule.municipalities.set(places)
    return municipalities


def _answers(result):
    return [
        (
            match.page.pk,
            match.verdict.outcome,
            match.verdict.reason,
            match.verdict.benefits,
            match.verdict.income_limit,
        )
        for match in [*result.fits, *result.might_fit]
    ]


class NarrowingTests:
    def test_narrowing_never_changes_an_answer(self, offerings):
        ids = [municipality.pk for municipality in offerings]

        @settings(
            max_examples=60,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        )
        @given(
            municipality=st.sampled_from(ids),
            household=st.sampled_from(HOUSEHOLDS),
            income=st.none() | st.integers(min_value=0, max_value=3500).map(Decimal),
            children=st.lists(st.integers(min_value=0, max_value=25), max_size=3),
            own_age=st.none() | st.integers(min_value=16, max_value=95),
            years=st.none() | st.integers(min_value=0, max_value=6),
        )
        def same_answers(municipality, household, income, children, own_age, years):
            situation = Situation(
                municipality_id=municipality,
                household_type=household,
                income=income,
                children_ages=tuple(children),
                own_age=own_age,
                low_income_years=years,
            )
            narrowed = services_matching(situation)
            full = services_matching(situation, narrow=False)
            assert _answers(narrowed) == _answers(full)

        same_answers()

    def test_narrowing_leaves_out_what_cannot_fit(self, offerings):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        situation = Situation(
            municipality_id=offerings[0].pk,
            household_type=HouseholdType.SINGLE,
            income=Decimal(3000),
            own_age=40,
            low_income_years=0,
        )
        with CaptureQueriesContext(connection) as queries:
            services_matching(situation)
        # The candidates' query says EXISTS: the database narrows, not Python.
        assert any(
            "EXISTS" in query["sql"].upper() for query in queries.captured_queries
        )


class SmallestPercentTests:
    @given(
        income=st.integers(min_value=0, max_value=10_000).map(Decimal),
        norm=st.decimals(min_value=0, max_value=3000, places=2),
    )
    def test_it_is_the_first_percentage_whose_limit_reaches_the_income(
        self, income, norm
    ):
        percent = smallest_percent_reaching(income, norm)
        if percent <= 10_000:
            assert income_limit(percent, norm) >= income
        if percent > 0:
            assert income_limit(percent - 1, norm) < income
