"""Reads for freshness and the report queue."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from socialekaart.constants import ReportStatus, ServiceStatus
from socialekaart.selectors.pages import STEPLEN


def freshness_threshold(today: datetime.date | None = None) -> datetime.date:
    """Pages last checked before this day are stale."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=settings.PACT_FRESHNESS_DAYS)


def is_stale(
    checked_on: datetime.date | None, today: datetime.date | None = None
) -> bool:
    return checked_on is None or checked_on < freshness_threshold(today)


def stale_pages(
    *, today: datetime.date | None = None, organisations=None
) -> list[dict]:
    """Live organisation pages and (not ended) services not checked in time, oldest
    check first. ``organisations``: limit to the pages of these organisations.

    Each entry: ``page``, ``organisation_page``, ``organisation`` (or None),
    ``checked_on``, ``checked_by``, ``reminded_on``. Three queries.
    """
    from socialekaart.models import OrganisationPage, ServicePage

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
    from socialekaart.models import MistakeReport

    rows = (
        MistakeReport.objects.filter(
            status=ReportStatus.OPEN, organisation__isnull=False
        )
        .values("organisation")
        .annotate(count=Count("pk"))
    )
    return {row["organisation"]: row["count"] for row in rows}


RESIDENT_NOTICE_MONTHS = 8


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` earlier (the last day of a shorter month)."""
    import calendar

    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last))


def unchecked_since(
    page, check, today: datetime.date | None = None
) -> datetime.date | None:
    """The day ``page`` was last checked, when that is more than 8 months ago: then
    residents are told (issue 11). A page never marked "Nog steeds juist" counts as
    checked when it was last published (a pact admin approved it then)."""
    checked_on = check.checked_on if check is not None else None
    if checked_on is None and page.last_published_at is not None:
        checked_on = timezone.localtime(page.last_published_at).date()
    if checked_on is None:
        return None
    today = today or timezone.localdate()
    return (
        checked_on
        if checked_on < months_before(today, RESIDENT_NOTICE_MONTHS)
        else None
    )


def page_check_of(page):
    """The ``PageCheck`` of ``page`` or ``None``."""
    from socialekaart.models import PageCheck

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
