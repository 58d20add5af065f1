"""Does an offering fit a resident's situation? ("Wat past bij mij?")

Pure logic, no database: the selector loads the rules and the norm amounts and calls
``evaluate`` per offering. Each condition of a rule answers *yes*, *no* or *unknown*
(the resident left it empty or chose "weet ik niet"):

* a rule **fits** when every condition says yes;
* it **might fit** when none says no and at least one is unknown;
* it **does not fit** when one says no.

An offering fits when one of its rules for the resident's municipality fits, might fit
when one might, and does not fit otherwise. The reason comes from the best rule (fewest
open questions, then the most that is known to hold: a rule about the resident's
teenager says more than one about every adult); what the resident gets lists the
benefit of every rule with that best outcome (Uitkering activiteiten: the parent's and
the teenager's). An offering without rules is open to everyone in its service area; one
outside the resident's municipality is never shown. "Other conditions" the form does
not ask about (a referral, a participation placement) keep an offering at "might fit".

Income limits are percentages of the social minimum for the resident's household,
converted to whole euros per month (rounded half up); the resident's net income is
compared with that rounded limit, so what the page says and what is decided agree.
Every verdict comes with one sentence in plain Dutch saying why.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from socialekaart.constants import (
    BENEFIT_TIMES_PER_YEAR,
    HOUSEHOLDS_WITH_CHILDREN,
    PENSIONER_HOUSEHOLDS,
    AgeSubject,
    BenefitPeriod,
    BenefitUnit,
    HouseholdType,
)

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


def euros(amount: Decimal | int) -> str:
    """``€ 1.616`` (whole euros, Dutch thousands separator)."""
    whole = Decimal(amount).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return "€ " + number_format(whole, decimal_pos=0, force_grouping=True)


def euros_cents(amount: Decimal | int) -> str:
    """``€ 1.600,00``: an amount with cents, in the active language's format."""
    cents = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return "€ " + number_format(cents, decimal_pos=2, force_grouping=True)


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


def income_limit(percent: int, norm: Decimal) -> Decimal:
    """The limit in whole euros per month: ``percent`` of ``norm``, rounded half up."""
    return (Decimal(norm) * Decimal(percent) / Decimal(100)).quantize(
        Decimal(1), rounding=ROUND_HALF_UP
    )


def join_clauses(clauses: Sequence[str]) -> str:
    if not clauses:
        return ""
    if len(clauses) == 1:
        return clauses[0]
    return _("%(first)s en %(last)s") % {
        "first": ", ".join(clauses[:-1]),
        "last": clauses[-1],
    }


def _sentence(text: str) -> str:
    text = text.strip()
    return (
        (text[:1].upper() + text[1:] + ("" if text.endswith(".") else "."))
        if text
        else ""
    )


def age_range(min_age: int | None, max_age: int | None) -> str:
    if min_age is not None and max_age is not None:
        return _("van %(min)d tot en met %(max)d jaar") % {
            "min": min_age,
            "max": max_age,
        }
    if min_age is not None:
        return _("van %(min)d jaar of ouder") % {"min": min_age}
    return _("tot en met %(max)d jaar") % {"max": max_age}


def _in_range(age: int, rule: Rule) -> bool:
    return (rule.min_age is None or age >= rule.min_age) and (
        rule.max_age is None or age <= rule.max_age
    )


def _check_income(
    rule: Rule, situation: Situation, norm: Decimal | None, check: _Check
):
    if rule.income_limit_percent is None:
        return None
    if norm is None:
        check.unknown.append(
            _(
                "het hangt af van uw inkomen: de grens is %(percent)d%% van het sociaal "
                "minimum"
            )
            % {"percent": rule.income_limit_percent}
        )
        return None
    limit = income_limit(rule.income_limit_percent, norm)
    values = {"limit": euros(limit)}
    if situation.income is None:
        check.unknown.append(
            _(
                "het hangt af van uw inkomen: de grens is %(limit)s per maand voor uw huishouden"
            )
            % values
        )
    elif situation.income < limit:
        check.yes.append(
            _("uw inkomen is lager dan %(limit)s, de grens voor deze regeling") % values
        )
    elif situation.income == limit:
        check.yes.append(
            _("uw inkomen is niet hoger dan %(limit)s, de grens voor deze regeling")
            % values
        )
    else:
        check.no.append(
            _("uw inkomen is hoger dan %(limit)s, de grens voor deze regeling") % values
        )
    return limit


