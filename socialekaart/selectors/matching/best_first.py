"""The municipality's offerings best first, kept in the cache, walked in windows
(issue 9, decision 0074)."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Subquery,
)

from pact.selectors import content_generation
from socialekaart.eligibility import Outcome, Situation
from socialekaart.models import EligibilityRule
from socialekaart.selectors.matching.evaluation import _by_ids, _evaluate
from socialekaart.selectors.matching.results import Match
from socialekaart.selectors.narrowing import could_fit_q


def best_first(services):
    """``services`` in the order most likely to matter, in SQL: without applying,
    free, the largest fixed amount of a rule, the name (``order_key`` decides the
    final order among what is evaluated)."""

    top_amount = (
        EligibilityRule.objects.filter(page=OuterRef("pk"))
        .order_by()
        .values("page")
        .annotate(top=Max("benefit_amount"))
        .values("top")
    )
    return services.annotate(top_amount=Subquery(top_amount)).order_by(
        F("is_automatic").desc(),
        F("is_free").desc(),
        F("top_amount").desc(nulls_last=True),
        "title",
        "pk",
    )


def _candidates(
    in_municipality, situation: Situation, norm
) -> tuple[list[int], list[int]]:
    """The offerings of ``in_municipality`` that could fit (``could_fit_q``), best
    first, and those the database rules out, in one query."""

    could_fit = ExpressionWrapper(
        could_fit_q(situation, norm), output_field=BooleanField()
    )
    candidates: list[int] = []
    left_out: list[int] = []
    rows = best_first(in_municipality.annotate(could_fit=could_fit)).values_list(
        "pk", "could_fit"
    )
    for pk, fits in rows:
        (candidates if fits else left_out).append(pk)
    return candidates, left_out


BEST_FIRST_SECONDS = 3600
"""How long the municipality's offerings in best-first order are kept in the cache.
The key holds the public content's generation (``pact.selectors.content_generation``),
so any change of the kaart makes a new list; this only bounds what an unused one
occupies."""


def _best_first_ids(in_municipality, municipality_id: int) -> list[int]:
    """The ids of ``in_municipality`` best first (``best_first``). The same for every
    resident of the municipality until the kaart changes, so kept in the cache: page
    ids only, nothing about the resident. One query when not kept (or the cache is
    down)."""
    key = f"kaart:best-first:{content_generation()}:{municipality_id}"
    ids = cache.get(key)
    if ids is None:
        ids = list(best_first(in_municipality).values_list("pk", flat=True))
        cache.set(key, ids, BEST_FIRST_SECONDS)
    return ids


def _evaluate_best_first(
    in_municipality,
    situation: Situation,
    norms,
    organisations,
    roots,
    *,
    limit: int,
) -> tuple[list[Match], list[int], int, bool]:
    """Evaluate the municipality's offerings best first until ``limit`` fit: the
    matches, the ids the database ruled out among those looked at, how many were
    not looked at, and whether the ruled-out ids are all of them.

    First the best ``8 x limit`` offerings, in windows of ``2 x limit``: for each
    window one query says which could fit (``could_fit_q``) and those are evaluated
    (three queries). This is what keeps the answer quick at 10,000 offerings (issue
    9): nothing is read of the offerings that are not looked at. Those that might
    fit are the ones met on the way; the page says how many were not looked at and
    "Laat alles zien" evaluates every one.

    When fewer than ``limit`` fit among those (a resident for whom little fits),
    the database narrows all the municipality's offerings in one pass and the best
    remaining candidates are evaluated, up to ``8 x limit`` more: the counts are
    then complete and ``unchecked`` counts candidates only."""
    norm = norms.get(situation.household_type)
    could = could_fit_q(situation, norm)
    ordered = _best_first_ids(in_municipality, situation.municipality_id)
    batch = 2 * max(limit, 1)
    most = 8 * max(limit, 1)
    matches: list[Match] = []
    left_out: list[int] = []
    fits = looked = 0
    while fits < limit and looked < min(len(ordered), most):
        window = ordered[looked : looked + batch]
        looked += len(window)
        possible = set(_by_ids(window).filter(could).values_list("pk", flat=True))
        left_out += [pk for pk in window if pk not in possible]
        found = _evaluate(
            _by_ids([pk for pk in window if pk in possible]),
            situation,
            norms,
            organisations,
            roots,
        )
        matches += found
        fits += sum(1 for m in found if m.verdict.outcome == Outcome.FITS)
    if fits >= limit or looked >= len(ordered):
        return matches, left_out, len(ordered) - looked, looked >= len(ordered)
    seen = set(ordered[:looked])
    candidates, left_out = _candidates(in_municipality, situation, norm)
    rest = [pk for pk in candidates if pk not in seen]
    evaluated = 0
    for start in range(0, len(rest), batch):
        chunk = rest[start : start + batch]
        found = _evaluate(_by_ids(chunk), situation, norms, organisations, roots)
        matches += found
        evaluated += len(chunk)
        fits += sum(1 for m in found if m.verdict.outcome == Outcome.FITS)
        if fits >= limit or evaluated >= most:
            break
    return matches, left_out, len(rest) - evaluated, True
