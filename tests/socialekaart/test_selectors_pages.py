"""Listing filters: municipality (service area), age and costs."""

from __future__ import annotations

import pytest

from socialekaart import selectors
from socialekaart.constants import AgeSubject
from tests.factories import socialekaart as f

pytestmark = pytest.mark.django_db


def titles(queryset):
    return [page.title for page in queryset]


@pytest.fixture
def sport_fund(cast, kaart):
    """Like the Jeugdfonds: children 4-17 in Aa en Hunze, 0-17 in Assen."""
    return f.service_page(
        kaart.org_a,
        title="Sportfonds",
        categories=[kaart.children],
        municipalities=[cast.municipality, cast.other_municipality],
        rules=[
            {
                "municipalities": [cast.municipality],
                "age_subject": AgeSubject.CHILD,
                "min_age": 4,
                "max_age": 17,
            },
            {
                "municipalities": [cast.other_municipality],
                "age_subject": AgeSubject.CHILD,
                "min_age": 0,
                "max_age": 17,
            },
        ],
    )


class ServiceListFilterTests:
    def test_age_filter_uses_the_rules_of_the_chosen_municipality(
        self, cast, sport_fund
    ):
        in_aa_en_hunze = selectors.service_list(municipality=cast.municipality, age=2)
        in_assen = selectors.service_list(municipality=cast.other_municipality, age=2)
        assert "Sportfonds" not in titles(in_aa_en_hunze)
        assert "Sportfonds" in titles(in_assen)

    def test_age_filter_without_municipality_takes_any_rule(self, sport_fund):
        assert "Sportfonds" in titles(selectors.service_list(age=2))
        assert "Sportfonds" not in titles(selectors.service_list(age=18))

    def test_age_filter_keeps_services_without_age_limits(self, cast, kaart):
        result = titles(
            selectors.service_list(municipality=cast.other_municipality, age=40)
        )
        assert "Schuldhulpverlening" in result
        assert "Kindpakket" not in result  # children 4-17

    def test_free_only_and_ended_left_out(self, kaart):
        f.service_page(kaart.org_b, title="Budgetbeheer", is_free=False)
        assert "Budgetbeheer" in titles(selectors.service_list())
        assert "Budgetbeheer" not in titles(selectors.service_list(is_free=True))
        assert "Schuldhulpverlening" in titles(selectors.service_list(is_free=True))
        assert "Oude regeling" not in titles(selectors.service_list())
