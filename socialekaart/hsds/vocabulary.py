"""The taxonomies the sociale kaart publishes in HSDS, with stable ids and URIs.

Three taxonomies (``/api/hsds/taxonomies``):

* **Categorieën** and **Doelgroepen**: the pact's own snippets (``Category``,
  ``TargetGroup``); a term's id is the snippet's UUID, its code the slug.
* **Voorwaarden en kenmerken (NL)**: fixed terms, defined here, for what HSDS has no
  field for: the conditions of an eligibility rule (income limit as a percentage of the
  statutory social minimum, household types, ages of the applicant or of a child,
  minimum years of low income, the municipalities a rule holds in) and a few service
  and building features. Their ids are UUIDv5 of the term code in ``NAMESPACE``, so they
  are the same in every installation (another sociale kaart's export uses the same ids),
  and each term has a ``urn:armoedepact:hsds:...`` URI.

How the terms are used in ``attributes`` is in docs/hsds.md and decision 0051.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from socialekaart.constants import HouseholdType

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:armoedepact:hsds")
URN = "urn:armoedepact:hsds"
LANGUAGE = "nl"


def derived_id(base: uuid.UUID | str, label: str) -> str:
    """A stable UUID for a sub-object that has no UUID of its own (a phone number, a
    service area, a service at a location): UUIDv5 of ``label`` under ``base``."""
    return str(uuid.uuid5(uuid.UUID(str(base)), label))


@dataclass(frozen=True)
class Taxonomy:
    key: str
    name: str
    description: str
    version: str = "1"

    @property
    def id(self) -> str:
        return str(uuid.uuid5(NAMESPACE, f"taxonomy:{self.key}"))

    @property
    def uri(self) -> str:
        return f"{URN}:taxonomie:{self.key}"

    def as_hsds(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "uri": self.uri,
            "version": self.version,
        }


CATEGORIES = Taxonomy(
    "categorieen",
    "Categorieën van de sociale kaart",
    "De thema's waarin inwoners hulp zoeken (Geld en schulden, Eten en kleding, ...). "
    "Het pact beheert deze lijst; de code van een term is de korte naam in adressen.",
)
TARGET_GROUPS = Taxonomy(
    "doelgroepen",
    "Doelgroepen van de sociale kaart",
    "Voor wie een hulpaanbod bedoeld is (Ouders, Ouderen, ...). Het pact beheert deze "
    "lijst; de code van een term is de korte naam in adressen.",
)
CONDITIONS = Taxonomy(
    "voorwaarden",
    "Voorwaarden en kenmerken (NL sociale kaart)",
    "Voorwaarden waarvoor HSDS geen veld heeft: de regels van een hulpaanbod "
    "(inkomensgrens als percentage van het wettelijk sociaal minimum, soorten "
    "huishoudens, leeftijd van de aanvrager of van een kind, minimaal aantal jaren laag "
    "inkomen, gemeenten waar een regel geldt) en enkele kenmerken van hulp en gebouwen. "
    "Zie docs/hsds.md van het armoedepactplatform.",
)
TAXONOMIES = (CATEGORIES, TARGET_GROUPS, CONDITIONS)

# link_type values of our attributes (an open code list in HSDS).
LINK_CATEGORY = "category"
LINK_AUDIENCE = "audience"
LINK_ELIGIBILITY = "eligibility"
LINK_FEATURE = "feature"
LINK_ACCESSIBILITY = "accessibility"
# link_entity of the attributes that describe one eligibility rule (link_id: its UUID).
ENTITY_RULE = "eligibility_rule"


@dataclass(frozen=True)
class Term:
    code: str
    name: str
    description: str
    parent: str = ""
    value: str = ""  # what the attribute's value holds ("" = no value)

    @property
    def id(self) -> str:
        return str(uuid.uuid5(NAMESPACE, f"term:{CONDITIONS.key}:{self.code}"))

    @property
    def uri(self) -> str:
        return f"{URN}:{CONDITIONS.key}:{self.code}"

    def as_hsds(self, *, nested: bool = False) -> dict:
        data: dict[str, object] = {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "description": self.description,
            "taxonomy": CONDITIONS.name,
            "language": LANGUAGE,
            "taxonomy_id": CONDITIONS.id,
            "term_uri": self.uri,
        }
        if self.parent:
            data["parent_id"] = TERMS[self.parent].id
        if not nested:
            data["taxonomy_detail"] = CONDITIONS.as_hsds()
        return data


# Codes of the fixed terms.
RULE = "regel"
MUNICIPALITY = "gemeente"
INCOME_LIMIT = "inkomensgrens-wsm"
HOUSEHOLD = "huishouden"
APPLICANT_MIN_AGE = "leeftijd-aanvrager-minimum"
APPLICANT_MAX_AGE = "leeftijd-aanvrager-maximum"
CHILD_MIN_AGE = "leeftijd-kind-minimum"
CHILD_MAX_AGE = "leeftijd-kind-maximum"
LOW_INCOME_YEARS = "jaren-laag-inkomen-minimum"
BENEFIT = "wat-u-krijgt"
OTHER_CONDITIONS = "andere-voorwaarden"
KEYWORDS = "zoekwoorden"
AT_HOME = "aan-huis"
AUTOMATIC = "automatisch-toegekend"
WHEELCHAIR = "rolstoeltoegankelijk"
ACCESSIBLE_TOILET = "toegankelijk-toilet"
HEARING_LOOP = "ringleiding"
PARKING = "parkeren-bij-de-deur"

# Household type (our code) <-> term code.
HOUSEHOLD_TERMS: dict[str, str] = {
    HouseholdType.SINGLE: "huishouden-alleenstaand",
    HouseholdType.SINGLE_PARENT: "huishouden-alleenstaande-ouder",
    HouseholdType.COUPLE: "huishouden-samen-zonder-kinderen",
    HouseholdType.COUPLE_WITH_CHILDREN: "huishouden-samen-met-kinderen",
    HouseholdType.SINGLE_PENSIONER: "huishouden-alleenstaand-aow",
    HouseholdType.COUPLE_PENSIONER: "huishouden-samen-aow",
}
HOUSEHOLD_BY_TERM = {code: household for household, code in HOUSEHOLD_TERMS.items()}

# Location fields (booleans) <-> accessibility term codes.
ACCESSIBILITY_TERMS = {
    "is_wheelchair_accessible": WHEELCHAIR,
    "has_accessible_toilet": ACCESSIBLE_TOILET,
    "has_hearing_loop": HEARING_LOOP,
    "has_parking": PARKING,
}

_TERM_LIST = [
    Term(
        RULE,
        "Regel",
        "Eén regel van een hulpaanbod: wie er in aanmerking komt. De attributen met "
        "link_entity 'eligibility_rule' en dezelfde link_id horen bij één regel en "
        "gelden samen; een aanbod met meer regels geldt als één van de regels klopt. "
        "Waarde: het volgnummer van de regel (1, 2, ...).",
        value="integer",
    ),
    Term(
        MUNICIPALITY,
        "Geldt in gemeente",
        "De regel geldt alleen in deze gemeente (meer attributen: in elk van deze "
        "gemeenten). Geen attribuut: in het hele werkgebied van het aanbod. Waarde: de "
        "CBS-gemeentecode, bijvoorbeeld GM0106 (Assen).",
        value="CBS-code",
    ),
    Term(
        INCOME_LIMIT,
        "Inkomensgrens (% van het sociaal minimum)",
        "Het netto inkomen is niet hoger dan dit percentage van het wettelijk sociaal "
        "minimum (de bijstandsnorm) voor het huishouden. Waarde: een geheel getal, "
        "bijvoorbeeld 120.",
        value="integer",
    ),
    Term(
        HOUSEHOLD,
        "Soort huishouden",
        "De regel is alleen voor de soorten huishouden die als kind-term van deze term "
        "genoemd worden (meer attributen: één van deze soorten).",
    ),
    Term(
        HOUSEHOLD_TERMS[HouseholdType.SINGLE],
        "Alleenstaand",
        "Een alleenstaande zonder kinderen, jonger dan de AOW-leeftijd.",
        parent=HOUSEHOLD,
    ),
    Term(
        HOUSEHOLD_TERMS[HouseholdType.SINGLE_PARENT],
        "Alleenstaande ouder",
        "Een alleenstaande met één of meer kinderen in huis.",
        parent=HOUSEHOLD,
    ),
    Term(
        HOUSEHOLD_TERMS[HouseholdType.COUPLE],
        "Samenwonend of getrouwd, zonder kinderen",
        "Twee volwassenen die samen een huishouden voeren, zonder kinderen in huis.",
        parent=HOUSEHOLD,
    ),
    Term(
        HOUSEHOLD_TERMS[HouseholdType.COUPLE_WITH_CHILDREN],
        "Samenwonend of getrouwd, met kinderen",
        "Twee volwassenen met één of meer kinderen in huis.",
        parent=HOUSEHOLD,
    ),
    Term(
        HOUSEHOLD_TERMS[HouseholdType.SINGLE_PENSIONER],
        "Alleenstaand, met AOW",
        "Een alleenstaande die de AOW-leeftijd heeft bereikt.",
        parent=HOUSEHOLD,
    ),
    Term(
        HOUSEHOLD_TERMS[HouseholdType.COUPLE_PENSIONER],
        "Samenwonend of getrouwd, met AOW",
        "Een stel waarvan één of beiden de AOW-leeftijd heeft bereikt.",
        parent=HOUSEHOLD,
    ),
    Term(
        APPLICANT_MIN_AGE,
        "Minimumleeftijd van de aanvrager",
        "De aanvrager is minstens zo oud (in jaren). Waarde: een geheel getal.",
        value="integer",
    ),
    Term(
        APPLICANT_MAX_AGE,
        "Maximumleeftijd van de aanvrager",
        "De aanvrager is hoogstens zo oud, tot en met (in jaren). Waarde: een geheel "
        "getal.",
        value="integer",
    ),
    Term(
        CHILD_MIN_AGE,
        "Minimumleeftijd van een kind",
        "Er is een kind in het huishouden dat minstens zo oud is (in jaren); de regeling "
        "is voor dat kind. Waarde: een geheel getal.",
        value="integer",
    ),
    Term(
        CHILD_MAX_AGE,
        "Maximumleeftijd van een kind",
        "Er is een kind in het huishouden dat hoogstens zo oud is, tot en met (in "
        "jaren). Waarde: een geheel getal.",
        value="integer",
    ),
    Term(
        LOW_INCOME_YEARS,
        "Minimaal aantal jaren laag inkomen",
        "Het huishouden heeft al minstens zoveel jaar een laag inkomen (onder de "
        "inkomensgrens van de regel). Waarde: een geheel getal.",
        value="integer",
    ),
    Term(
        BENEFIT,
        "Wat u krijgt",
        "Wat iemand krijgt met dit aanbod (bij een regel: onder deze regel), in "
        "eenvoudige taal. Waarde: tekst.",
        value="text",
    ),
    Term(
        OTHER_CONDITIONS,
        "Andere voorwaarden",
        "Voorwaarden die niet in de regels passen, bijvoorbeeld over spaargeld. Waarde: "
        "tekst.",
        value="text",
    ),
    Term(
        KEYWORDS,
        "Zoekwoorden",
        "Woorden die inwoners gebruiken als ze dit aanbod zoeken. Waarde: tekst, "
        "gescheiden door komma's.",
        value="text",
    ),
    Term(
        AT_HOME,
        "Hulp aan huis",
        "De organisatie komt voor deze hulp bij mensen thuis. Waarde: true.",
        value="boolean",
    ),
    Term(
        AUTOMATIC,
        "Automatisch toegekend",
        "Mensen krijgen dit zonder aanvraag, als ze aan de voorwaarden voldoen "
        "(bijvoorbeeld een landelijke regeling die de uitvoerder zelf toekent). "
        "Waarde: true.",
        value="boolean",
    ),
    Term(
        WHEELCHAIR,
        "Toegankelijk met rolstoel",
        "Het gebouw is toegankelijk met een rolstoel. Waarde: true of false.",
        value="boolean",
    ),
    Term(
        ACCESSIBLE_TOILET,
        "Toegankelijk toilet",
        "Er is een toilet voor mensen met een rolstoel. Waarde: true of false.",
        value="boolean",
    ),
    Term(
        HEARING_LOOP,
        "Ringleiding",
        "Er is een ringleiding voor mensen met een hoortoestel. Waarde: true of false.",
        value="boolean",
    ),
    Term(
        PARKING,
        "Parkeren bij de deur",
        "Er is een parkeerplaats dichtbij de ingang. Waarde: true of false.",
        value="boolean",
    ),
]
TERMS: dict[str, Term] = {term.code: term for term in _TERM_LIST}
TERMS_BY_ID: dict[str, Term] = {term.id: term for term in _TERM_LIST}


def snippet_term(term, taxonomy: Taxonomy, *, nested: bool = False) -> dict:
    """A ``Category`` or ``TargetGroup`` as an HSDS taxonomy term."""
    data = {
        "id": str(term.uuid),
        "code": term.slug,
        "name": term.name,
        "description": term.description or term.name,
        "taxonomy": taxonomy.name,
        "language": LANGUAGE,
        "taxonomy_id": taxonomy.id,
        "term_uri": f"{URN}:{taxonomy.key}:{term.slug}",
    }
    if not nested:
        data["taxonomy_detail"] = taxonomy.as_hsds()
    return data
