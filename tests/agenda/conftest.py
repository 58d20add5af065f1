"""A plan on the fixed cast: Attenta (partner A) and GKB (partner B) in the Aa en Hunze
pact, with the pact as an organisation, building blocks, rounds per quarter of 2020-2021,
and actions owned by each partner, by both, and by the pact itself."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone, translation

import pytest

from agenda import services
from agenda.constants import OwnerRole
from agenda.models import Action, BuildingBlock, Plan, Round
from agenda.timing import Quarter
from pact.constants import OrganisationKind, Role
from tests.factories.agenda import BuildingBlockFactory, PlanFactory, action
from tests.factories.pact import OrganisationFactory, UserFactory


@dataclass
class AgendaWorld:
    plan: Plan
    main_block: BuildingBlock
    side_block: BuildingBlock
    rounds: list[Round]
    attenta_action: Action
    gkb_action: Action
    shared_action: Action
    pact_action: Action
    hidden_action: Action
    coordinator_b: object
    pact_org: object

    def round(self, key: str) -> Round:
        """``world.round("2020-Q3")``"""
        starts = Quarter.from_key(key).starts_on
        return next(r for r in self.rounds if r.period_starts_on == starts)


def at(day: str, hour: int = 12) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(hour))
    )


@pytest.fixture(autouse=True)
def dutch():
    """Agenda texts are checked in Dutch. A request in English elsewhere in the run
    (``/i18n/setlang/``) leaves English active in the thread; start every test in Dutch."""
    with translation.override("nl"):
        yield


@pytest.fixture
def world(cast):
    pact_org = OrganisationFactory(
        name="Armoedepact Aa en Hunze",
        slug="pact-aa-en-hunze",
        kind=OrganisationKind.PACT,
        aliases="Armoedepact, Pact",
    )
    cast.pact.organisation = pact_org
    cast.pact.save(update_fields=["organisation"])
    cast.gemeente.aliases = "Gemeente"
    cast.gemeente.save(update_fields=["aliases"])
    coordinator_b = UserFactory(
        username="coordinator_b", roles=[(cast.partner_b, Role.COORDINATOR)]
    )
    plan = PlanFactory(
        pact=cast.pact, slug="zelf-weer-aan-het-stuur", title="Zelf weer aan het stuur"
    )
    main = BuildingBlockFactory(
        plan=plan, number=4, title="Vroegsignalering", main=True
    )
    side = BuildingBlockFactory(
        plan=plan, number=5, title="Preventie door voorlichting"
    )
    rounds = services.rounds_create_quarterly(plan=plan)
    return AgendaWorld(
        plan=plan,
        main_block=main,
        side_block=side,
        rounds=rounds,
        attenta_action=action(
            plan,
            "Opstellen sociale kaart",
            owners=[(cast.partner_a, OwnerRole.LEAD)],
            timing="Q1, Q2",
            block=side,
        ),
        gkb_action=action(
            plan,
            "Terugdringen kosten bewindvoering",
            owners=[(cast.partner_b, OwnerRole.LEAD)],
            timing="2020 - 2021",
            block=main,
        ),
        shared_action=action(
            plan,
            "Plan van aanpak vroegsignalering",
            owners=[
                (cast.partner_a, OwnerRole.EXECUTING),
                (cast.partner_b, OwnerRole.EXECUTING),
            ],
            timing="Q1",
            block=main,
        ),
        pact_action=action(
            plan,
            "Conferentie armoede",
            owners=[(pact_org, OwnerRole.LEAD)],
            timing="Jaarlijks Q3",
            block=side,
        ),
        hidden_action=action(
            plan,
            "Intern overleg",
            owners=[(cast.partner_a, OwnerRole.LEAD)],
            timing="Doorlopend",
            block=side,
            published=False,
        ),
        coordinator_b=coordinator_b,
        pact_org=pact_org,
    )


@pytest.fixture
def aa_plan(cast, world):
    """The Aa en Hunze partners of the real table, all nine building blocks."""
    for slug, name, short, aliases in [
        ("wpda", "Werkplein Drentsche Aa", "WPDA", "Werkplein"),
        ("impuls", "Impuls", "", ""),
        ("humanitas", "Humanitas Drenthe", "Humanitas", "Humanitas"),
        (
            "jeugdfonds-sport-cultuur",
            "Jeugdfonds Sport & Cultuur",
            "",
            "Jeugdfonds, Jeugdfonds Sport en Cultuur",
        ),
        ("leergeld-noord-drenthe", "Leergeld Noord-Drenthe", "Leergeld", ""),
        ("nationaal-fonds-kinderhulp", "Nationaal Fonds Kinderhulp", "Kinderhulp", ""),
        ("jarige-job", "Stichting Jarige Job", "Jarige Job", ""),
    ]:
        organisation = OrganisationFactory(
            slug=slug, name=name, short_name=short, aliases=aliases
        )
        from pact import services as pact_services

        pact_services.pact_member_set(
            pact=cast.pact,
            organisation=organisation,
            joined_on=cast.pact.memberships.first().joined_on,
        )
    cast.partner_b.short_name = "GKB"
    cast.partner_b.save()
    OrganisationFactory(
        slug="onderwijs-aa-en-hunze",
        name="Scholen in Aa en Hunze",
        kind=OrganisationKind.ONDERWIJS,
        aliases="Onderwijs",
        municipalities=[cast.municipality],
    )
    for number in range(1, 10):
        BuildingBlockFactory(plan=world.plan, number=number)
    world.plan.actions.all().delete()
    return world.plan
