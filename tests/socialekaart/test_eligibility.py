"""Eligibility matching ("Wat past bij mij?"): examples from the documents, and
property-based tests (hypothesis) against a plain statement of the rules."""

from __future__ import annotations

from decimal import Decimal

from django.utils import translation

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from socialekaart.constants import (
    HOUSEHOLDS_WITH_CHILDREN,
    PENSIONER_HOUSEHOLDS,
    AgeSubject,
    HouseholdType,
)
from socialekaart.eligibility import (
    ADULT_AGE,
    AOW_AGE,
    Outcome,
    Rule,
    Situation,
    evaluate,
    income_limit,
)
from tests.factories.socialekaart import NORMS_2024

ASSEN, COEVORDEN = 1, 2


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def verdict(rules, situation, area=(ASSEN, COEVORDEN), norms=NORMS_2024):
    return evaluate(rules, situation, area_ids=area, norms=norms)


class DocumentExampleTests:
    """The figures of the 2024 Assen report come out of the norm table."""

    def test_120_percent_for_a_single_person_is_1491_euros(self):
        assert income_limit(120, NORMS_2024[HouseholdType.SINGLE]) == Decimal("1491")

    def test_130_percent_for_a_single_person_is_1616_euros(self):
        assert income_limit(130, NORMS_2024[HouseholdType.SINGLE]) == Decimal("1616")

    def test_couples_get_the_multi_person_amounts(self):
        norm = NORMS_2024[HouseholdType.COUPLE]
        assert income_limit(120, norm) == Decimal("2131")  # EUR 2,130.90 in the report
        assert income_limit(130, norm) == Decimal("2308")

    def test_income_below_the_limit_fits_with_the_reason_in_one_sentence(self):
        result = verdict(
            [Rule(income_limit_percent=130)],
            Situation(ASSEN, HouseholdType.SINGLE, income=Decimal("1400")),
        )
        assert result.outcome == Outcome.FITS
        assert (
            result.reason
            == "Uw inkomen is lager dan € 1.616, de grens voor deze regeling."
        )

    def test_income_equal_to_the_limit_still_fits(self):
        result = verdict(
            [Rule(income_limit_percent=130)],
            Situation(ASSEN, HouseholdType.SINGLE, income=Decimal("1616")),
        )
        assert result.outcome == Outcome.FITS
        assert "niet hoger dan € 1.616" in result.reason

    def test_unknown_income_might_fit_and_says_the_limit(self):
        result = verdict(
            [Rule(income_limit_percent=120)],
            Situation(ASSEN, HouseholdType.SINGLE),
        )
        assert result.outcome == Outcome.MIGHT_FIT
        assert result.reason.startswith("Misschien:")
        assert "€ 1.491" in result.reason

    def test_income_above_the_limit_does_not_fit(self):
        result = verdict(
            [Rule(income_limit_percent=120)],
            Situation(ASSEN, HouseholdType.SINGLE, income=Decimal("1600")),
        )
        assert result.outcome == Outcome.DOES_NOT_FIT

    def test_individual_income_supplement_needs_three_years(self):
        rules = [Rule(income_limit_percent=120, min_low_income_years=3)]
        low = Decimal("1200")
        assert (
            verdict(
                rules,
                Situation(ASSEN, HouseholdType.SINGLE, income=low, low_income_years=3),
            ).outcome
            == Outcome.FITS
        )
        assert (
            verdict(
                rules,
                Situation(ASSEN, HouseholdType.SINGLE, income=low, low_income_years=2),
            ).outcome
            == Outcome.DOES_NOT_FIT
        )
        assert (
            verdict(rules, Situation(ASSEN, HouseholdType.SINGLE, income=low)).outcome
            == Outcome.MIGHT_FIT
        )

    def test_uitkering_activiteiten_gives_the_benefit_of_the_matching_rule(self):
        rules = [
            Rule(income_limit_percent=130, min_age=18, benefit="€ 165"),
            Rule(
                income_limit_percent=130,
                age_subject=AgeSubject.CHILD,
                max_age=11,
                benefit="€ 165 per kind",
            ),
            Rule(
                income_limit_percent=130,
                age_subject=AgeSubject.CHILD,
                min_age=12,
                max_age=17,
                benefit="€ 350 per kind",
            ),
        ]
        teenager = Situation(
            ASSEN,
            HouseholdType.SINGLE_PARENT,
            income=Decimal("1500"),
            children_ages=(14,),
            own_age=40,
        )
        result = verdict(rules[1:], teenager)
        assert result.outcome == Outcome.FITS
        assert result.benefit == "€ 350 per kind."
        assert "u heeft een kind van 14 jaar" in result.reason

    def test_every_benefit_the_household_can_get_is_listed(self):
        # Uitkering activiteiten: the parent and the teenager each get something.
        rules = [
            Rule(income_limit_percent=130, min_age=18, benefit="€ 165 per volwassene."),
            Rule(
                income_limit_percent=130,
                age_subject=AgeSubject.CHILD,
                max_age=11,
                benefit="€ 165 per kind tot 12 jaar.",
            ),
            Rule(
                income_limit_percent=130,
                age_subject=AgeSubject.CHILD,
                min_age=12,
                max_age=17,
                benefit="€ 350 per kind van 12 tot 18 jaar.",
            ),
        ]
        parent_of_a_teenager = Situation(
            ASSEN,
            HouseholdType.SINGLE_PARENT,
            income=Decimal("1500"),
            children_ages=(13,),
        )
        result = verdict(rules, parent_of_a_teenager)
        assert result.outcome == Outcome.FITS
        assert (
            result.benefit == "€ 165 per volwassene. € 350 per kind van 12 tot 18 jaar."
        )
        # The reason is that of the rule that says the most about this household.
        assert "u heeft een kind van 13 jaar" in result.reason

        unknown_income = Situation(
            ASSEN, HouseholdType.SINGLE_PARENT, children_ages=(13,)
        )
        result = verdict(rules, unknown_income)
        assert result.outcome == Outcome.MIGHT_FIT
        assert "€ 350 per kind" in result.benefit
        assert "tot 12 jaar" not in result.benefit  # no child under 12

    def test_other_conditions_make_a_fitting_offer_a_maybe(self):
        # Participatiepremie: only for people on a participation placement, which
        # "Wat past bij mij?" does not ask.
        result = evaluate(
            [Rule(income_limit_percent=120)],
            Situation(ASSEN, HouseholdType.SINGLE, income=Decimal("1200")),
            area_ids=[ASSEN],
            norms=NORMS_2024,
            other_conditions="U werkt op een participatieplaats.",
        )
        assert result.outcome == Outcome.MIGHT_FIT
        assert result.reason == (
            "Misschien: uw inkomen is lager dan € 1.491, de grens voor deze regeling, "
            "maar er zijn ook andere voorwaarden (zie hieronder)."
        )

    def test_other_conditions_do_not_rescue_a_no(self):
        result = evaluate(
            [Rule(income_limit_percent=120)],
            Situation(ASSEN, HouseholdType.SINGLE, income=Decimal("1600")),
            area_ids=[ASSEN],
            norms=NORMS_2024,
            other_conditions="U werkt op een participatieplaats.",
        )
        assert result.outcome == Outcome.DOES_NOT_FIT

    def test_rules_hold_per_municipality(self):
        rules = [
            Rule(
                municipality_ids=frozenset({ASSEN}),
                age_subject=AgeSubject.CHILD,
                min_age=4,
                max_age=17,
            ),
            Rule(
                municipality_ids=frozenset({COEVORDEN}),
                age_subject=AgeSubject.CHILD,
                min_age=0,
                max_age=17,
            ),
        ]
        toddler = (2,)
        assert (
            verdict(
                rules,
                Situation(ASSEN, HouseholdType.SINGLE_PARENT, children_ages=toddler),
            ).outcome
            == Outcome.DOES_NOT_FIT
        )
        assert (
            verdict(
                rules,
                Situation(
                    COEVORDEN, HouseholdType.SINGLE_PARENT, children_ages=toddler
                ),
            ).outcome
            == Outcome.FITS
        )

    def test_outside_the_service_area_there_is_no_verdict(self):
        assert verdict([], Situation(3, HouseholdType.SINGLE)) is None

    def test_without_rules_it_is_for_everyone_in_the_area(self):
        result = verdict(
            [], Situation(ASSEN, HouseholdType.SINGLE, municipality_name="Assen")
        )
        assert result.outcome == Outcome.FITS
        assert result.reason == "Deze hulp is er voor iedereen in Assen."

    def test_other_conditions_without_rules_make_it_a_maybe(self):
        result = evaluate(
            [],
            Situation(ASSEN, HouseholdType.SINGLE),
            area_ids=[ASSEN],
            norms=NORMS_2024,
            other_conditions="Een hulpverlener meldt u aan.",
        )
        assert result.outcome == Outcome.MIGHT_FIT

    def test_missing_norm_makes_an_income_rule_a_maybe(self):
        result = verdict(
            [Rule(income_limit_percent=120)],
            Situation(ASSEN, HouseholdType.SINGLE, income=Decimal(900)),
            norms={},
        )
        assert result.outcome == Outcome.MIGHT_FIT
        assert "120% van het sociaal minimum" in result.reason


