"""What the HSDS API and the export read, with a fixed number of queries per page.

Scope (decision 0050): live services of live organisation pages, outside any private
section (view restriction), that have not ended. Organisations: live, public
organisation pages. Drafts, revisions waiting for approval and professional-only fields
never leave through HSDS.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from socialekaart.constants import ServiceStatus
from socialekaart.hsds import vocabulary as v
from socialekaart.models import (
    Category,
    EligibilityRule,
    Location,
    OrganisationPage,
    ServicePage,
    TargetGroup,
)

STEPLEN = Page.steplen


def _models():
    return EligibilityRule, Location, OrganisationPage


def public_organisation_pages() -> QuerySet:
    _rule, _location, OrganisationPage = _models()
    return OrganisationPage.objects.live().public()


def public_services(*, include_ended: bool = False) -> QuerySet:
    """Live, public, not ended services whose organisation page is live (ended ones
    too with ``include_ended``: a full copy of the kaart, such as the demo's files)."""
    _rule, _location, OrganisationPage = _models()
    # An IN over the live organisation paths: measured 2-3 times faster than a
    # correlated EXISTS per service on 10,000 services.
    live_parents = OrganisationPage.objects.live().values("path")
    services = ServicePage.objects.live().public()
    if not include_ended:
        services = services.exclude(status=ServiceStatus.ENDED)
    return services.annotate(
        parent_path=Substr("path", 1, Length("path") - STEPLEN)
    ).filter(parent_path__in=live_parents)


def with_service_relations(queryset: QuerySet, *, full: bool = True) -> QuerySet:
    """Load what the mapping reads. The one-to-one list (``full=False``) needs only the
    rules (age bounds, eligibility in words) and the last check."""
    EligibilityRule, Location, _org = _models()
    if not full:
        return queryset.select_related("kaart_check").prefetch_related(
            Prefetch(
                "eligibility_rules",
                queryset=EligibilityRule.objects.prefetch_related("municipalities"),
            )
        )
    return queryset.select_related("kaart_check").prefetch_related(
        "categories",
        "target_groups",
        "municipalities",
        Prefetch("locations", queryset=Location.objects.select_related("municipality")),
        Prefetch(
            "eligibility_rules",
            queryset=EligibilityRule.objects.prefetch_related("municipalities"),
        ),
    )


def with_organisation_relations(queryset: QuerySet) -> QuerySet:
    _rule, Location, _org = _models()
    return queryset.select_related("organisation").prefetch_related(
        Prefetch("locations", queryset=Location.objects.select_related("municipality"))
    )


def organisation_pages_by_path(services: Iterable) -> dict[str, object]:
    """The organisation page of each service, by its path (one query, plus one for
    their locations)."""
    paths = {service.path[:-STEPLEN] for service in services}
    if not paths:
        return {}
    return {
        page.path: page
        for page in with_organisation_relations(
            public_organisation_pages().filter(path__in=paths)
        )
    }


def services_of_organisations(
    organisation_pages: Iterable, *, include_ended: bool = False
) -> QuerySet:
    paths = [page.path for page in organisation_pages]
    return public_services(include_ended=include_ended).filter(parent_path__in=paths)


def filter_services(
    queryset: QuerySet,
    *,
    search: str = "",
    taxonomy_term_id: uuid.UUID | None = None,
    taxonomy_id: uuid.UUID | None = None,
    organization_id: uuid.UUID | None = None,
    modified_after: datetime.datetime | None = None,
    municipality=None,
) -> QuerySet:
    """The HSDS filters of ``/services`` (see docs/hsds.md for their meaning)."""
    _rule, _location, OrganisationPage = _models()
    if organization_id is not None:
        parent = OrganisationPage.objects.filter(uuid=organization_id).values("path")
        queryset = queryset.filter(parent_path__in=parent)
    if taxonomy_id is not None:
        if str(taxonomy_id) == v.CATEGORIES.id:
            queryset = queryset.filter(categories__isnull=False)
        elif str(taxonomy_id) == v.TARGET_GROUPS.id:
            queryset = queryset.filter(target_groups__isnull=False)
        elif str(taxonomy_id) == v.CONDITIONS.id:
            queryset = queryset.filter(_has_condition_q())
        else:
            queryset = queryset.none()
        queryset = queryset.distinct()
    if taxonomy_term_id is not None:
        queryset = queryset.filter(
            _term_q(str(taxonomy_term_id), Category, TargetGroup)
        ).distinct()
    if modified_after is not None:
        changed_parent = OrganisationPage.objects.filter(
            path=OuterRef("parent_path"), last_published_at__gte=modified_after
        )
        queryset = queryset.filter(
            Q(last_published_at__gte=modified_after) | Exists(changed_parent)
        )
    if municipality is not None:
        queryset = queryset.filter(municipalities=municipality)
    for word in search.split():
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(keywords__icontains=word)
            | Q(description__icontains=word)
        )
    return queryset


