"""Working days for hand-over deadlines: Monday to Friday, without Dutch public holidays.

The holidays come from the ``holidays`` package (Nieuwjaarsdag, Pasen, Koningsdag,
Bevrijdingsdag in lustrum years, Hemelvaart, Pinksteren, Kerstmis).
"""

from __future__ import annotations

import datetime
from functools import lru_cache

from django.utils import timezone

import holidays


@lru_cache(maxsize=32)
def _dutch_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("NL", years=year).keys())


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _dutch_holidays(day.year)


def add_working_days(start: datetime.datetime, days: int) -> datetime.datetime:
    """The moment ``days`` working days after ``start``, at the same local time.

    A proposal made on a Friday at 14:00 with 5 working days expires the next Friday at
    14:00; one made on a Saturday counts from Monday.
    """
    local = timezone.localtime(start)
    day = local.date()
    counted = 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    moment = datetime.datetime.combine(day, local.time())
    return (
        timezone.make_aware(moment, local.tzinfo)
        if timezone.is_naive(moment)
        else moment
    )


def working_days_between(start: datetime.datetime, end: datetime.datetime) -> int:
    """Whole working days after ``start``'s day up to and including ``end``'s day."""
    first, last = timezone.localtime(start).date(), timezone.localtime(end).date()
    count, day = 0, first
    while day < last:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
