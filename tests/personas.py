"""A small fixed cast so permission and view tests read as stories.

Two municipalities, two partner organisations (A: a welfare organisation, B: the credit
bank), the municipality itself, one pact with them as members, and these people:

* ``coordinator_a``: coordinator of partner A
* ``worker_a``: case worker at partner A
* ``worker_b``: case worker at partner B
* ``editor_a``: sociale kaart editor at partner A
* ``regisseur``: regisseur armoede en schulden at the municipality
* ``pact_admin``: pact admin of the pact (employed by the municipality)
* ``outsider``: an active account without any role
* ``anonymous``: a resident, not logged in
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser

from pact.constants import OrganisationKind, Role
from pact.models import Municipality, Organisation, Pact
from tests.factories.pact import (
    MunicipalityFactory,
    OrganisationFactory,
    PactFactory,
    UserFactory,
)


@dataclass
class Cast:
    municipality: Municipality
    other_municipality: Municipality
    partner_a: Organisation
    partner_b: Organisation
    gemeente: Organisation
    pact: Pact
    coordinator_a: object
    worker_a: object
    worker_b: object
    editor_a: object
    regisseur: object
    pact_admin: object
    outsider: object
    anonymous: AnonymousUser


def build_cast() -> Cast:
    municipality = MunicipalityFactory(
        name="Aa en Hunze", slug="aa-en-hunze", cbs_code="GM1680"
    )
    other = MunicipalityFactory(name="Assen", slug="assen", cbs_code="GM0106")
    partner_a = OrganisationFactory(
        name="Attenta",
        slug="attenta",
        kind=OrganisationKind.WELZIJN,
        municipalities=[municipality],
    )
    partner_b = OrganisationFactory(
        name="Gemeentelijke Kredietbank Drenthe",
        slug="gkb",
        kind=OrganisationKind.KETENPARTNER,
        municipalities=[municipality, other],
    )
    gemeente = OrganisationFactory(
        name="Gemeente Aa en Hunze",
        slug="gemeente-aa-en-hunze",
        kind=OrganisationKind.GEMEENTE,
        municipalities=[municipality],
    )
    pact = PactFactory(
        name="Armoedepact Aa en Hunze",
        slug="aa-en-hunze",
        members=[partner_a, partner_b, gemeente],
    )
    pact.municipalities.set([municipality])
    return Cast(
        municipality=municipality,
        other_municipality=other,
        partner_a=partner_a,
        partner_b=partner_b,
        gemeente=gemeente,
        pact=pact,
        coordinator_a=UserFactory(
            username="coordinator_a", roles=[(partner_a, Role.COORDINATOR)]
        ),
        worker_a=UserFactory(
            username="worker_a", roles=[(partner_a, Role.CASE_WORKER)]
        ),
        worker_b=UserFactory(
            username="worker_b", roles=[(partner_b, Role.CASE_WORKER)]
        ),
        editor_a=UserFactory(username="editor_a", roles=[(partner_a, Role.EDITOR)]),
        regisseur=UserFactory(username="regisseur", roles=[(gemeente, Role.REGISSEUR)]),
        pact_admin=UserFactory(
            username="pact_admin", roles=[(gemeente, Role.PACT_ADMIN, pact)]
        ),
        outsider=UserFactory(username="outsider"),
        anonymous=AnonymousUser(),
    )
