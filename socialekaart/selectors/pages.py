"""Reads of the page tree: organisation of a page, listings with filters."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet
from wagtail.models import Page
from wagtail.query import PageQuerySet

from socialekaart.constants import ServiceStatus
from socialekaart.models import EligibilityRule, OrganisationPage, ServicePage

STEPLEN = Page.steplen


def organisation_for_page(page: Page):
    """The ``OrganisationPage`` a page belongs to (itself, or a service's parent);
    ``None`` for other pages. One query."""
    if page.depth < 2:
        return None
    paths = [page.path, page.path[:-STEPLEN]]
    return (
        OrganisationPage.objects.filter(path__in=paths)
        .select_related("organisation")
        .order_by("-depth")
        .first()
    )


def attach_organisation_pages(pages: Iterable[Page]) -> list[Page]:
    """Set ``page.organisation_page`` and ``page.organisation_title`` on each service
    page (one query for all)."""
    pages = list(pages)
    parent_paths = {page.path[:-STEPLEN] for page in pages}
    parents = {
        parent.path: parent
        for parent in OrganisationPage.objects.filter(
            path__in=parent_paths
        ).select_related("organisation")
    }
    for page in pages:
        page.organisation_page = parents.get(page.path[:-STEPLEN])
        # What the result cards show; set so templates never look up a missing
        # attribute (Django then calls dir() on the page, which is slow).
        page.organisation_title = (
            page.organisation_page.title if page.organisation_page else ""
        )
    return pages


def organisation_display_name(organisation_page) -> str:
    if organisation_page is None:
        return ""
    if organisation_page.organisation is not None:
        return organisation_page.organisation.display_name
    return organisation_page.title


def organisation_page_list() -> QuerySet:
    """Live, public organisation pages A to Z."""
    return (
        OrganisationPage.objects.live()
        .public()
        .select_related("organisation")
        .order_by("title")
    )


def live_services() -> PageQuerySet:
    """Live, public services that have not ended."""
    return ServicePage.objects.live().public().exclude(status=ServiceStatus.ENDED)


def services_of_organisation(organisation_page) -> QuerySet:
    return (
        live_services()
        .child_of(organisation_page)
        .order_by("title")
        .prefetch_related("categories")
    )


def age_filter_q(age: int, municipality=None) -> Q:
    """Services a person of ``age`` can use: no rule with age limits, or some rule whose
    limits include ``age``. With ``municipality``, only the rules that hold there count
    (rules without municipalities hold in the whole service area): the same fund can
    be for children 4-17 in one municipality and 0-17 in another."""
    rules = EligibilityRule.objects.filter(page=OuterRef("pk"))
    if municipality is not None:
        rules = rules.filter(
            Q(municipalities__isnull=True) | Q(municipalities=municipality)
        )
    limited = rules.filter(Q(min_age__isnull=False) | Q(max_age__isnull=False))
    fitting = rules.filter(
        Q(min_age__isnull=True) | Q(min_age__lte=age),
        Q(max_age__isnull=True) | Q(max_age__gte=age),
    )
    return ~Exists(limited) | Exists(fitting)


def service_list(
    *,
    category=None,
    municipality=None,
    age: int | None = None,
    is_free: bool | None = None,
    target_group=None,
) -> QuerySet:
    """Live services with the residents' filters, A to Z.

    ``municipality``: offered there (service area). ``age``: see ``age_filter_q``
    (with the rules of ``municipality`` when given).
    ``is_free``: True for free offerings only. A fixed number of queries per page of
    results (the caller paginates, then calls ``attach_organisation_pages``).
    """
    services = live_services()
    if category is not None:
        services = services.filter(categories=category)
    if target_group is not None:
        services = services.filter(target_groups=target_group)
    if municipality is not None:
        services = services.filter(municipalities=municipality)
    if age is not None:
        services = services.filter(age_filter_q(age, municipality))
    if is_free:
        services = services.filter(is_free=True)
    return services.order_by("title", "pk")
