"""Reads for "Wat past bij mij?": which offerings fit a resident's situation.

Rows are read with ``values()`` and the rules' municipality table directly (no model
instances or modelcluster managers): the answer stays quick with thousands of offerings.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache

from pact.selectors import content_generation
from socialekaart.constants import HOUSEHOLDS_WITH_CHILDREN
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
    is_automatic: bool = False


@dataclass
class Match:
    page: ServiceSummary
    verdict: Verdict


@dataclass
class MatchResult:
    """``fits`` and ``might_fit`` in the order that matters to the resident (see
    ``order_key``); ``does_not_fit``: at most ``NOT_FIT_SHOWN`` offerings of the
    municipality that do not fit, with the reason, of ``does_not_fit_count``."""

    fits: list[Match]
    might_fit: list[Match]
    norm_period: object | None
    norm: NormStatus | None = None
    does_not_fit: list[Match] = field(default_factory=list)
    does_not_fit_count: int = 0
    unchecked: int = 0
    does_not_fit_counted_all: bool = True

    @property
    def yearly_total(self) -> Decimal | None:
        """The estimate per year over what fits ("samen ongeveer"); ``None`` when
        no fitting offering has an amount we can count."""
        known = [m.verdict.yearly for m in self.fits if m.verdict.yearly is not None]
        return sum(known, Decimal(0)) if known else None


NOT_FIT_SHOWN = 12
"""Offerings that do not fit, shown with their reason (the rest are counted)."""


def order_key(match: Match) -> tuple:
    """What matters first: what you get without asking, then free, then the most
    money per year, then the name."""
    yearly = match.verdict.yearly
    return (
        not match.page.is_automatic,
        not match.page.is_free,
        -(yearly if yearly is not None else Decimal(-1)),
        match.page.title,
        match.page.pk,
    )


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
                benefit_amount=row["benefit_amount"],
                benefit_period=row["benefit_period"],
                benefit_unit=row["benefit_unit"],
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
    limit: int | None = None,
) -> MatchResult:
    """Offerings in the resident's municipality that fit or might fit ``situation``,
    each with the verdict, its reasons and amounts, in the order of ``order_key``;
    and a few that do not fit, with the reason, and how many. Reads nothing about
    the resident from anywhere and writes nothing. A fixed number of queries
    whatever the number of offerings: one says which offerings of the municipality
    could fit, best first, and which the database leaves out; three per batch of
    offerings evaluated.

    The database first leaves out the offerings that cannot fit (``narrowing``);
    ``narrow=False`` evaluates every offering of the municipality instead, the
    reference the property tests compare with (same answers, slower).

    ``limit``: the page shows that many per group, so evaluate the candidates best
    first (``best_first``) and stop when ``limit`` fit and ``limit`` might fit (or
    eight times ``limit`` were looked at); ``unchecked`` says how many candidates were
    left (issue 9: thousands of fitting offerings at 10,000). Without a limit every
    candidate is evaluated."""
    from wagtail.models import Site

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
        # One query says which offerings of the municipality could fit and which
        # the database leaves out; every candidate is evaluated.
        _candidates_ids, left_out = _candidates(in_municipality, situation, norm_amount)
        matches = _evaluate(
            in_municipality.filter(could_fit_q(situation, norm_amount)),
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


def best_first(services):
    """``services`` in the order most likely to matter, in SQL: without applying,
    free, the largest fixed amount of a rule, the name (``order_key`` decides the
    final order among what is evaluated)."""
    from django.db.models import F, Max, OuterRef, Subquery

    from socialekaart.models import EligibilityRule

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
    from django.db.models import BooleanField, ExpressionWrapper

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


def _under(path: str):
    """``Q`` for the pages below ``path``, as a range on the path (treebeard paths
    compare byte by byte: Wagtail gives the column the "C" collation on PostgreSQL,
    SQLite compares binary), so the database uses the path index where
    ``path__startswith`` (a LIKE) scans every page."""
    from django.db.models import Q

    return Q(path__gt=path, path__lt=path[:-1] + chr(ord(path[-1]) + 1))


def _national_ids(paths: list[str] | None = None) -> list[int]:
    """The ids of the pages under organisation pages marked national (Dienst
    Toeslagen, SVB, UWV): a few dozen. Two small queries; asking for them by id
    afterwards lets the database start from them rather than test the path of every
    offering in the municipality."""
    from django.db.models import Q
    from wagtail.models import Page

    from socialekaart.models import OrganisationPage

    if paths is None:
        paths = list(
            OrganisationPage.objects.filter(is_national=True).values_list(
                "path", flat=True
            )
        )
    if not paths:
        return []
    under = Q()
    for path in paths:
        under |= _under(path)
    return list(Page.objects.filter(under).values_list("pk", flat=True))


@dataclass(frozen=True)
class NationalScheme:
    """A national scheme the pact does not run, as a pointer: our page about it and
    the organisation's own website."""

    title: str
    summary: str
    url: str
    organisation_title: str
    website: str
    is_for_children: bool


def national_schemes(situation: Situation) -> list[NationalScheme]:
    """The live schemes of national organisations (``OrganisationPage.is_national``)
    offered in the resident's municipality, those about children first when the
    household has children. Five small queries of values (the answer page asks for
    this on every POST); reads nothing about the resident beyond ``situation``."""
    from wagtail.models import Site

    from socialekaart.models import OrganisationPage, ServicePage

    organisations = {
        row["path"]: row
        for row in OrganisationPage.objects.filter(is_national=True).values(
            "path", "title", "website", "live"
        )
    }
    national = _national_ids(list(organisations))
    if not national:
        return []
    roots = Site.get_site_root_paths()
    rows = list(
        live_services()
        .filter(pk__in=national, municipalities__pk=situation.municipality_id)
        .order_by("title", "pk")
        .values("pk", "path", "url_path", "title", "summary", "website")
    )
    for_children = set(
        ServicePage.target_groups.through.objects.filter(
            servicepage_id__in=[row["pk"] for row in rows],
            targetgroup__slug__in=["kinderen", "ouders", "jongeren"],
        ).values_list("servicepage_id", flat=True)
    )
    schemes = []
    for row in rows:
        organisation = organisations.get(row["path"][:-STEPLEN])
        if organisation is not None and not organisation["live"]:
            organisation = None
        schemes.append(
            NationalScheme(
                title=row["title"],
                summary=row["summary"],
                url=_url(row["url_path"], roots),
                organisation_title=organisation["title"] if organisation else "",
                website=row["website"]
                or (organisation["website"] if organisation else ""),
                is_for_children=row["pk"] in for_children,
            )
        )
    has_children = bool(situation.children_ages) or (
        situation.household_type in HOUSEHOLDS_WITH_CHILDREN
    )
    schemes.sort(key=lambda scheme: not (has_children and scheme.is_for_children))
    if not has_children:
        schemes = [scheme for scheme in schemes if not scheme.is_for_children]
    return schemes


def _by_ids(ids: list[int]):
    """Services by id, without the filters that chose them (they were applied in the
    same request): a query on the primary key, however large the kaart."""
    from socialekaart.models import ServicePage

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
