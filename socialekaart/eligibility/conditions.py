"""The conditions of one rule, each checked against the resident's situation: yes, no or
unknown, with the reason in plain Dutch."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from socialekaart.constants import (
    HOUSEHOLDS_WITH_CHILDREN,
    PENSIONER_HOUSEHOLDS,
    AgeSubject,
    BenefitUnit,
)
from socialekaart.eligibility.situation import (
    ADULT_AGE,
    AOW_AGE,
    COUPLES,
    Amount,
    Rule,
    Situation,
    _Check,
)
from socialekaart.eligibility.wording import age_range, euros, join_clauses


def income_limit(percent: int, norm: Decimal) -> Decimal:
    """The limit in whole euros per month: ``percent`` of ``norm``, rounded half up."""
    return (Decimal(norm) * Decimal(percent) / Decimal(100)).quantize(
        Decimal(1), rounding=ROUND_HALF_UP
    )


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
