"""Reads for freshness and the report queue (the date rules are in
``socialekaart.freshness_rules``, re-exported here)."""

from __future__ import annotations

import datetime

from django.db.models import Count, Q

from socialekaart.constants import ReportStatus, ServiceStatus
from socialekaart.freshness_rules import (
    freshness_threshold,
    is_stale,
    months_before,
    unchecked_since,
)
from socialekaart.models import MistakeReport, OrganisationPage, PageCheck, ServicePage
from socialekaart.selectors.pages import STEPLEN


def stale_pages(
    *, today: datetime.date | None = None, organisations=None
) -> list[dict]:
    """Live organisation pages and (not ended) services not checked in time, oldest
    check first. ``organisations``: limit to the pages of these organisations.

    Each entry: ``page``, ``organisation_page``, ``organisation`` (or None),
    ``checked_on``, ``checked_by``, ``reminded_on``. Three queries.
    """
    threshold = freshness_threshold(today)
    stale = (
        Q(kaart_check__isnull=True)
        | Q(kaart_check__checked_on__isnull=True)
        | Q(kaart_check__checked_on__lt=threshold)
    )
    organisation_pages = OrganisationPage.objects.select_related("organisation")
    if organisations is not None:
        organisation_pages = organisation_pages.filter(organisation__in=organisations)
    by_path = {page.path: page for page in organisation_pages}
    fields = ("kaart_check__checked_by",)
    own = [
        page
        for page in OrganisationPage.objects.live()
        .filter(stale)
        .select_related(*fields, "kaart_check")
        if page.path in by_path
    ]
    services = (
        ServicePage.objects.live().exclude(status=ServiceStatus.ENDED).filter(stale)
    )
    if organisations is not None:
        prefixes = Q()
        for path in by_path:
            prefixes |= Q(path__startswith=path)
        services = services.filter(prefixes) if by_path else services.none()
    entries = []
    for page in [*own, *services.select_related(*fields, "kaart_check")]:
        organisation_page = by_path.get(page.path) or by_path.get(page.path[:-STEPLEN])
        check = getattr(page, "kaart_check", None)
        entries.append(
            {
                "page": page,
                "organisation_page": organisation_page,
                "organisation": organisation_page.organisation
                if organisation_page
                else None,
                "checked_on": check.checked_on if check else None,
                "checked_by": check.checked_by if check else None,
                "reminded_on": check.reminded_on if check else None,
            }
        )
    entries.sort(
        key=lambda entry: (
            entry["checked_on"] or datetime.date.min,
            entry["page"].title,
        )
    )
    return entries


def open_report_counts() -> dict[int, int]:
    """``{organisation id: number of open reports}``."""
    rows = (
        MistakeReport.objects.filter(
            status=ReportStatus.OPEN, organisation__isnull=False
        )
        .values("organisation")
        .annotate(count=Count("pk"))
    )
    return {row["organisation"]: row["count"] for row in rows}


def page_check_of(page):
    """The ``PageCheck`` of ``page`` or ``None``."""
    return (
        PageCheck.objects.select_related("checked_by").filter(page_id=page.pk).first()
    )


__all__ = [
    "freshness_threshold",
    "is_stale",
    "open_report_counts",
    "months_before",
    "page_check_of",
    "stale_pages",
    "unchecked_since",
]
