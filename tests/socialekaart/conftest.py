"""Fixtures of the sociale kaart tests: a small kaart on top of the fixed cast.

``kaart``: the skeleton (home, organisation index, workflow), the norm table of 2024,
two categories, an organisation page for partner A (Attenta) with one service and one
for partner B (GKB) with two services, one of them ended.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from socialekaart.constants import AgeSubject, HouseholdType, ServiceStatus
from tests.factories import socialekaart as f


@dataclass
class Kaart:
    index: object
    money: object
    children: object
    parents: object
    org_a: object
    org_b: object
    service_a: object
    service_b: object
    ended_b: object


@pytest.fixture
def kaart(cast, wagtail_site):
    from socialekaart import services

    index = services.kaart_structure_ensure()
    f.norm_period()
    money = f.CategoryFactory(
        name="Geld en schulden", slug="geld-en-schulden", sort_order=1
    )
    children = f.CategoryFactory(
        name="Kinderen en jongeren", slug="kinderen-en-jongeren", sort_order=4
    )
    parents = f.TargetGroupFactory(name="Ouders", slug="ouders")
    org_a = f.organisation_page(cast.partner_a, summary="Welzijnswerk in Aa en Hunze.")
    org_b = f.organisation_page(
        cast.partner_b, summary="Hulp bij schulden en budgetbeheer."
    )
    service_a = f.service_page(
        org_a,
        title="Kindpakket",
        summary="Spullen en activiteiten voor uw kind.",
        categories=[children],
        target_groups=[parents],
        rules=[
            {
                "income_limit_percent": 130,
                "age_subject": AgeSubject.CHILD,
                "min_age": 4,
                "max_age": 17,
                "household_types": [
                    HouseholdType.SINGLE_PARENT,
                    HouseholdType.COUPLE_WITH_CHILDREN,
                ],
            }
        ],
        location_names=["Kantoor"],
        keywords="schoolspullen, fiets",
        professional_notes="GEHEIM-NOTITIE",
        professional_phone="0592-000000",
        professional_handover="GEHEIM-OVERDRACHT",
    )
    service_b = f.service_page(
        org_b,
        title="Schuldhulpverlening",
        summary="Hulp als u schulden heeft.",
        categories=[money],
        description="<p>Wij maken een plan.</p>",
        application_steps=[("step", {"text": "Bel ons."})],
        required_documents=[
            ("document", {"document": "Uw bankafschriften", "note": ""})
        ],
        is_free=True,
    )
    ended_b = f.service_page(
        org_b,
        title="Oude regeling",
        summary="Bestaat niet meer.",
        categories=[money],
        status=ServiceStatus.ENDED,
    )
    return Kaart(
        index, money, children, parents, org_a, org_b, service_a, service_b, ended_b
    )
