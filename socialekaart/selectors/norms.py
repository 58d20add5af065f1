"""Reads of the norm table.

The norm in force on a day is the newest period that started on or before it (and has
not ended). The statutory amounts change every 1 January and 1 July; when the period
in force started before the last such change, nobody has entered the new amounts yet:
the table is *outdated* and every page that shows an amount says so to residents
(``norm_status``), not only the admin dashboard.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils import timezone

from socialekaart.models import NormPeriod

if TYPE_CHECKING:
    from socialekaart.models import NormPeriod


def last_norm_change(day: datetime.date) -> datetime.date:
    """The last 1 January or 1 July on or before ``day``: when the statutory amounts
    last changed."""
    return datetime.date(day.year, 7 if day.month >= 7 else 1, 1)


def norm_period_on(day: datetime.date | None = None) -> NormPeriod | None:
    """The ``NormPeriod`` valid on ``day`` (today by default), with its amounts
    prefetched; ``None`` when the table has no period for that day."""
    day = day or timezone.localdate()
    return (  # type: ignore[no-any-return]
        NormPeriod.objects.filter(valid_from__lte=day)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))
        .order_by("-valid_from")
        .prefetch_related("amounts")
        .first()
    )


@dataclass(frozen=True)
class NormStatus:
    """The norm in force on ``day`` and whether residents must be warned.

    ``period`` is ``None`` when the table has nothing for the day (``is_missing``);
    ``is_outdated`` when the period in force started before ``changed_on``, the last
    1 January / 1 July, so the real amounts are probably higher."""

    day: datetime.date
    period: NormPeriod | None
    changed_on: datetime.date

    @property
    def is_missing(self) -> bool:
        return self.period is None

    @property
    def is_outdated(self) -> bool:
        return self.period is not None and self.period.valid_from < self.changed_on

    @property
    def amounts(self) -> dict[str, Decimal]:
        if self.period is None:
            return {}
        return {a.household_type: a.amount for a in self.period.amounts.all()}


def norm_status(day: datetime.date | None = None) -> NormStatus:
    """The norm in force on ``day`` (today by default) with the outdated rule; two
    queries."""
    day = day or timezone.localdate()
    return NormStatus(
        day=day, period=norm_period_on(day), changed_on=last_norm_change(day)
    )


def norm_amounts_on(day: datetime.date | None = None) -> dict[str, Decimal]:
    """``{household_type: amount at 100%}`` valid on ``day``; empty without a period."""
    return norm_status(day).amounts


def norm_table_is_outdated(day: datetime.date | None = None) -> bool:
    """True when the period in force (if any) started before the last 1 January or
    1 July: the amounts may have changed and nobody entered them (a warning in the
    admin; residents see ``norm_status``)."""
    status = norm_status(day)
    return status.is_missing or status.is_outdated
