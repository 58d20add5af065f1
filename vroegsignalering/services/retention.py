"""Retention: signals that led to no help are deleted after the retention period.

The Wgs allows the municipality to keep signal data only as long as needed to offer
help; data that did not lead to debt help must go (see ``docs/vroegsignalering.md`` for
the article and the default of 365 days, ``PACT_SIGNAL_RETENTION_DAYS``). Households
that accepted help live on as a case in casusregie (with its own retention) and are
kept here as the link until that case is purged. Before deleting, the anonymous counts per municipality and month
go into ``PurgedTally`` so the figures stay the same.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from vroegsignalering import events
from vroegsignalering.constants import AttemptKind, HouseholdStatus
from vroegsignalering.models import Household, PurgedTally


@dataclass
class PurgeReport:
    households: int = 0
    signals: int = 0
    per_month: dict = field(default_factory=dict)


def _due_for_purge(today: datetime.date, days: int):
    cutoff = today - datetime.timedelta(days=days)
    # Accepted households stay while their case exists (the link); once casusregie
    # has purged the case (FK set to NULL) they go too.
    return Household.objects.filter(last_signal_on__lt=cutoff).exclude(
        status=HouseholdStatus.ACCEPTED, case__isnull=False
    )


def households_purge(
    *,
    today: datetime.date | None = None,
    retention_days: int | None = None,
    dry_run: bool = False,
) -> PurgeReport:
    """Delete households (and their signals and attempts) not accepted whose last
    signal is older than the retention period; keep anonymous counts. ``dry_run``
    counts only. Run by ``manage.py signals_purge`` (daily)."""
    today = today or timezone.localdate()
    days = (
        settings.PACT_SIGNAL_RETENTION_DAYS
        if retention_days is None
        else retention_days
    )
    report = PurgeReport()
    with transaction.atomic():
        households = list(
            _due_for_purge(today, days)
            .select_for_update()
            .prefetch_related("signals", "attempts")
        )
        tallies: dict[tuple[int, datetime.date], dict] = defaultdict(
            lambda: {
                "households": 0,
                "signals": 0,
                "reached": 0,
                "accepted": 0,
                "letters_only": 0,
                "by_kind": Counter(),
                "by_creditor": Counter(),
                "days": [],
            }
        )
        for household in households:
            month = household.first_signal_on.replace(day=1)
            tally = tallies[(household.municipality_id, month)]
            signals = list(household.signals.all())
            attempts = list(household.attempts.all())
            tally["households"] += 1
            tally["signals"] += len(signals)
            tally["by_kind"].update(s.kind for s in signals)
            tally["by_creditor"].update(s.creditor for s in signals)
            if household.first_contact_at is not None:
                tally["reached"] += 1
                tally["days"].append(
                    (
                        timezone.localtime(household.first_contact_at).date()
                        - household.first_signal_on
                    ).days
                )
            if household.status == HouseholdStatus.ACCEPTED:
                tally["accepted"] += 1
            if attempts and all(a.kind == AttemptKind.LETTER for a in attempts):
                tally["letters_only"] += 1
            report.households += 1
            report.signals += len(signals)
        report.per_month = {
            f"{municipality_id}:{month:%Y-%m}": values["households"]
            for (municipality_id, month), values in tallies.items()
        }
        if dry_run:
            transaction.set_rollback(True)
            return report
        for (municipality_id, month), values in tallies.items():
            PurgedTally.objects.create(
                municipality_id=municipality_id,
                month=month,
                households=values["households"],
                signals=values["signals"],
                reached=values["reached"],
                accepted=values["accepted"],
                letters_only=values["letters_only"],
                by_kind=dict(values["by_kind"]),
                by_creditor=dict(values["by_creditor"]),
                days_to_first_contact=sorted(values["days"]),
            )
        Household.objects.filter(pk__in=[h.pk for h in households]).delete()
        events.publish_queue_changed(
            organisation_ids={h.organisation_id for h in households},
            municipality_ids={h.municipality_id for h in households},
        )
    return report
