"""Narrowing "Wat past bij mij?" in the database (issue 9, decision 0072).

``evaluate`` (socialekaart.eligibility) decides in Python, with a sentence for the
resident. With thousands of offerings most of that work is spent on offerings that
cannot fit. ``could_fit_q`` keeps, in SQL, only the offerings in the resident's
municipality that have no rules, or a rule that holds there and that no condition the
database can check rules out:

* household: the rule names household types and the resident's is not among them;
* income: the resident's income is above the rule's limit for the norm in force. The
  limit is a whole number of euros, rounded half up from ``percent x norm / 100``; it
  grows with the percentage, so "income above the limit" is "percentage below the
  smallest percentage whose limit reaches the income", computed here once;
* age of a child: the resident gave children's ages and none is in the rule's range,
  or the household has no children;
* own age: given and out of range; or not given and the range ends below the youngest
  age the household type implies (18, or 67 with AOW);
* years on a low income: given and fewer than the rule needs.

Each of these is exactly a "no" of ``evaluate``, and an offering all of whose
applicable rules say "no" (or that has rules none of which applies in the
municipality) gets no verdict or "does not fit". So narrowing never changes an answer;
``tests/socialekaart/test_what_fits_me_narrowing.py`` compares it with evaluating every
offering, for generated rules and situations.
"""

from __future__ import annotations

import json
from decimal import Decimal

from django.db.models import Exists, OuterRef, Q

from socialekaart.constants import (
    HOUSEHOLDS_WITH_CHILDREN,
    PENSIONER_HOUSEHOLDS,
    AgeSubject,
)
from socialekaart.eligibility import ADULT_AGE, AOW_AGE, Situation, income_limit
from socialekaart.models import EligibilityRule

# Above any percentage a rule can hold (the field allows up to 400).
_NEVER = 10_000


def smallest_percent_reaching(income: Decimal, norm: Decimal) -> int:
    """The smallest whole percentage whose limit (``income_limit``) is at least
    ``income``: rules with a lower percentage rule the resident out. The limit never
    falls as the percentage grows, so a binary search finds it."""
    low, high = 0, _NEVER
    if income_limit(high, norm) < income:
        return high + 1
    while low < high:
        middle = (low + high) // 2
        if income_limit(middle, norm) < income:
            low = middle + 1
        else:
            high = middle
    return low


def _in_range(age: int) -> Q:
    return (Q(min_age__isnull=True) | Q(min_age__lte=age)) & (
        Q(max_age__isnull=True) | Q(max_age__gte=age)
    )


def _age_limited() -> Q:
    return Q(min_age__isnull=False) | Q(max_age__isnull=False)


def rule_not_ruled_out_q(situation: Situation, norm: Decimal | None) -> Q:
    """Rules that no condition checkable in SQL rules out for ``situation``."""
    household = Q(household_types=[]) | Q(
        household_types__icontains=json.dumps(str(situation.household_type))
    )
    conditions = household
    if situation.income is not None and norm is not None:
        conditions &= Q(income_limit_percent__isnull=True) | Q(
            income_limit_percent__gte=smallest_percent_reaching(
                Decimal(situation.income), Decimal(norm)
            )
        )
    # Ages of children.
    child_rule = Q(age_subject=AgeSubject.CHILD) & _age_limited()
    if situation.children_ages:
        any_child = Q()
        for age in sorted(set(situation.children_ages)):
            any_child |= _in_range(age)
        conditions &= ~child_rule | any_child
    elif situation.household_type not in HOUSEHOLDS_WITH_CHILDREN:
        conditions &= ~child_rule
    # The resident's own age.
    own_rule = ~Q(age_subject=AgeSubject.CHILD) & _age_limited()
    if situation.own_age is not None:
        conditions &= ~own_rule | _in_range(situation.own_age)
    else:
        youngest = (
            AOW_AGE if situation.household_type in PENSIONER_HOUSEHOLDS else ADULT_AGE
        )
        conditions &= ~own_rule | Q(max_age__isnull=True) | Q(max_age__gte=youngest)
    if situation.low_income_years is not None:
        conditions &= Q(min_low_income_years__isnull=True) | Q(
            min_low_income_years__lte=situation.low_income_years
        )
    return conditions


def could_fit_q(situation: Situation, norm: Decimal | None) -> Q:
    """A filter on services: no rules at all, or some rule that applies in the
    resident's municipality and is not ruled out (see the module docstring)."""
    rules = EligibilityRule.objects.filter(page=OuterRef("pk"))
    applicable = rules.filter(
        Q(municipalities__isnull=True) | Q(municipalities=situation.municipality_id)
    )
    return ~Exists(rules) | Exists(
        applicable.filter(rule_not_ruled_out_q(situation, norm))
    )
