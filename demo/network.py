"""Demo data of the pact network, from the source documents.

The data is in ``demo/data/network.json``: municipalities, the real organisations the
documents name with the municipalities each serves, the pacts and their members, and
which organisations get a demo person in which role. This module builds it through
``pact.services``; running it twice changes nothing.

Demo passwords exist only here, in demo data.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from pact import services
from pact.constants import OrganisationKind, PactKind, Role
from pact.models import Membership, Municipality, Organisation, Pact

DEMO_PASSWORD = "demo-armoedepact"  # noqa: S105  (demo data only)
DATA = Path(__file__).parent / "data" / "network.json"


def _load() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


NETWORK = _load()
MUNICIPALITIES: list[dict] = NETWORK["municipalities"]
ORGANISATIONS: list[dict] = NETWORK["organisations"]
PACTS: list[dict] = NETWORK["pacts"]
_PEOPLE = NETWORK["people"]
CASE_ORGANISATIONS: list[str] = _PEOPLE["case_worker_organisations"]
REGISSEUR_ORGANISATIONS: list[str] = _PEOPLE["regisseur_organisations"]
USERNAME_PREFIX: dict[Role, str] = {
    Role(role): prefix for role, prefix in _PEOPLE["username_prefix"].items()
}
FIRST_NAMES: list[str] = _PEOPLE["first_names"]
LAST_NAMES: list[str] = _PEOPLE["last_names"]


@dataclass(frozen=True)
class Persona:
    username: str
    organisation: str
    role: Role
    pact: str | None = None

    @property
    def password(self) -> str:
        return DEMO_PASSWORD


def personas() -> list[Persona]:
    """Every demo account, in a fixed order."""
    cast: list[Persona] = []
    org_slugs = [row["slug"] for row in ORGANISATIONS]
    members = {slug for pact in PACTS for slug in pact["members"]}
    for slug in org_slugs:
        cast.append(
            Persona(f"{USERNAME_PREFIX[Role.EDITOR]}.{slug}", slug, Role.EDITOR)
        )
    for slug in CASE_ORGANISATIONS:
        cast.append(
            Persona(
                f"{USERNAME_PREFIX[Role.CASE_WORKER]}.{slug}", slug, Role.CASE_WORKER
            )
        )
    for slug in org_slugs:
        if slug in members:
            cast.append(
                Persona(
                    f"{USERNAME_PREFIX[Role.COORDINATOR]}.{slug}",
                    slug,
                    Role.COORDINATOR,
                )
            )
    for slug in REGISSEUR_ORGANISATIONS:
        short = slug.removeprefix("gemeente-")
        cast.append(
            Persona(f"{USERNAME_PREFIX[Role.REGISSEUR]}.{short}", slug, Role.REGISSEUR)
        )
    for pact in PACTS:
        cast.append(
            Persona(
                f"{USERNAME_PREFIX[Role.PACT_ADMIN]}.{pact['slug']}",
                pact["coordinator"],
                Role.PACT_ADMIN,
                pact["slug"],
            )
        )
    return cast


SUPERUSER = Persona("beheerder", "", Role.PACT_ADMIN)


def personas_as_json() -> list[dict]:
    """The demo accounts as ``demo_personas --json`` prints them."""
    grouped: dict[str, dict] = {}
    for persona in personas():
        entry = grouped.setdefault(
            persona.username,
            {
                "username": persona.username,
                "password": persona.password,
                "organisation": persona.organisation,
                "roles": [],
            },
        )
        entry["roles"].append(persona.role.value)
    result = list(grouped.values())
    result.append(
        {
            "username": SUPERUSER.username,
            "password": SUPERUSER.password,
            "organisation": "",
            "roles": ["superuser"],
        }
    )
    return result


@transaction.atomic
def seed_network(*, stdout) -> None:
    municipalities = {
        row["slug"]: services.municipality_upsert(
            slug=row["slug"],
            name=row["name"],
            cbs_code=row["cbs_code"],
            province="Drenthe",
        )
        for row in MUNICIPALITIES
    }
    organisations: dict[str, Organisation] = {}
    for row in ORGANISATIONS:
        organisations[row["slug"]] = services.organisation_upsert(
            slug=row["slug"],
            name=row["name"],
            short_name=row["short_name"],
            kind=OrganisationKind(row["kind"]),
            municipalities=[municipalities[m] for m in row["municipalities"]],
            website=row["website"],
            aliases=row["aliases"],
        )
    for row in PACTS:
        served = [municipalities[m] for m in row["municipalities"]]
        started = datetime.date.fromisoformat(row["started_on"])
        pact_org = services.organisation_upsert(
            slug=f"pact-{row['slug']}",
            name=row["name"],
            kind=OrganisationKind.PACT,
            municipalities=served,
            aliases="Armoedepact, Pact",
        )
        pact = services.pact_upsert(
            slug=row["slug"],
            name=row["name"],
            kind=PactKind(row["kind"]),
            municipalities=served,
            started_on=started,
            organisation=pact_org,
        )
        for member in row["members"]:
            services.pact_member_set(
                pact=pact, organisation=organisations[member], joined_on=started
            )
    stdout.write(
        f"  netwerk: {Municipality.objects.count()} gemeenten, "
        f"{Organisation.objects.count()} organisaties, {Pact.objects.count()} pacten"
    )
    seed_people(stdout=stdout)


def _display_name(index: int) -> tuple[str, str]:
    return FIRST_NAMES[index % len(FIRST_NAMES)], LAST_NAMES[
        (index * 7) % len(LAST_NAMES)
    ]


def seed_people(*, stdout) -> None:
    User = get_user_model()
    password_hash = make_password(DEMO_PASSWORD)  # one hash for all: seeding stays fast
    organisations = {o.slug: o for o in Organisation.objects.all()}
    pacts = {p.slug: p for p in Pact.objects.all()}
    for index, persona in enumerate(personas()):
        first, last = _display_name(index)
        user, created = User.objects.get_or_create(
            username=persona.username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{persona.username}@demo.armoedepact.local",
                "password": password_hash,
            },
        )
        services.membership_grant(
            user=user,
            organisation=organisations[persona.organisation],
            role=persona.role,
            pact=pacts.get(persona.pact) if persona.pact else None,
        )
    superuser, created = User.objects.get_or_create(
        username=SUPERUSER.username,
        defaults={
            "first_name": "Technisch",
            "last_name": "Beheer",
            "email": "beheerder@demo.armoedepact.local",
            "password": password_hash,
            "is_superuser": True,
            "is_staff": True,
        },
    )
    stdout.write(
        f"  mensen: {User.objects.filter(memberships__isnull=False).distinct().count()} "
        f"demo-accounts met {Membership.objects.count()} rollen"
    )
