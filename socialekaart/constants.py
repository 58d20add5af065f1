"""Choices and named constants of the sociale kaart."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ServiceStatus(models.TextChoices):
    """The life of a help offering. Ended offerings stay online (people look for them)
    but leave the search index and the listings; see docs/socialekaart.md."""

    ACTIVE = "active", _("Actief")
    TEMPORARILY_CLOSED = "temporarily_closed", _("Tijdelijk gesloten")
    ENDED = "ended", _("Gestopt")


class HouseholdType(models.TextChoices):
    """Household types of the Participatiewet norms, as residents recognise them.

    Couples with and without children have the same norm; they are separate here
    because offerings (and "Wat past bij mij?") ask about children.
    """

    SINGLE = "single", _("Alleenstaand")
    SINGLE_PARENT = "single_parent", _("Alleenstaande ouder")
    COUPLE = "couple", _("Samenwonend of getrouwd, zonder kinderen")
    COUPLE_WITH_CHILDREN = (
        "couple_with_children",
        _("Samenwonend of getrouwd, met kinderen"),
    )
    SINGLE_PENSIONER = "single_pensioner", _("Alleenstaand, met AOW")
    COUPLE_PENSIONER = "couple_pensioner", _("Samenwonend of getrouwd, met AOW")


HOUSEHOLDS_WITH_CHILDREN = frozenset(
    {HouseholdType.SINGLE_PARENT, HouseholdType.COUPLE_WITH_CHILDREN}
)
PENSIONER_HOUSEHOLDS = frozenset(
    {HouseholdType.SINGLE_PENSIONER, HouseholdType.COUPLE_PENSIONER}
)


class AgeSubject(models.TextChoices):
    """Whose age an eligibility rule's age limits are about."""

    CHILD = "child", _("Een kind in het huishouden")
    APPLICANT = "applicant", _("De aanvrager")


class BenefitPeriod(models.TextChoices):
    """How often a rule's amount is paid; ``PER_YEAR`` says how many times a year
    (a one-off counts once in the yearly estimate)."""

    ONCE = "once", _("eenmalig")
    MONTH = "month", _("per maand")
    HALF_YEAR = "half_year", _("per half jaar")
    YEAR = "year", _("per jaar")


BENEFIT_TIMES_PER_YEAR = {
    BenefitPeriod.ONCE: 1,
    BenefitPeriod.MONTH: 12,
    BenefitPeriod.HALF_YEAR: 2,
    BenefitPeriod.YEAR: 1,
}


class BenefitUnit(models.TextChoices):
    """Who the amount is for: the household once, every adult, or every child the
    rule is about (inside its age limits)."""

    HOUSEHOLD = "household", _("per huishouden")
    ADULT = "adult", _("per volwassene")
    CHILD = "child", _("per kind")


class ReportKind(models.TextChoices):
    WRONG_PHONE = "wrong_phone", _("Het telefoonnummer klopt niet")
    WRONG_ADDRESS = "wrong_address", _("Het adres of de openingstijden kloppen niet")
    CLOSED = "closed", _("Deze hulp bestaat niet meer of is gesloten")
    OTHER = "other", _("Iets anders klopt niet")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    HANDLED = "handled", _("Afgehandeld")
    REJECTED = "rejected", _("Geen fout (afgewezen)")


class Weekday(models.TextChoices):
    """ISO weekday numbers as strings, with the RFC 5545 code HSDS uses (see WEEKDAY_ICAL)."""

    MONDAY = "1", _("maandag")
    TUESDAY = "2", _("dinsdag")
    WEDNESDAY = "3", _("woensdag")
    THURSDAY = "4", _("donderdag")
    FRIDAY = "5", _("vrijdag")
    SATURDAY = "6", _("zaterdag")
    SUNDAY = "7", _("zondag")


WEEKDAY_ICAL = {
    "1": "MO",
    "2": "TU",
    "3": "WE",
    "4": "TH",
    "5": "FR",
    "6": "SA",
    "7": "SU",
}

# ISO 639-1 codes of the languages spoken at services in the region (HSDS ``language``).
LANGUAGE_CHOICES = [
    # With a context: the site's language switch translates "Nederlands" as itself.
    ("nl", pgettext_lazy("gesproken taal", "Nederlands")),
    ("en", _("Engels")),
    ("de", _("Duits")),
    ("ar", _("Arabisch")),
    ("tr", _("Turks")),
    ("pl", _("Pools")),
    ("uk", _("Oekraïens")),
    ("ru", _("Russisch")),
    ("ti", _("Tigrinya")),
    ("fa", _("Perzisch (Farsi)")),
    ("so", _("Somalisch")),
    ("fy", _("Fries")),
    ("sgn", _("Nederlandse Gebarentaal")),
]

SUMMARY_MAX_LENGTH = 160
"""B1 summaries: one or two short sentences (the issue asks for at most ~160)."""

FRESHNESS_REMINDER_INTERVAL_DAYS = 14
"""An editor is reminded about the same stale page at most once per this many days."""

# "Report a mistake": a person can send this many reports per hour (counted in the
# cache by a keyed hash of the address, never stored), and must spend at least this
# long on the form; a form older than the maximum age is refused (stale or replayed).
REPORT_RATE_LIMIT_PER_HOUR = 5
REPORT_MIN_SECONDS = 3
REPORT_MAX_AGE_SECONDS = 2 * 60 * 60
REPORT_MAX_LINKS = 1


# Fields of organisation and service pages that only professionals see: never in the
# public pages, the search index or HSDS (docs/hsds.md).
PROFESSIONAL_FIELDS = (
    "professional_notes",
    "professional_handover",
    "professional_phone",
)
