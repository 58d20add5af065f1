"""The answer to "Wat past bij mij?": which offerings of the municipality fit.

Rows are read with ``values()`` and the rules' municipality table directly (no model
instances or modelcluster managers): the answer stays quick with thousands of offerings.
"""

from __future__ import annotations

import datetime

from wagtail.models import Site

from socialekaart.eligibility import Outcome, Situation
from socialekaart.selectors.matching.best_first import _evaluate_best_first
from socialekaart.selectors.matching.evaluation import (
    _by_ids,
    _evaluate,
    _organisation_titles,
)
from socialekaart.selectors.matching.national import _national_ids
from socialekaart.selectors.matching.results import (
    NOT_FIT_SHOWN,
    MatchResult,
    order_key,
)
from socialekaart.selectors.narrowing import could_fit_q
from socialekaart.selectors.norms import norm_status
from socialekaart.selectors.pages import live_services


def services_matching(
    situation: Situation,
    *,
    day: datetime.date | None = None,
    narrow: bool = True,
    limit: int | None = None,
) -> MatchResult:
    """Offerings in the resident's municipality that fit or might fit ``situation``,
    each with the verdict, its reasons and amounts, in the order of ``order_key``;
    and a few that do not fit, with the reason, and how many. Reads nothing about
    the resident from anywhere and writes nothing. A fixed number of queries
    whatever the number of offerings.

    The database first leaves out the offerings that cannot fit (``narrowing``);
    ``narrow=False`` evaluates every offering of the municipality instead, the
    reference the property tests compare with (same answers, slower).

    ``limit``: the page shows that many per group, so walk the municipality's
    offerings best first and stop once ``limit`` fit (``best_first``, decision 0074);
    ``unchecked`` says how many were not looked at, and
    ``does_not_fit_counted_all`` whether the count of what does not fit is complete.
    Without a limit every candidate is evaluated."""

    norm = norm_status(day)
    period = norm.period
    norms = norm.amounts
    in_municipality = live_services().filter(
        municipalities__pk=situation.municipality_id
    )
    national = _national_ids()
    if national:
        # Schemes of national organisations are pointers, not the pact's offerings.
        in_municipality = in_municipality.exclude(pk__in=national)
    organisations = _organisation_titles()
    roots = Site.get_site_root_paths()
    unchecked = 0
    left_out: list[int] = []
    counted_all = True
    norm_amount = norms.get(situation.household_type)
    if not narrow:
        matches = _evaluate(in_municipality, situation, norms, organisations, roots)
    elif limit is None:
        # Every candidate is evaluated; those the database leaves out are counted.
        could_fit = could_fit_q(situation, norm_amount)
        left_out = list(
            in_municipality.exclude(could_fit).order_by().values_list("pk", flat=True)
        )
        matches = _evaluate(
            in_municipality.filter(could_fit),
            situation,
            norms,
            organisations,
            roots,
        )
    else:
        matches, left_out, unchecked, counted_all = _evaluate_best_first(
            in_municipality,
            situation,
            norms,
            organisations,
            roots,
            limit=limit,
        )
    not_fit_count = len(left_out)
    fits = sorted(
        (m for m in matches if m.verdict.outcome == Outcome.FITS), key=order_key
    )
    might_fit = sorted(
        (m for m in matches if m.verdict.outcome == Outcome.MIGHT_FIT), key=order_key
    )
    not_fit = [m for m in matches if m.verdict.outcome == Outcome.DOES_NOT_FIT]
    not_fit_count += len(not_fit)
    room = NOT_FIT_SHOWN - len(not_fit)
    if left_out and room > 0:
        # Left out by the database: give the reason for a few (any few).
        sample = _evaluate(
            _by_ids(left_out[:room]),
            situation,
            norms,
            organisations,
            roots,
        )
        not_fit += [m for m in sample if m.verdict.outcome == Outcome.DOES_NOT_FIT]
    not_fit.sort(key=lambda m: (m.page.title, m.page.pk))
    return MatchResult(
        fits=fits,
        might_fit=might_fit,
        norm_period=period,
        norm=norm,
        does_not_fit=not_fit[:NOT_FIT_SHOWN],
        does_not_fit_count=not_fit_count,
        unchecked=unchecked,
        does_not_fit_counted_all=counted_all,
    )
