"""Evaluating offerings for a situation: their rules read as values (no model
instances or modelcluster managers), one verdict each."""

from __future__ import annotations

from collections import defaultdict

from socialekaart.eligibility import Outcome, Rule, evaluate
from socialekaart.models import EligibilityRule, OrganisationPage, ServicePage
from socialekaart.selectors.matching.results import Match, ServiceSummary
from socialekaart.selectors.pages import STEPLEN

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
    "benefit_amount",
    "benefit_period",
    "benefit_unit",
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
        benefit_amount=rule.benefit_amount,
        benefit_period=rule.benefit_period,
        benefit_unit=rule.benefit_unit,
    )


def _rules_by_service(services) -> dict[int, list[Rule]]:

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
                benefit_amount=row["benefit_amount"],
                benefit_period=row["benefit_period"],
                benefit_unit=row["benefit_unit"],
            )
        )
    return result


def _organisation_titles() -> dict[str, str]:

    return dict(OrganisationPage.objects.values_list("path", "title"))


def _url(url_path: str, roots) -> str:
    for root in roots:
        if url_path.startswith(root.root_path):
            return "/" + url_path[len(root.root_path) :]
    return url_path


def _by_ids(ids: list[int]):
    """Services by id, without the filters that chose them (they were applied in the
    same request): a query on the primary key, however large the kaart."""

    return ServicePage.objects.filter(pk__in=ids)


def _evaluate(services, situation, norms, organisations, roots) -> list[Match]:
    """Every offering of ``services`` with its verdict (those not offered in the
    municipality at all are left out)."""
    rules = _rules_by_service(services)
    result = []
    rows = services.order_by("title", "pk").values(
        "pk",
        "path",
        "url_path",
        "title",
        "summary",
        "is_free",
        "is_automatic",
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
        if verdict is None:
            continue
        summary = ServiceSummary(
            pk=row["pk"],
            title=row["title"],
            summary=row["summary"],
            url=_url(row["url_path"], roots),
            is_free=row["is_free"],
            is_automatic=row["is_automatic"],
            status=row["status"],
            organisation_title=organisations.get(row["path"][:-STEPLEN], ""),
            other_conditions=row["eligibility_note"]
            if verdict.outcome == Outcome.MIGHT_FIT
            else "",
        )
        result.append(Match(summary, verdict))
    return result
