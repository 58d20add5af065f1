"""Choices and named constants of vroegsignalering (see ``docs/vroegsignalering.md``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArrearsKind(models.TextChoices):
    """What the arrears are for. The CSV codes are the values."""

    RENT = "huur", _("Huur")
    ENERGY = "energie", _("Energie")
    WATER = "water", _("Water")
    HEALTH_INSURANCE = "zorgverzekering", _("Zorgverzekering")
    MUNICIPAL_TAXES = "gemeentebelasting", _("Gemeentelijke belastingen")
    TAX_OFFICE = "belastingdienst", _("Belastingdienst of Toeslagen")


# Kinds whose arrears threaten the home itself (eviction, cut-off), with their weight.
HOME_THREAT_POINTS = {
    ArrearsKind.RENT: 10,
    ArrearsKind.ENERGY: 8,
    ArrearsKind.WATER: 5,
}


class HouseholdStatus(models.TextChoices):
    NEW = "nieuw", _("Nieuw, nog niet ingepland")
    PLANNED = "ingepland", _("Ingepland")
    LETTER_SENT = "brief_verstuurd", _("Brief verstuurd, wacht op reactie")
    IN_CONTACT = "in_contact", _("In contact")
    ACCEPTED = "hulp_aanvaard", _("Hulp aanvaard")
    DECLINED = "hulp_afgewezen", _("Hulp afgewezen")
    NO_CONTACT = "geen_contact", _("Geen contact gekregen")


CLOSED_STATUSES = (
    HouseholdStatus.ACCEPTED,
    HouseholdStatus.DECLINED,
    HouseholdStatus.NO_CONTACT,
)


class NextStep(models.TextChoices):
    PLAN = "inplannen", _("Inplannen")
    VISIT = "huisbezoek", _("Huisbezoek")
    CALL = "bellen", _("Bellen")
    LETTER = "brief", _("Brief sturen")
    FOLLOW_UP = "nabellen", _("Nagaan of er reactie is")
    OUTCOME = "uitkomst", _("Uitkomst vastleggen")
    NONE = "geen", _("Geen (afgesloten)")


class AttemptKind(models.TextChoices):
    LETTER = "brief", _("Brief")
    CALL = "telefoon", _("Telefoon")
    VISIT = "huisbezoek", _("Huisbezoek")


class DeclineReason(models.TextChoices):
    """Why help was declined: a fixed list, no free text (data minimisation)."""

    SOLVED_SELF = "zelf_opgelost", _("Lost het zelf op of heeft al betaald")
    HAS_HELP = "heeft_al_hulp", _("Heeft al hulp (bewindvoerder, schuldhulp)")
    PAYMENT_PLAN = (
        "betalingsregeling",
        _("Heeft een betalingsregeling met de schuldeiser"),
    )
    NO_TRUST = "geen_vertrouwen", _("Wil geen hulp van de gemeente")
    NOT_NOW = "niet_nu", _("Wil nu geen hulp")
    OTHER = "anders", _("Andere reden")


class RoutingCondition(models.TextChoices):
    KNOWN_CLIENT = "bekend", _("Als het huishouden bij deze partner bekend is")
    EVERYONE = "iedereen", _("Alle andere huishoudens")


class RoutingReason(models.TextChoices):
    KNOWN_CLIENT = "bekend", _("Bekend bij deze partner")
    RULE = "regel", _("Volgens de regel voor alle andere huishoudens")
    MANUAL = "handmatig", _("Door de regisseur toegewezen")


class ImportSource(models.TextChoices):
    UPLOAD = "upload", _("Bestand geüpload")
    COMMAND = "opdracht", _("Opdracht op de server")
    API = "api", _("Koppeling van de schuldeiser (API-sleutel)")


# Reports of the same creditor about the same household within this many days merge
# into one signal (the latest amount counts; the repeat raises the score).
MERGE_PERIOD_DAYS = 90
# After a letter the resident has this many days to react before the follow-up.
LETTER_FOLLOW_UP_DAYS = 14
# After contact the outcome is due within this many days.
OUTCOME_DAYS = 10
# The national share of households that accept help after a signal (Assen: 19%).
NATIONAL_ACCEPTED_RATE = 0.35
# The most signal rows one file may hold (a month of a large municipality is ~3,000).
MAX_IMPORT_ROWS = 20_000
QUEUE_PAGE_SIZE = 50
