"""The verdict for one offering: its rules for the resident's municipality, the best
one deciding (see the package docstring)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.utils.translation import gettext as _

from socialekaart.eligibility.conditions import evaluate_rule, rule_amount
from socialekaart.eligibility.situation import Outcome, Rule, Situation, Verdict, _Check
from socialekaart.eligibility.wording import _sentence, join_clauses


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
