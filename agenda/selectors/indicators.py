"""What an action's page reads: its updates (as far as the viewer may read them) and its
indicators' values per round and partner (submitted updates only).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from agenda import permissions
from agenda.constants import Aggregation, UpdateState
from agenda.models import Action, Indicator, IndicatorValue, Round, Update
from pact.models import Organisation


def action_updates(user, action: Action) -> list[Update]:
    """The action's updates the viewer may read, newest round first."""
    updates = action.updates.select_related(
        "round", "submitted_by", "returned_by"
    ).prefetch_related("values__organisation", "values__indicator", "revisions__actor")
    if not permissions.can_report(user, action):
        updates = updates.filter(state=UpdateState.SUBMITTED)
    return list(updates.order_by("-round__period_starts_on"))


@dataclass
class IndicatorSeries:
    indicator: Indicator
    rounds: list[Round]
    partners: list[Organisation]
    values: dict[tuple[int, int], Decimal]  # (round_id, organisation_id)
    totals: list[Decimal | None]  # per round

    @property
    def rows(self) -> list[tuple[Round, list[Decimal | None], Decimal | None]]:
        return [
            (r, [self.values.get((r.pk, p.pk)) for p in self.partners], total)
            for r, total in zip(self.rounds, self.totals, strict=True)
        ]

    @property
    def points(self) -> list[tuple[str, float]]:
        return [
            (r.title, float(t))
            for r, t in zip(self.rounds, self.totals, strict=True)
            if t is not None
        ]


def indicator_series(
    indicator: Indicator, *, rounds: list[Round] | None = None
) -> IndicatorSeries:
    """Values of ``indicator`` per round and partner (submitted updates only), with the
    combined value per round (sum or average, as the indicator says)."""
    return indicator_series_many([indicator], rounds=rounds)[0]


def indicator_series_many(
    indicators: list[Indicator], *, rounds: list[Round] | None = None
) -> list[IndicatorSeries]:
    """``indicator_series`` of each indicator (in the same order), reading the values
    of all of them in one query. ``rounds``: the rounds to show (default: the rounds
    with values, per indicator)."""
    values: dict[int, list[IndicatorValue]] = defaultdict(list)
    for value in (
        IndicatorValue.objects.filter(
            indicator__in=indicators, update__state=UpdateState.SUBMITTED
        )
        .select_related("update__round", "organisation")
        .order_by("update__round__period_starts_on", "pk")
    ):
        values[value.indicator_id].append(value)
    return [
        _series(indicator, values.get(indicator.pk, []), rounds)
        for indicator in indicators
    ]


def _series(
    indicator: Indicator, values: list[IndicatorValue], rounds: list[Round] | None
) -> IndicatorSeries:
    if rounds is None:
        seen: dict[int, Round] = {}
        for value in values:
            seen.setdefault(value.update.round_id, value.update.round)
        rounds = list(seen.values())
    partners = sorted({v.organisation for v in values}, key=lambda o: o.name)
    table = {(v.update.round_id, v.organisation_id): v.value for v in values}
    totals: list[Decimal | None] = []
    for round_ in rounds:
        numbers = [v for (r, _o), v in table.items() if r == round_.pk]
        if not numbers:
            totals.append(None)
        elif indicator.aggregation == Aggregation.AVERAGE:
            totals.append(sum(numbers, Decimal(0)) / len(numbers))
        else:
            totals.append(sum(numbers, Decimal(0)))
    return IndicatorSeries(indicator, rounds, partners, table, totals)