def _check_household(rule: Rule, situation: Situation, check: _Check) -> None:
    if not rule.household_types:
        return
    if situation.household_type in rule.household_types:
        check.yes.append(_("de regeling is er voor uw soort huishouden"))
    else:
        check.no.append(_("de regeling is niet voor uw soort huishouden"))


def _check_child_age(rule: Rule, situation: Situation, check: _Check) -> None:
    span = age_range(rule.min_age, rule.max_age)
    if situation.children_ages:
        fitting = sorted(age for age in situation.children_ages if _in_range(age, rule))
        if fitting:
            check.yes.append(
                ngettext(
                    "u heeft een kind van %(ages)s jaar, en de regeling is voor kinderen %(span)s",
                    "u heeft kinderen van %(ages)s jaar, en de regeling is voor kinderen %(span)s",
                    len(fitting),
                )
                % {"ages": join_clauses([str(age) for age in fitting]), "span": span}
            )
        else:
            check.no.append(_("de regeling is voor kinderen %(span)s") % {"span": span})
    elif situation.household_type in HOUSEHOLDS_WITH_CHILDREN:
        check.unknown.append(
            _(
                "het hangt af van de leeftijd van uw kinderen: de regeling is voor kinderen %(span)s"
            )
            % {"span": span}
        )
    else:
        check.no.append(
            _("de regeling is voor gezinnen met kinderen %(span)s") % {"span": span}
        )


def _check_own_age(rule: Rule, situation: Situation, check: _Check) -> None:
    span = age_range(rule.min_age, rule.max_age)
    if situation.own_age is not None:
        values = {"age": situation.own_age, "span": span}
        if _in_range(situation.own_age, rule):
            check.yes.append(
                _("u bent %(age)d jaar, en de regeling is voor mensen %(span)s")
                % values
            )
        else:
            check.no.append(_("de regeling is voor mensen %(span)s") % values)
        return
    # Unknown own age: the form is for adults, and AOW households are 67 or older.
    assumed_min = (
        AOW_AGE if situation.household_type in PENSIONER_HOUSEHOLDS else ADULT_AGE
    )
    assumed_max = (
        None if situation.household_type in PENSIONER_HOUSEHOLDS else AOW_AGE - 1
    )
    min_ok = rule.min_age is None or rule.min_age <= assumed_min
    max_ok = rule.max_age is None or (
        assumed_max is not None and rule.max_age >= assumed_max
    )
    if min_ok and max_ok:
        return
    if rule.max_age is not None and rule.max_age < assumed_min:
        check.no.append(_("de regeling is voor mensen %(span)s") % {"span": span})
        return
    check.unknown.append(
        _("het hangt af van uw leeftijd: de regeling is voor mensen %(span)s")
        % {"span": span}
    )


def _check_duration(rule: Rule, situation: Situation, check: _Check) -> None:
    needed = rule.min_low_income_years
    if needed is None:
        return
    values = {"years": needed}
    if situation.low_income_years is None:
        check.unknown.append(
            ngettext(
                "het hangt af van hoe lang u al een laag inkomen heeft: minstens %(years)d jaar",
                "het hangt af van hoe lang u al een laag inkomen heeft: minstens %(years)d jaar",
                needed,
            )
            % values
        )
    elif situation.low_income_years >= needed:
        check.yes.append(
            _(
                "u heeft al %(have)d jaar een laag inkomen, en minstens %(years)d jaar is nodig"
            )
            % {"have": situation.low_income_years, "years": needed}
        )
    else:
        check.no.append(
            _("u moet minstens %(years)d jaar een laag inkomen hebben") % values
        )


def _unit_count(rule: Rule, situation: Situation) -> int | None:
    if rule.benefit_unit == BenefitUnit.ADULT:
        return 2 if situation.household_type in COUPLES else 1
    if rule.benefit_unit == BenefitUnit.CHILD:
        if not situation.children_ages:
            return None if situation.household_type in HOUSEHOLDS_WITH_CHILDREN else 0
        if rule.age_subject == AgeSubject.CHILD:
            return sum(1 for age in situation.children_ages if _in_range(age, rule))
        return len(situation.children_ages)
    return 1


