"""Reads for "Wat past bij mij?": which offerings fit a resident's situation.

Rows are read with ``values()`` and the rules' municipality table directly (no model
instances or modelcluster managers): the answer stays quick with thousands of offerings.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from socialekaart.eligibility import Outcome, Rule, Situation, Verdict, evaluate
from socialekaart.selectors.narrowing import could_fit_q
from socialekaart.selectors.norms import NormStatus, norm_status
from socialekaart.selectors.pages import STEPLEN, live_services


@dataclass(frozen=True)
class ServiceSummary:
    """What a result card shows of an offering."""

    pk: int
    title: str
    summary: str
    url: str
    is_free: bool
    status: str
    organisation_title: str
    other_conditions: str = ""


@dataclass
class Match:
    page: ServiceSummary
    verdict: Verdict


@dataclass
class MatchResult:
    fits: list[Match]
    might_fit: list[Match]
    norm_period: object | None
    norm: NormStatus | None = None


RULE_FIELDS = (
    "pk",
    "page_id",
    "income_limit_percent",
    "household_types",
    "age_subject",
    "min_age",
    "max_age",
    "min_low_income_years",
    "benefit",
)


def rule_from_model(rule) -> Rule:
    return Rule(
        municipality_ids=frozenset(m.pk for m in rule.municipalities.all()),
        income_limit_percent=rule.income_limit_percent,
        household_types=frozenset(rule.household_types or []),
        age_subject=rule.age_subject,
        min_age=rule.min_age,
        max_age=rule.max_age,
        min_low_income_years=rule.min_low_income_years,
        benefit=rule.benefit,
    )


def _rules_by_service(services) -> dict[int, list[Rule]]:
    from socialekaart.models import EligibilityRule

    rules = EligibilityRule.objects.filter(page__in=services.values("pk")).order_by(
        "page_id", "sort_order", "pk"
    )
    through = EligibilityRule.municipalities.through
    places: dict[int, set[int]] = defaultdict(set)
    for rule_id, municipality_id in through.objects.filter(
        eligibilityrule__in=rules.values("pk")
    ).values_list("eligibilityrule_id", "municipality_id"):
        places[rule_id].add(municipality_id)
    result: dict[int, list[Rule]] = defaultdict(list)
    for row in rules.values(*RULE_FIELDS):
        result[row["page_id"]].append(
            Rule(
                municipality_ids=frozenset(places.get(row["pk"], ())),
                income_limit_percent=row["income_limit_percent"],
                household_types=frozenset(row["household_types"] or []),
                age_subject=row["age_subject"],
                min_age=row["min_age"],
                max_age=row["max_age"],
                min_low_income_years=row["min_low_income_years"],
                benefit=row["benefit"],
            )
        )
    return result


def _organisation_titles() -> dict[str, str]:
    from socialekaart.models import OrganisationPage

    return dict(OrganisationPage.objects.values_list("path", "title"))


def _url(url_path: str, roots) -> str:
    for root in roots:
        if url_path.startswith(root.root_path):
            return "/" + url_path[len(root.root_path) :]
    return url_path


def services_matching(
    situation: Situation,
    *,
    day: datetime.date | None = None,
    narrow: bool = True,
) -> MatchResult:
    """Offerings in the resident's municipality that fit or might fit ``situation``,
    each with the verdict and its one-sentence reason. Reads nothing about the
    resident from anywhere and writes nothing. Seven queries whatever the number of
    offerings.

    The database first leaves out the offerings that cannot fit (``narrowing``);
    ``narrow=False`` evaluates every offering of the municipality instead, the
    reference the property tests compare with (same answers, slower)."""
    from wagtail.models import Site

    norm = norm_status(day)
    period = norm.period
    norms = norm.amounts
    services = live_services().filter(municipalities__pk=situation.municipality_id)
    if narrow:
        services = services.filter(
            could_fit_q(situation, norms.get(situation.household_type))
        )
    rules = _rules_by_service(services)
    organisations = _organisation_titles()
    roots = Site.get_site_root_paths()
    fits: list[Match] = []
    might_fit: list[Match] = []
    rows = services.order_by("title", "pk").values(
        "pk",
        "path",
        "url_path",
        "title",
        "summary",
        "is_free",
        "status",
        "eligibility_note",
    )
    for row in rows:
        verdict = evaluate(
            rules.get(row["pk"], []),
            situation,
            area_ids=[situation.municipality_id],
            norms=norms,
            other_conditions=row["eligibility_note"],
        )
        if verdict is None or verdict.outcome == Outcome.DOES_NOT_FIT:
            continue
        summary = ServiceSummary(
            pk=row["pk"],
            title=row["title"],
            summary=row["summary"],
            url=_url(row["url_path"], roots),
            is_free=row["is_free"],
            status=row["status"],
            organisation_title=organisations.get(row["path"][:-STEPLEN], ""),
            other_conditions=row["eligibility_note"]
            if verdict.outcome == Outcome.MIGHT_FIT
            else "",
        )
        (fits if verdict.outcome == Outcome.FITS else might_fit).append(
            Match(summary, verdict)
        )
    return MatchResult(fits=fits, might_fit=might_fit, norm_period=period, norm=norm)