def _has_condition_q() -> Q:
    return (
        Q(eligibility_rules__isnull=False)
        | Q(benefit__gt="")
        | Q(eligibility_note__gt="")
        | Q(keywords__gt="")
        | Q(is_at_home=True)
        | Q(is_automatic=True)
    )


def _pages_with_household(household: str | None) -> list[int]:
    """Pages with a rule for ``household`` (any household type when ``None``). The
    types are a JSON list, matched here rather than with JSON lookups that SQLite and
    PostgreSQL answer differently; one query over the rules."""
    EligibilityRule, _location, _org = _models()
    rows = EligibilityRule.objects.exclude(household_types=[]).values_list(
        "page_id", "household_types"
    )
    return sorted(
        {
            page_id
            for page_id, types in rows
            if types and (household is None or household in types)
        }
    )


def _term_q(term_id: str, Category, TargetGroup) -> Q:
    """Services linked to the term (a category, a target group, or one of our fixed
    terms: services with an attribute of that term)."""
    term = v.TERMS_BY_ID.get(term_id)
    if term is None:
        return Q(categories__in=Category.objects.filter(uuid=term_id)) | Q(
            target_groups__in=TargetGroup.objects.filter(uuid=term_id)
        )
    code = term.code
    rules = "eligibility_rules__"
    household = v.HOUSEHOLD_BY_TERM.get(code)
    if household is not None or code == v.HOUSEHOLD:
        return Q(pk__in=_pages_with_household(household))
    simple = {
        v.RULE: Q(eligibility_rules__isnull=False),
        v.MUNICIPALITY: Q(**{f"{rules}municipalities__isnull": False}),
        v.INCOME_LIMIT: Q(**{f"{rules}income_limit_percent__isnull": False}),
        v.APPLICANT_MIN_AGE: Q(
            **{f"{rules}age_subject": "applicant", f"{rules}min_age__isnull": False}
        ),
        v.APPLICANT_MAX_AGE: Q(
            **{f"{rules}age_subject": "applicant", f"{rules}max_age__isnull": False}
        ),
        v.CHILD_MIN_AGE: Q(
            **{f"{rules}age_subject": "child", f"{rules}min_age__isnull": False}
        ),
        v.CHILD_MAX_AGE: Q(
            **{f"{rules}age_subject": "child", f"{rules}max_age__isnull": False}
        ),
        v.LOW_INCOME_YEARS: Q(**{f"{rules}min_low_income_years__isnull": False}),
        v.BENEFIT: Q(benefit__gt="") | Q(**{f"{rules}benefit__gt": ""}),
        v.OTHER_CONDITIONS: ~Q(eligibility_note=""),
        v.KEYWORDS: ~Q(keywords=""),
        v.AT_HOME: Q(is_at_home=True),
        v.AUTOMATIC: Q(is_automatic=True),
    }
    # Accessibility terms describe buildings, not services: no service matches them.
    return simple.get(code, Q(pk__in=[]))


def ordered(queryset: QuerySet) -> QuerySet:
    return queryset.order_by("title", "pk")


def all_terms() -> list[dict]:
    """Every term we publish, as HSDS: categories, target groups, then the fixed NL
    terms (two queries)."""
    terms = [v.snippet_term(c, v.CATEGORIES) for c in Category.objects.all()]
    terms += [v.snippet_term(g, v.TARGET_GROUPS) for g in TargetGroup.objects.all()]
    terms += [term.as_hsds() for term in v.TERMS.values()]
    return terms