def rule_amount(rule: Rule, situation: Situation) -> Amount | None:
    """The rule's fixed amount for this household, ``None`` when it has none."""
    if rule.benefit_amount is None:
        return None
    return Amount(
        amount=Decimal(rule.benefit_amount),
        period=rule.benefit_period,
        unit=rule.benefit_unit,
        count=_unit_count(rule, situation),
    )


def evaluate_rule(
    rule: Rule, situation: Situation, norm: Decimal | None
) -> tuple[_Check, Decimal | None]:
    check = _Check()
    limit = _check_income(rule, situation, norm, check)
    _check_household(rule, situation, check)
    if rule.min_age is not None or rule.max_age is not None:
        if rule.age_subject == AgeSubject.CHILD:
            _check_child_age(rule, situation, check)
        else:
            _check_own_age(rule, situation, check)
    _check_duration(rule, situation, check)
    return check, limit


def evaluate(
    rules: Iterable[Rule],
    situation: Situation,
    *,
    area_ids: Iterable[int],
    norms: Mapping[str, Decimal],
    other_conditions: str = "",
) -> Verdict | None:
    """The verdict for one offering, or ``None`` when it is not offered in the
    resident's municipality at all (neither in its service area nor in a rule).

    ``other_conditions``: conditions the rules cannot express (the offering's "andere
    voorwaarden"); an offering without rules but with such conditions might fit."""
    area = set(area_ids)
    rules = list(rules)
    norm = norms.get(situation.household_type)
    if situation.municipality_id not in area:
        return None
    applicable = [rule for rule in rules if rule.applies_in(situation.municipality_id)]
    for_everyone = _sentence(
        _("deze hulp is er voor iedereen in %(municipality)s")
        % {"municipality": situation.municipality_name or _("uw gemeente")}
    )
    other = _sentence(_("er zijn ook andere voorwaarden, lees ze hieronder"))
    if not rules and other_conditions.strip():
        return Verdict(
            Outcome.MIGHT_FIT,
            _sentence(
                _("misschien: het hangt af van andere voorwaarden, lees ze hieronder")
            ),
            open_questions=(other,),
        )
    if not rules:
        return Verdict(Outcome.FITS, for_everyone, because=(for_everyone,))
    if not applicable:
        return None
    checked = [(rule, *evaluate_rule(rule, situation, norm)) for rule in applicable]
    rule, check, limit = max(checked, key=lambda item: _rank(item[1]))
    outcome = check.outcome
    benefits = tuple(
        dict.fromkeys(
            other.benefit.strip()
            for other, other_check, _limit in checked
            if other_check.outcome == outcome and other.benefit.strip()
        )
    )
    amounts = tuple(
        amount
        for other, other_check, _limit in checked
        if other_check.outcome == outcome
        and (amount := rule_amount(other, situation)) is not None
        and amount.count != 0
    )
    criteria = {
        "because": tuple(_sentence(text) for text in check.yes),
        "open_questions": tuple(_sentence(text) for text in check.unknown),
        "against": tuple(_sentence(text) for text in check.no),
    }
    if outcome == Outcome.FITS and not check.yes:
        criteria["because"] = (for_everyone,)
    if outcome == Outcome.FITS and other_conditions.strip():
        outcome = Outcome.MIGHT_FIT
        criteria["open_questions"] = (other,)
        reason = _sentence(
            _("misschien: %(why)s, maar er zijn ook andere voorwaarden (zie hieronder)")
            % {"why": join_clauses(check.yes)}
            if check.yes
            else _("misschien: het hangt af van andere voorwaarden, lees ze hieronder")
        )
    elif outcome == Outcome.FITS:
        reason = _sentence(join_clauses(check.yes)) or for_everyone
    elif outcome == Outcome.MIGHT_FIT:
        reason = _sentence(
            _("misschien: %(why)s") % {"why": join_clauses(check.unknown)}
        )
    else:
        reason = _sentence(join_clauses(check.no))
    return Verdict(
        outcome,
        reason,
        benefits=benefits,
        income_limit=limit,
        amounts=amounts,
        **criteria,
    )


def _rank(check: _Check) -> tuple[int, int, int]:
    """Higher is better: the outcome, then the fewest open questions, then the most
    conditions known to hold. ``max`` keeps the first of equal rules."""
    return (check.outcome, -len(check.unknown), len(check.yes))
