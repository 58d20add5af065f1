"""Content rules: is an offering or organisation page complete and consistent?

Issue 11 found pages that said "meld u aan op de website" without a website, contact
sections with nothing in them, "voor iedereen" next to "alleen via een hulpverlener",
and the same income table twice. These rules find such pages. They read a plain
``PageContent`` (built from a saved page by ``socialekaart.selectors.content`` or from
the admin form being saved), so they are pure functions, tested on their own.

Two levels (decision 0081):

* ``ERROR``: a resident would be stuck or misled (no way to reach anyone, a website
  the text sends him to that is not there, "voor iedereen" when it is not). Blocks
  submitting for approval and publishing; a draft can always be saved, with the
  problems shown, so nothing an editor typed is lost.
* ``WARNING``: the page works but could be clearer (no steps, two rules with the same
  conditions, "bel ons" without a number). Shown on save and in the report; never
  blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

ERROR = "error"
WARNING = "warning"

SERVICE = "service"
ORGANISATION = "organisation"

# The text sends people to a website.
_WEBSITE = re.compile(
    r"\b(website|webpagina|internetpagina|online|digitaal aanvragen|op internet)\b",
    re.IGNORECASE,
)
# The text asks people to call / e-mail.
_CALL = re.compile(r"\b(bel|belt|bellen|telefonisch)\b", re.IGNORECASE)
_MAIL = re.compile(r"\b(mail|mailt|e-mail|e-mailen|mailen)\b", re.IGNORECASE)
# Only through a professional: "alleen via een hulpverlener", "een hulpverlener
# meldt u aan", "een hulpverlener doet de aanvraag", "neem een verwijzing mee".
_REFERRAL = re.compile(
    r"\b(alleen|uitsluitend)\b[^.]{0,40}\b(hulpverlener|verwijzing|verwijzer|"
    r"consulent|professional)"
    r"|\bhulpverlener\b[^.]{0,30}\b(meldt u aan|doet de aanvraag|vraagt [^.]{0,20}aan)"
    r"|\bverwijzing\b[^.]{0,30}\b(nodig|mee)\b",
    re.IGNORECASE,
)


def plain_text(value) -> str:
    """Rich text, a stream of blocks or a string, as plain text."""
    if value is None:
        return ""
    if hasattr(value, "raw_data") or isinstance(value, list):
        parts: list[str] = []
        for block in value:
            block_value = getattr(block, "value", block)
            if isinstance(block_value, dict) or hasattr(block_value, "items"):
                parts.extend(str(v) for v in block_value.values() if v)
            else:
                parts.append(str(block_value))
        return " ".join(parts)
    return " ".join(unescape(strip_tags(str(value))).split())


@dataclass(frozen=True)
class RuleFacts:
    """The conditions of one eligibility rule (``EligibilityRule``)."""

    number: int
    income_limit_percent: int | None = None
    household_types: tuple[str, ...] = ()
    age_subject: str = ""
    min_age: int | None = None
    max_age: int | None = None
    min_low_income_years: int | None = None
    benefit: str = ""
    municipalities: frozenset[str] = frozenset()

    @property
    def has_conditions(self) -> bool:
        return bool(
            self.income_limit_percent
            or self.household_types
            or self.min_age is not None
            or self.max_age is not None
            or self.min_low_income_years
        )

    @property
    def conditions(self) -> tuple:
        return (
            self.income_limit_percent,
            tuple(sorted(self.household_types)),
            self.age_subject if self.min_age is not None or self.max_age else "",
            self.min_age,
            self.max_age,
            self.min_low_income_years,
            self.benefit.strip().lower(),
        )


@dataclass
class PageContent:
    """What the rules look at, for an offering (``SERVICE``) or an organisation."""

    kind: str
    title: str = ""
    texts: dict[str, str] = field(default_factory=dict)
    phone: str = ""
    email: str = ""
    website: str = ""
    has_walk_in: bool = False
    has_locations: bool = False
    is_at_home: bool = False
    # An offering falls back on its organisation's contact details.
    organisation_phone: str = ""
    organisation_email: str = ""
    organisation_website: str = ""
    organisation_has_walk_in: bool = False
    has_steps: bool = False
    eligibility_note: str = ""
    rules: list[RuleFacts] = field(default_factory=list)

    @property
    def all_text(self) -> str:
        return "\n".join(text for text in self.texts.values() if text)

    @property
    def any_phone(self) -> str:
        return self.phone or self.organisation_phone

    @property
    def any_email(self) -> str:
        return self.email or self.organisation_email

    @property
    def any_website(self) -> str:
        return self.website or self.organisation_website

    @property
    def any_walk_in(self) -> bool:
        return self.has_walk_in or self.organisation_has_walk_in

    @property
    def says_for_everyone(self) -> bool:
        """Would the page tell residents "voor iedereen"?"""
        return not self.rules or any(not rule.has_conditions for rule in self.rules)


@dataclass(frozen=True)
class Problem:
    code: str
    level: str
    message: str
    # The admin form field the editor should change (for the form's error), or "".
    field: str = ""

    @property
    def is_error(self) -> bool:
        return self.level == ERROR


def check_content(content: PageContent) -> list[Problem]:
    """Every problem of ``content``, errors first."""
    problems: list[Problem] = []
    for rule in (_contact, _website, _phone, _email, _referral, _rules, _steps):
        problems.extend(rule(content))
    return sorted(problems, key=lambda p: p.level != ERROR)


def _contact(content: PageContent) -> list[Problem]:
    reachable = (
        content.any_phone
        or content.any_email
        or content.any_website
        or content.any_walk_in
        or content.has_locations
        or content.is_at_home
    )
    if reachable:
        return []
    return [
        Problem(
            "no_contact",
            ERROR,
            _(
                "Inwoners kunnen niemand bereiken: vul een telefoonnummer, "
                "e-mailadres, website of inloopspreekuur in, of kies een locatie."
            ),
            "phone",
        )
    ]


def _website(content: PageContent) -> list[Problem]:
    if content.any_website or not _WEBSITE.search(content.all_text):
        return []
    return [
        Problem(
            "website_missing",
            ERROR,
            _(
                "De tekst stuurt inwoners naar de website, maar er staat geen website "
                "bij. Vul de website in (‘Waar en contact’) of pas de tekst aan."
            ),
            "website",
        )
    ]


def _phone(content: PageContent) -> list[Problem]:
    if content.any_phone or not _CALL.search(content.all_text):
        return []
    return [
        Problem(
            "phone_missing",
            WARNING,
            _(
                "De tekst vraagt inwoners om te bellen, maar er staat geen "
                "telefoonnummer bij."
            ),
            "phone",
        )
    ]


def _email(content: PageContent) -> list[Problem]:
    if content.any_email or not _MAIL.search(content.all_text):
        return []
    return [
        Problem(
            "email_missing",
            WARNING,
            _(
                "De tekst vraagt inwoners om te mailen, maar er staat geen "
                "e-mailadres bij."
            ),
            "email",
        )
    ]


def _referral(content: PageContent) -> list[Problem]:
    if content.kind != SERVICE or not content.says_for_everyone:
        return []
    if _REFERRAL.search(content.eligibility_note):
        return []  # said where residents read who it is for
    if not _REFERRAL.search(content.all_text):
        return []
    return [
        Problem(
            "referral_for_everyone",
            ERROR,
            _(
                "De pagina zegt ‘voor iedereen’, maar de tekst zegt dat het alleen via "
                "een hulpverlener kan. Schrijf dat bij ‘Andere voorwaarden’ (‘Voor "
                "wie’)."
            ),
            "eligibility_note",
        )
    ]


def _rules(content: PageContent) -> list[Problem]:
    problems = []
    seen: dict[tuple, RuleFacts] = {}
    for rule in content.rules:
        earlier = seen.get(rule.conditions)
        if earlier is not None:
            problems.append(
                Problem(
                    "duplicate_rules",
                    WARNING,
                    _(
                        "Regel %(first)d en regel %(second)d hebben dezelfde "
                        "voorwaarden. Zet hun gemeenten in één regel."
                    )
                    % {"first": earlier.number, "second": rule.number},
                )
            )
        else:
            seen[rule.conditions] = rule
    return problems


def _steps(content: PageContent) -> list[Problem]:
    if content.kind != SERVICE or content.has_steps:
        return []
    return [
        Problem(
            "no_steps",
            WARNING,
            _(
                "Er staat niet hoe inwoners het aanvragen. Vul ‘Zo vraagt u het aan’ "
                "in, stap voor stap."
            ),
            "application_steps",
        )
    ]