# --- Property-based: the verdict agrees with a plain statement of the rules -------------

households = st.sampled_from(list(HouseholdType))
ages = st.integers(min_value=0, max_value=100)
optional_age = st.none() | st.integers(min_value=0, max_value=80)


@st.composite
def rules(draw):
    min_age, max_age = draw(optional_age), draw(optional_age)
    if min_age is not None and max_age is not None and max_age < min_age:
        min_age, max_age = max_age, min_age
    return Rule(
        municipality_ids=frozenset(
            draw(st.sets(st.sampled_from([ASSEN, COEVORDEN]), max_size=2))
        ),
        income_limit_percent=draw(st.none() | st.integers(min_value=50, max_value=200)),
        household_types=frozenset(draw(st.sets(households, max_size=3))),
        age_subject=draw(st.sampled_from(list(AgeSubject))),
        min_age=min_age,
        max_age=max_age,
        min_low_income_years=draw(st.none() | st.integers(min_value=1, max_value=5)),
    )


@st.composite
def situations(draw):
    return Situation(
        municipality_id=draw(st.sampled_from([ASSEN, COEVORDEN])),
        household_type=draw(households),
        income=draw(st.none() | st.integers(min_value=0, max_value=4000).map(Decimal)),
        children_ages=tuple(
            draw(st.lists(st.integers(min_value=0, max_value=25), max_size=4))
        ),
        own_age=draw(st.none() | st.integers(min_value=16, max_value=100)),
        low_income_years=draw(st.none() | st.integers(min_value=0, max_value=8)),
    )


