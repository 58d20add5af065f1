"""Factories of the sociale kaart. Pages are created through the app's services
(``organisation_page_create``, ``service_page_create``), which use Wagtail's page API
exactly as the admin does."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory

from socialekaart import services
from socialekaart.constants import HouseholdType
from socialekaart.models import Category, TargetGroup

# The norm amounts derived from the 2024 Assen report (see docs/decisions/0012-*).
NORMS_2024 = {
    HouseholdType.SINGLE: Decimal("1242.80"),
    HouseholdType.SINGLE_PARENT: Decimal("1242.80"),
    HouseholdType.COUPLE: Decimal("1775.75"),
    HouseholdType.COUPLE_WITH_CHILDREN: Decimal("1775.75"),
    HouseholdType.SINGLE_PENSIONER: Decimal("1384.00"),
    HouseholdType.COUPLE_PENSIONER: Decimal("1874.00"),
}


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Categorie {n}")
    slug = factory.Sequence(lambda n: f"categorie-{n}")
    description = "Hulp bij iets."


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Doelgroep {n}")
    slug = factory.Sequence(lambda n: f"doelgroep-{n}")


def norm_period(valid_from=datetime.date(2024, 1, 1), amounts=None):
    return services.norm_period_upsert(
        valid_from=valid_from, amounts=amounts or NORMS_2024
    )


def organisation_page(
    organisation, *, summary="Wij helpen u verder.", locations=None, **fields
):
    index = services.kaart_structure_ensure()
    return services.organisation_page_create(
        parent=index,
        organisation=organisation,
        summary=summary,
        locations=locations
        if locations is not None
        else [
            {
                "name": "Kantoor",
                "street_address": "Brink 1",
                "postal_code": "9401 AA",
                "city": "Assen",
                "latitude": Decimal("52.993000"),
                "longitude": Decimal("6.562000"),
            }
        ],
        **fields,
    )


_counter = iter(range(1, 10**9))


def service_page(organisation_page, *, categories=None, municipalities=None, **fields):
    number = next(_counter)
    fields.setdefault("title", f"Hulp {number}")
    fields.setdefault("summary", "Een korte uitleg in eenvoudige taal.")
    if categories is None:
        categories = [CategoryFactory(name="Geld en schulden", slug="geld-en-schulden")]
    if municipalities is None:
        organisation = organisation_page.organisation
        municipalities = list(organisation.municipalities.all()) if organisation else []
    return services.service_page_create(
        organisation_page=organisation_page,
        categories=categories,
        municipalities=municipalities,
        **fields,
    )
