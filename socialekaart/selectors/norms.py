"""Reads of the norm table."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone


def norm_period_on(day: datetime.date | None = None):
    """The ``NormPeriod`` valid on ``day`` (today by default), with its amounts
    prefetched; ``None`` when the table has no period for that day."""
    from socialekaart.models import NormPeriod

    day = day or timezone.localdate()
    return (
        NormPeriod.objects.filter(valid_from__lte=day)
        .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=day))
        .order_by("-valid_from")
        .prefetch_related("amounts")
        .first()
    )


def norm_amounts_on(day: datetime.date | None = None) -> dict[str, Decimal]:
    """``{household_type: amount at 100%}`` valid on ``day``; empty without a period."""
    period = norm_period_on(day)
    if period is None:
        return {}
    return {amount.household_type: amount.amount for amount in period.amounts.all()}


def norm_table_is_outdated(day: datetime.date | None = None) -> bool:
    """True when no period started on the last 1 January or 1 July: the amounts may
    have changed and nobody entered them (shown as a warning in the admin)."""
    from socialekaart.models import NormPeriod

    day = day or timezone.localdate()
    last_change = datetime.date(day.year, 7 if day.month >= 7 else 1, 1)
    return not NormPeriod.objects.filter(
        valid_from__gte=last_change, valid_from__lte=day
    ).exists()
