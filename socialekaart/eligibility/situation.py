"""What a resident told us, what a rule asks, and the verdict on an offering."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import ngettext

from socialekaart.constants import (
    BENEFIT_TIMES_PER_YEAR,
    AgeSubject,
    BenefitPeriod,
    BenefitUnit,
    HouseholdType,
)
from socialekaart.eligibility.wording import _sentence, euros_cents

ADULT_AGE = 18
AOW_AGE = 67


class Outcome(enum.IntEnum):
    """Ordered: a higher value is a better answer for the resident."""

    DOES_NOT_FIT = 0
    MIGHT_FIT = 1
    FITS = 2


@dataclass(frozen=True)
class Rule:
    municipality_ids: frozenset[int] = frozenset()
    income_limit_percent: int | None = None
    household_types: frozenset[str] = frozenset()
    age_subject: str = AgeSubject.APPLICANT
    min_age: int | None = None
    max_age: int | None = None
    min_low_income_years: int | None = None
    benefit: str = ""
    benefit_amount: Decimal | None = None
    benefit_period: str = BenefitPeriod.YEAR
    benefit_unit: str = BenefitUnit.HOUSEHOLD

    def applies_in(self, municipality_id: int) -> bool:
        return not self.municipality_ids or municipality_id in self.municipality_ids


@dataclass(frozen=True)
class Situation:
    """What the resident told us. ``None`` means "weet ik niet" or left empty."""

    municipality_id: int
    household_type: str
    income: Decimal | None = None
    children_ages: tuple[int, ...] = ()
    own_age: int | None = None
    low_income_years: int | None = None
    municipality_name: str = ""


COUPLES = frozenset(
    {
        HouseholdType.COUPLE,
        HouseholdType.COUPLE_WITH_CHILDREN,
        HouseholdType.COUPLE_PENSIONER,
    }
)


@dataclass(frozen=True)
class Amount:
    """What one rule pays, in euros: ``amount`` each ``period`` for each ``unit``;
    ``count`` units in the resident's household (``None``: we do not know how many
    children), so ``yearly`` is the estimate per year (a one-off counts once)."""

    amount: Decimal
    period: str
    unit: str
    count: int | None

    @property
    def yearly(self) -> Decimal | None:
        if self.count is None:
            return None
        times = BENEFIT_TIMES_PER_YEAR[BenefitPeriod(self.period)]
        return self.amount * self.count * times


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    reason: str
    benefits: tuple[str, ...] = ()
    income_limit: Decimal | None = None
    amounts: tuple[Amount, ...] = ()
    because: tuple[str, ...] = ()
    open_questions: tuple[str, ...] = ()
    against: tuple[str, ...] = ()

    @property
    def yearly(self) -> Decimal | None:
        """The estimate per year over the amounts we can count, ``None`` without
        any."""
        known = [a.yearly for a in self.amounts if a.yearly is not None]
        return sum(known, Decimal(0)) if known else None

    @property
    def benefit(self) -> str:
        """What the resident gets, as sentences (empty when the rules do not say)."""
        return " ".join(_sentence(benefit) for benefit in self.benefits)


@dataclass
class _Check:
    yes: list[str] = field(default_factory=list)
    no: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    @property
    def outcome(self) -> Outcome:
        if self.no:
            return Outcome.DOES_NOT_FIT
        if self.unknown:
            return Outcome.MIGHT_FIT
        return Outcome.FITS


def amount_text(amount: Amount) -> str:
    """``€ 350,00 per kind per jaar``; with the count and the yearly estimate when
    more than one unit counts: ``... (2 kinderen: € 700,00 per jaar)``."""
    text = " ".join(
        [
            euros_cents(amount.amount),
            *(
                [str(BenefitUnit(amount.unit).label)]
                if amount.unit != BenefitUnit.HOUSEHOLD
                else []
            ),
            str(BenefitPeriod(amount.period).label),
        ]
    )
    if amount.count and amount.count > 1:
        what = (
            ngettext("%(count)d kind", "%(count)d kinderen", amount.count)
            if amount.unit == BenefitUnit.CHILD
            else ngettext("%(count)d volwassene", "%(count)d volwassenen", amount.count)
        ) % {"count": amount.count}
        total = euros_cents(amount.amount * amount.count)
        text += " (" + what + ": " + total + ")"
    return text
