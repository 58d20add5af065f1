"""When a page counts as stale or unchecked: rules on dates, no queries.

Pages are checked ("Nog steeds juist") at least every ``PACT_FRESHNESS_DAYS``; a page
not checked for eight months tells residents so (issue 11). The reads that use these
rules are in ``socialekaart.selectors.freshness``; the admin panel of a page
(``socialekaart.panels``) uses them too, below the models.
"""

from __future__ import annotations

import calendar
import datetime

from django.conf import settings
from django.utils import timezone


def freshness_threshold(today: datetime.date | None = None) -> datetime.date:
    """Pages last checked before this day are stale."""
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=settings.PACT_FRESHNESS_DAYS)


def is_stale(
    checked_on: datetime.date | None, today: datetime.date | None = None
) -> bool:
    return checked_on is None or checked_on < freshness_threshold(today)


RESIDENT_NOTICE_MONTHS = 8


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` earlier (the last day of a shorter month)."""
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
