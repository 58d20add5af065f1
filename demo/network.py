"""Demo data of the pact network, from the source documents (see ``docs/demo.md``).

Municipalities, the real organisations the documents name with the municipalities each
serves, the pacts and their members, and one demo person per role per relevant
organisation. Built through ``pact.services``; running it twice changes nothing.

Demo passwords exist only here, in demo data.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from pact import services
from pact.constants import OrganisationKind as K
from pact.constants import PactKind, Role
from pact.models import Membership, Municipality, Organisation, Pact

DEMO_PASSWORD = "demo-armoedepact"  # noqa: S105  (demo data only)

MUNICIPALITIES = [
    # slug, name, CBS code
    ("aa-en-hunze", "Aa en Hunze", "GM1680"),
    ("assen", "Assen", "GM0106"),
    ("tynaarlo", "Tynaarlo", "GM1730"),
    ("coevorden", "Coevorden", "GM0109"),
    ("midden-drenthe", "Midden-Drenthe", "GM1731"),
]

AAH, ASN, TYN, COE, MDR = (m[0] for m in MUNICIPALITIES)

ORGANISATIONS = [
    # slug, name, short name, kind, municipalities, website, aliases
    (
        "gemeente-aa-en-hunze",
        "Gemeente Aa en Hunze",
        "",
        K.GEMEENTE,
        [AAH],
        "",
        "Gemeente",
    ),
    ("gemeente-assen", "Gemeente Assen", "", K.GEMEENTE, [ASN], "", "Gemeente"),
    ("gemeente-tynaarlo", "Gemeente Tynaarlo", "", K.GEMEENTE, [TYN], "", "Gemeente"),
    ("gemeente-coevorden", "Gemeente Coevorden", "", K.GEMEENTE, [COE], "", "Gemeente"),
    (
        "gemeente-midden-drenthe",
        "Gemeente Midden-Drenthe",
        "",
        K.GEMEENTE,
        [MDR],
        "",
        "Gemeente",
    ),
    (
        "attenta",
        "Attenta",
        "",
        K.WELZIJN,
        [AAH],
        "https://www.stichtingattenta.nl/",
        "",
    ),
    (
        "gkb",
        "Gemeentelijke Kredietbank Drenthe",
        "GKB",
        K.KETENPARTNER,
        [AAH, ASN, TYN, MDR],
        "",
        "Kredietbank",
    ),
    (
        "wpda",
        "Werkplein Drentsche Aa",
        "WPDA",
        K.KETENPARTNER,
        [AAH, ASN, TYN],
        "",
        "Werkplein",
    ),
    ("impuls", "Impuls", "", K.WELZIJN, [AAH], "", "Impuls Aa en Hunze"),
    (
        "voedselbank-hart-van-drenthe",
        "Voedselbank Hart van Drenthe",
        "",
        K.VRIJWILLIGERS,
        [AAH, ASN, MDR, TYN],
        "",
        "Voedselbank",
    ),
    (
        "jeugdfonds-sport-cultuur",
        "Jeugdfonds Sport & Cultuur",
        "",
        K.FONDS,
        [AAH, ASN, TYN, COE, MDR],
        "https://www.jeugdfondssportencultuur.nl/",
        "Jeugdfonds, Jeugdfonds Sport en Cultuur",
    ),
    (
        "nationaal-fonds-kinderhulp",
        "Nationaal Fonds Kinderhulp",
        "Kinderhulp",
        K.FONDS,
        [AAH, ASN, TYN, COE, MDR],
        "https://www.kinderhulp.nl/",
        "Kinderhulp",
    ),
    (
        "jarige-job",
        "Stichting Jarige Job",
        "Jarige Job",
        K.FONDS,
        [AAH, ASN, TYN, COE, MDR],
        "https://www.stichtingjarigejob.nl/",
        "Jarige Job",
    ),
    (
        "leergeld-noord-drenthe",
        "Leergeld Noord-Drenthe",
        "Leergeld",
        K.VRIJWILLIGERS,
        [ASN, AAH, TYN],
        "https://www.leergeld.nl/noorddrenthe/",
        "Leergeld, Stichting Leergeld",
    ),
    (
        "humanitas",
        "Humanitas Drenthe",
        "Humanitas",
        K.VRIJWILLIGERS,
        [AAH, ASN, COE, MDR],
        "https://www.humanitas.nl/",
        "Humanitas",
    ),
    (
        "stichting-helper",
        "Stichting Helper",
        "Helper",
        K.VRIJWILLIGERS,
        [AAH],
        "",
        "Arme Kant van Aa en Hunze",
    ),
    ("mwc", "Maatschappelijk Welzijn Coevorden", "MWC", K.WELZIJN, [COE], "", "MWC"),
    ("rudie-zwols-fonds", "Rudie Zwols Fonds", "", K.FONDS, [COE], "", ""),
    ("loods13", "Loods13", "", K.VRIJWILLIGERS, [COE], "", ""),
    (
        "domesta",
        "Domesta",
        "",
        K.WONINGCORPORATIE,
        [COE],
        "",
        "Woningcorporatie Domesta",
    ),
    ("unive", "Univé", "", K.ZORGVERZEKERAAR, [COE, ASN], "", "Univé Zorg"),
    ("zilveren-kruis", "Zilveren Kruis", "", K.ZORGVERZEKERAAR, [COE], "", ""),
    ("vaart-welzijn", "Vaart Welzijn", "Vaart", K.WELZIJN, [ASN], "", "Vaart"),
    (
        "kledingbank-assen",
        "Kledingbank Assen",
        "",
        K.VRIJWILLIGERS,
        [ASN],
        "",
        "Sociale Winkel Assen, Sociale Winkel",
    ),
    (
        "wij-ruilen-en-geven-weg",
        "Wij ruilen en geven weg",
        "",
        K.VRIJWILLIGERS,
        [ASN],
        "",
        "",
    ),
    (
        "stichting-babyspullen",
        "Stichting Babyspullen",
        "",
        K.VRIJWILLIGERS,
        [ASN, MDR],
        "",
        "Babyspullen",
    ),
    ("actium", "Actium", "", K.WONINGCORPORATIE, [ASN], "", "Woningcorporatie Actium"),
    (
        "onderwijs-aa-en-hunze",
        "Scholen in Aa en Hunze",
        "",
        K.ONDERWIJS,
        [AAH],
        "",
        "Onderwijs, scholen",
    ),
    (
        "adviesraad-sociaal-domein-midden-drenthe",
        "Adviesraad Sociaal Domein Midden-Drenthe",
        "ASD",
        K.OVERIG,
        [MDR],
        "",
        "Adviesraad Sociaal Domein",
    ),
]

PACTS = [
    # slug, name, kind, municipalities, started, coordinating organisation, members
    (
        "aa-en-hunze",
        "Armoedepact Aa en Hunze",
        PactKind.MUNICIPAL,
        [AAH],
        datetime.date(2017, 1, 1),
        "gemeente-aa-en-hunze",
        [
            "gemeente-aa-en-hunze",
            "attenta",
            "gkb",
            "wpda",
            "impuls",
            "voedselbank-hart-van-drenthe",
            "jeugdfonds-sport-cultuur",
            "nationaal-fonds-kinderhulp",
            "jarige-job",
            "leergeld-noord-drenthe",
            "humanitas",
            "stichting-helper",
        ],
    ),
    (
        "assen",
        "Armoedeaanpak Assen",
        PactKind.MUNICIPAL,
        [ASN],
        datetime.date(2021, 1, 1),
        "gemeente-assen",
        [
            "gemeente-assen",
            "gkb",
            "wpda",
            "vaart-welzijn",
            "voedselbank-hart-van-drenthe",
            "kledingbank-assen",
            "wij-ruilen-en-geven-weg",
            "leergeld-noord-drenthe",
            "humanitas",
            "actium",
            "unive",
            "jeugdfonds-sport-cultuur",
            "stichting-babyspullen",
        ],
    ),
    (
        "coevorden",
        "Armoedepact Coevorden (Ondersteuning op maat)",
        PactKind.MUNICIPAL,
        [COE],
        datetime.date(2017, 1, 31),
        "gemeente-coevorden",
        [
            "gemeente-coevorden",
            "mwc",
            "rudie-zwols-fonds",
            "loods13",
            "domesta",
            "unive",
            "humanitas",
            "jeugdfonds-sport-cultuur",
        ],
    ),
    (
        "midden-drenthe",
        "Armoedeaanpak Midden-Drenthe",
        PactKind.MUNICIPAL,
        [MDR],
        datetime.date(2020, 11, 26),
        "gemeente-midden-drenthe",
        [
            "gemeente-midden-drenthe",
            "adviesraad-sociaal-domein-midden-drenthe",
            "gkb",
            "voedselbank-hart-van-drenthe",
            "jeugdfonds-sport-cultuur",
            "humanitas",
            "stichting-babyspullen",
        ],
    ),
    (
        "drentsche-aa",
        "Regionaal armoedepact Drentsche Aa",
        PactKind.REGIONAL,
        [AAH, ASN, TYN],
        datetime.date(2022, 1, 1),
        "wpda",
        [
            "gemeente-aa-en-hunze",
            "gemeente-assen",
            "gemeente-tynaarlo",
            "wpda",
            "gkb",
            "leergeld-noord-drenthe",
            "voedselbank-hart-van-drenthe",
        ],
    ),
]

# Which organisations get a demo person in which role.
CASE_ORGANISATIONS = [
    "attenta",
    "gkb",
    "wpda",
    "impuls",
    "humanitas",
    "mwc",
    "vaart-welzijn",
    "leergeld-noord-drenthe",
    "stichting-helper",
]
REGISSEUR_ORGANISATIONS = [
    "gemeente-aa-en-hunze",
    "gemeente-assen",
    "gemeente-tynaarlo",
    "gemeente-coevorden",
    "gemeente-midden-drenthe",
]
USERNAME_PREFIX = {
    Role.EDITOR: "redacteur",
    Role.CASE_WORKER: "casus",
    Role.COORDINATOR: "coordinator",
    Role.REGISSEUR: "regisseur",
    Role.PACT_ADMIN: "pactbeheer",
}
FIRST_NAMES = [
    "Anouk",
    "Bram",
    "Carla",
    "Daan",
    "Eva",
    "Femke",
    "Gerrit",
    "Hanneke",
    "Ilse",
    "Jan",
    "Karin",
    "Lars",
    "Marieke",
    "Niels",
    "Olga",
    "Pieter",
    "Roos",
    "Sanne",
    "Tom",
    "Willemijn",
    "Yara",
    "Zeynep",
    "Ahmed",
    "Bart",
    "Chantal",
    "Dirk",
    "Esther",
    "Fatima",
    "Geert",
    "Hilde",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Hoekstra",
    "Mulder",
    "Smit",
    "Dijkstra",
    "Bos",
    "Kuipers",
    "Veenstra",
    "Meijer",
    "Postma",
    "van Dijk",
    "Boer",
    "Wolters",
    "Huisman",
    "Brouwer",
]


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
    org_slugs = [row[0] for row in ORGANISATIONS]
    members = {slug for pact in PACTS for slug in pact[6]}
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
                f"{USERNAME_PREFIX[Role.PACT_ADMIN]}.{pact[0]}",
                pact[5],
                Role.PACT_ADMIN,
                pact[0],
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
        slug: services.municipality_upsert(
            slug=slug, name=name, cbs_code=code, province="Drenthe"
        )
        for slug, name, code in MUNICIPALITIES
    }
    organisations: dict[str, Organisation] = {}
    for slug, name, short, kind, served, website, aliases in ORGANISATIONS:
        organisations[slug] = services.organisation_upsert(
            slug=slug,
            name=name,
            short_name=short,
            kind=kind,
            municipalities=[municipalities[m] for m in served],
            website=website,
            aliases=aliases,
        )
    for slug, name, kind, served, started, _coordinator, members in PACTS:
        pact_org = services.organisation_upsert(
            slug=f"pact-{slug}",
            name=name,
            kind=K.PACT,
            municipalities=[municipalities[m] for m in served],
            aliases="Armoedepact, Pact",
        )
        pact = services.pact_upsert(
            slug=slug,
            name=name,
            kind=kind,
            municipalities=[municipalities[m] for m in served],
            started_on=started,
            organisation=pact_org,
        )
        for member in members:
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
