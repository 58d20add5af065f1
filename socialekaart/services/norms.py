"""The norm table of the social minimum: pact admins keep it current."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from socialekaart.constants import HouseholdType
from socialekaart.models import NormAmount, NormPeriod
from socialekaart.permissions import NotAllowed, can_manage_taxonomy


@transaction.atomic
def norm_period_upsert(
    *,
    valid_from: datetime.date,
    amounts: Mapping[str, Decimal],
    valid_until: datetime.date | None = None,
    source: str = "",
    actor=None,
):
    """Create or update the norm period starting on ``valid_from`` with one amount per
    household type. Only changes what differs (running it twice changes nothing).

    Raises ``NotAllowed`` unless ``actor`` may manage the taxonomy, and
    ``ValidationError`` for a start date other than 1 January or 1 July.
    """
    if actor is not None and not can_manage_taxonomy(actor):
        raise NotAllowed(_("Alleen pactbeheerders beheren de normbedragen."))
    period = NormPeriod.objects.filter(valid_from=valid_from).first()
    if period is None:
        period = NormPeriod(valid_from=valid_from)
    if period.pk is None or (period.valid_until, period.source) != (
        valid_until,
        source,
    ):
        period.valid_until, period.source = valid_until, source
        period.full_clean()
        period.save()
    existing = {amount.household_type: amount for amount in period.amounts.all()}
    for order, (household, value) in enumerate(amounts.items()):
        household = HouseholdType(household)
        value = Decimal(value)
        row = existing.get(household)
        if row is None:
            NormAmount.objects.create(
                period=period, household_type=household, amount=value, sort_order=order
            )
        elif row.amount != value:
            row.amount = value
            row.save(update_fields=["amount"])
    return period