def _in(age, rule):
    return (rule.min_age is None or age >= rule.min_age) and (
        rule.max_age is None or age <= rule.max_age
    )


def spec_rule(rule: Rule, s: Situation):
    """True, False or None (unknown), condition by condition, as docs/socialekaart.md states."""
    answers = []
    if rule.income_limit_percent is not None:
        norm = NORMS_2024.get(s.household_type)
        if s.income is None:
            answers.append(None)
        else:
            answers.append(s.income <= income_limit(rule.income_limit_percent, norm))
    if rule.household_types:
        answers.append(s.household_type in rule.household_types)
    if rule.min_age is not None or rule.max_age is not None:
        if rule.age_subject == AgeSubject.CHILD:
            if s.children_ages:
                answers.append(any(_in(age, rule) for age in s.children_ages))
            elif s.household_type in HOUSEHOLDS_WITH_CHILDREN:
                answers.append(None)
            else:
                answers.append(False)
        elif s.own_age is not None:
            answers.append(_in(s.own_age, rule))
        else:
            pensioner = s.household_type in PENSIONER_HOUSEHOLDS
            low, high = (AOW_AGE, None) if pensioner else (ADULT_AGE, AOW_AGE - 1)
            covers = (rule.min_age is None or rule.min_age <= low) and (
                rule.max_age is None or (high is not None and rule.max_age >= high)
            )
            if covers:
                answers.append(True)
            elif rule.max_age is not None and rule.max_age < low:
                answers.append(False)
            else:
                answers.append(None)
    if rule.min_low_income_years is not None:
        answers.append(
            None
            if s.low_income_years is None
            else s.low_income_years >= rule.min_low_income_years
        )
    if False in answers:
        return Outcome.DOES_NOT_FIT
    if None in answers:
        return Outcome.MIGHT_FIT
    return Outcome.FITS


