"""The pact dashboard: per building block the action statuses, overdue occurrences and the
roll-up of progress, with the round's coverage, recent updates and signals.

**Roll-up** (``rollup``): a building block's progress is the unweighted mean of the
progress percentages its actions reported in the round's submitted updates. It is shown
only when at least ``ROLLUP_MIN_ACTIONS`` actions reported a percentage *and* they are at
least ``ROLLUP_MIN_SHARE`` of the block's expected actions; otherwise no figure is shown
and the page says why.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from agenda import permissions
from agenda.constants import ROLLUP_MIN_ACTIONS, ROLLUP_MIN_SHARE, Status, UpdateState
from agenda.models import Action, ActionOccurrence, BuildingBlock, Plan, Round, Update
from agenda.selectors.coverage import (
    Coverage,
    expected_action_ids,
    overdue_occurrences,
    round_coverage,
)
from agenda.selectors.plans import (
    actions_without_lead,
    building_blocks,
    round_current,
    round_previous,
)

DASHBOARD_OVERDUE_SHOWN = 20


@dataclass
class RollUp:
    value: int | None
    reported: int
    expected: int

    @property
    def explanation(self) -> str:
        if self.value is not None:
            return _(
                "Gemiddelde van %(reported)s van de %(expected)s verwachte acties die een percentage meldden."
            ) % {"reported": self.reported, "expected": self.expected}
        return _(
            "Geen cijfer: %(reported)s van de %(expected)s verwachte acties meldden een "
            "percentage (minstens %(min)s en de helft nodig)."
        ) % {
            "reported": self.reported,
            "expected": self.expected,
            "min": ROLLUP_MIN_ACTIONS,
        }


def rollup(progresses: list[int], expected: int) -> RollUp:
    """The roll-up rule (module docstring): mean of reported percentages, or no figure."""
    reported = len(progresses)
    enough = (
        reported >= ROLLUP_MIN_ACTIONS
        and expected > 0
        and reported / expected >= ROLLUP_MIN_SHARE
    )
    value = round(sum(progresses) / reported) if enough else None
    return RollUp(value=value, reported=reported, expected=max(expected, reported))


@dataclass
class BlockSummary:
    block: BuildingBlock | None
    statuses: Counter
    total: int
    rollup: RollUp
    overdue: int = 0

    @property
    def title(self) -> str:
        return str(self.block) if self.block else _("Overkoepelend (geen bouwsteen)")

    @property
    def status_rows(self) -> list[tuple[str, str, int]]:
        return [(s.value, str(s.label), self.statuses.get(s.value, 0)) for s in Status]


def block_summaries(
    plan: Plan,
    round_: Round | None,
    *,
    internal: bool,
    today: datetime.date | None = None,
    expected: set[int] | None = None,
) -> list[BlockSummary]:
    """Per building block (main goals first): action statuses, overdue, progress roll-up."""
    actions = Action.objects.filter(plan=plan)
    if not internal:
        actions = actions.filter(is_published=True)
    rows = list(actions.values_list("pk", "building_block_id", "status"))
    block_of = {pk: block for pk, block, _status in rows}
    statuses: dict[int | None, Counter] = defaultdict(Counter)
    for _pk, block, status in rows:
        statuses[block][status] += 1
    progress: dict[int | None, list[int]] = defaultdict(list)
    expected_per_block: Counter = Counter()
    if round_ is not None:
        if expected is None:
            expected = expected_action_ids(plan, round_, published_only=not internal)
        for action_id in expected:
            if action_id in block_of:
                expected_per_block[block_of[action_id]] += 1
        for action_id, value in Update.objects.filter(
            round=round_, state=UpdateState.SUBMITTED, progress__isnull=False
        ).values_list("action_id", "progress"):
            if action_id in block_of and value is not None:
                progress[block_of[action_id]].append(value)
    overdue: Counter[int | None] = Counter(
        overdue_occurrences(plan, today=today, published_only=not internal).values_list(
            "action__building_block_id", flat=True
        )
    )
    summaries = [
        BlockSummary(
            block=block,
            statuses=statuses.get(block.pk, Counter()),
            total=sum(statuses.get(block.pk, Counter()).values()),
            rollup=rollup(
                progress.get(block.pk, []), expected_per_block.get(block.pk, 0)
            ),
            overdue=overdue.get(block.pk, 0),
        )
        for block in building_blocks(plan)
    ]
    if statuses.get(None):
        summaries.append(
            BlockSummary(
                block=None,
                statuses=statuses[None],
                total=sum(statuses[None].values()),
                rollup=rollup(progress.get(None, []), expected_per_block.get(None, 0)),
                overdue=overdue.get(None, 0),
            )
        )
    return summaries


@dataclass
class Dashboard:
    plan: Plan
    round: Round | None
    internal: bool
    coverage: Coverage | None
    blocks: list[BlockSummary]
    statuses: Counter
    overdue: list[ActionOccurrence]  # the first ``DASHBOARD_OVERDUE_SHOWN``
    overdue_count: int
    recent: list[Update]
    signals: list[Update]
    without_lead: int
    timing_to_review: int
    today: datetime.date

    @property
    def status_rows(self) -> list[tuple[str, str, int]]:
        return [(s.value, str(s.label), self.statuses.get(s.value, 0)) for s in Status]

    @property
    def total(self) -> int:
        return sum(self.statuses.values())


def plan_dashboard(
    user, plan: Plan, *, round_: Round | None = None, today: datetime.date | None = None
) -> Dashboard:
    """Everything the pact dashboard shows, for this viewer."""
    today = today or timezone.localdate()
    internal = permissions.can_view_internal(user, plan)
    round_ = round_ or round_current(plan, today)
    expected = (
        expected_action_ids(plan, round_, published_only=not internal)
        if round_
        else None
    )
    blocks = block_summaries(
        plan, round_, internal=internal, today=today, expected=expected
    )
    statuses: Counter = Counter()
    for summary in blocks:
        statuses.update(summary.statuses)

    def submitted_in(candidate: Round):
        updates = Update.objects.filter(round=candidate, state=UpdateState.SUBMITTED)
        return updates if internal else updates.filter(action__is_published=True)

    # The latest submissions of the shown round (or, before any, of the round before it):
    # a bounded set, so the page does not sort every update of the plan.
    recent: list[Update] = []
    signals: list[Update] = []
    if round_ is not None:
        for candidate in (round_, round_previous(round_)):
            if candidate is None:
                continue
            recent = list(
                submitted_in(candidate)
                .select_related("action", "round")
                .order_by("-submitted_at", "-pk")[:8]
            )
            if recent:
                break
        signals = list(
            submitted_in(round_)
            .exclude(signal="")
            .select_related("action")
            .order_by("action__position")[:10]
        )
    actions = Action.objects.filter(plan=plan)
    return Dashboard(
        plan=plan,
        round=round_,
        internal=internal,
        coverage=round_coverage(
            plan, round_, published_only=not internal, expected=expected
        )
        if round_
        else None,
        blocks=blocks,
        statuses=statuses,
        overdue=list(
            overdue_occurrences(plan, today=today, published_only=not internal)[
                :DASHBOARD_OVERDUE_SHOWN
            ]
        ),
        overdue_count=sum(summary.overdue for summary in blocks),
        recent=recent,
        signals=signals,
        without_lead=actions_without_lead(plan).count() if internal else 0,
        timing_to_review=actions.filter(timing_needs_review=True).count()
        if internal
        else 0,
        today=today,
    )