class EligibilityPropertyTests:
    @given(st.lists(rules(), min_size=1, max_size=4), situations())
    def test_verdict_is_the_best_applicable_rule(self, rule_list, situation):
        result = verdict(rule_list, situation)
        applicable = [r for r in rule_list if r.applies_in(situation.municipality_id)]
        if not applicable:
            assert result is None
            return
        assert result.outcome == max(spec_rule(r, situation) for r in applicable)

    @given(st.lists(rules(), min_size=1, max_size=4), situations())
    def test_other_conditions_never_fit_for_sure(self, rule_list, situation):
        result = evaluate(
            rule_list,
            situation,
            area_ids=(ASSEN, COEVORDEN),
            norms=NORMS_2024,
            other_conditions="Een hulpverlener meldt u aan.",
        )
        applicable = [r for r in rule_list if r.applies_in(situation.municipality_id)]
        if not applicable:
            assert result is None
            return
        expected = min(
            max(spec_rule(r, situation) for r in applicable), Outcome.MIGHT_FIT
        )
        assert result.outcome == expected

    @given(
        st.lists(rules(), min_size=1, max_size=4),
        situations(),
        st.integers(min_value=1, max_value=1000),
    )
    def test_a_lower_income_never_makes_it_worse(self, rule_list, situation, less):
        assume(situation.income is not None)
        poorer = Situation(
            **{**situation.__dict__, "income": max(Decimal(0), situation.income - less)}
        )
        before, after = verdict(rule_list, situation), verdict(rule_list, poorer)
        if before is not None:
            assert after.outcome >= before.outcome

    @given(
        st.lists(rules(), min_size=1, max_size=4),
        situations(),
        st.integers(min_value=0, max_value=4000),
    )
    def test_telling_the_income_never_rescues_a_no(self, rule_list, situation, income):
        unknown = Situation(**{**situation.__dict__, "income": None})
        known = Situation(**{**situation.__dict__, "income": Decimal(income)})
        before, after = verdict(rule_list, unknown), verdict(rule_list, known)
        if before is not None and before.outcome == Outcome.DOES_NOT_FIT:
            assert after.outcome == Outcome.DOES_NOT_FIT
        if before is not None and before.outcome == Outcome.FITS:
            assert after.outcome == Outcome.FITS

    @given(st.lists(rules(), max_size=4), situations())
    def test_every_verdict_has_one_plain_sentence(self, rule_list, situation):
        result = verdict(rule_list, situation)
        if result is None:
            return
        assert result.reason[:1].isupper()
        assert result.reason.endswith(".")
        assert result.reason.count(". ") == 0  # one sentence
        if result.outcome == Outcome.MIGHT_FIT:
            assert result.reason.startswith("Misschien:")
