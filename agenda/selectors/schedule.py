"""The plan in time: what is planned, due and overdue in a quarter, and the timeline
(quarters as columns, actions as rows per building block).
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from agenda import permissions
from agenda.constants import FINISHED_STATUSES, ScheduleKind, Status
from agenda.models import Action, ActionOccurrence, BuildingBlock, Plan
from agenda.selectors.plans import (
    block_key,
    building_blocks,
    plan_actions,
    today_quarter,
    visible_actions_by_block,
)
from agenda.timing import Quarter


@dataclass
class QuarterView:
    quarter: Quarter
    planned: list[Action]
    due: list[Action]
    overdue: list[Action]
    quarters: list[Quarter]


def quarter_view(
    user, plan: Plan, quarter: Quarter, *, today: datetime.date | None = None
) -> QuarterView:
    """What is planned in ``quarter``, what is due at its end, and what is overdue by then."""
    actions = {a.pk: a for a in plan_actions(user, plan)}
    occurrences = ActionOccurrence.objects.filter(action_id__in=actions).values_list(
        "action_id", "first_quarter", "due_quarter", "status"
    )
    index = quarter.index
    planned, due, overdue = set(), set(), set()
    for action_id, first, due_q, status in occurrences:
        action = actions[action_id]
        if action.schedule_kind == ScheduleKind.CONTINUOUS:
            first_q, last_q = action.first_quarter, action.last_quarter
            if (
                first_q is not None
                and last_q is not None
                and first_q <= index <= last_q
            ):
                planned.add(action_id)
            continue
        if first is None or due_q is None:
            continue
        if first <= index <= due_q:
            planned.add(action_id)
        if due_q == index:
            due.add(action_id)
        if due_q < index and status not in FINISHED_STATUSES:
            overdue.add(action_id)
    ordered = list(actions.values())
    return QuarterView(
        quarter=quarter,
        planned=[a for a in ordered if a.pk in planned],
        due=[a for a in ordered if a.pk in due],
        overdue=[a for a in ordered if a.pk in overdue],
        quarters=plan.period.quarters(),
    )


@dataclass
class TimelineRow:
    action: Action
    cells: list[str]  # per quarter: "", "active", "due", "done", "overdue"


@dataclass
class TimelineGroup:
    block: BuildingBlock | None
    rows: list[TimelineRow]
    total: int  # the block's visible actions; ``rows`` may show only the first ones

    @property
    def title(self) -> str:
        return str(self.block) if self.block else _("Overkoepelend (geen bouwsteen)")

    @property
    def key(self) -> str:
        return block_key(self.block)

    @property
    def is_truncated(self) -> bool:
        return len(self.rows) < self.total


def visible_action_counts(user, plan: Plan) -> Counter:
    """The number of visible actions per building block id (``None``: plan-wide)."""
    rows = (
        permissions.actions_visible_to(user, plan)
        .order_by()
        .values_list("building_block_id")
        .annotate(n=Count("pk"))
    )
    return Counter(dict(rows))


def timeline(
    user,
    plan: Plan,
    *,
    today: datetime.date | None = None,
    key: str | None = None,
    limit: int | None = None,
    totals: Counter | None = None,
) -> tuple[list[Quarter], list[TimelineGroup]]:
    """Quarters as columns, actions as rows grouped by building block (main goals
    first); only the block named by ``key`` when given, at most ``limit`` rows per block.
    ``totals``: ``visible_action_counts`` when the caller has it already.
    A fixed number of queries whatever the size of the plan."""
    quarters = plan.period.quarters()
    position = {q.index: i for i, q in enumerate(quarters)}
    current = today_quarter(today).index
    grouped = visible_actions_by_block(user, plan, key=key, limit=limit)
    if totals is None:
        totals = visible_action_counts(user, plan)
    cells = {a.pk: [""] * len(quarters) for rows in grouped.values() for a in rows}
    for action_id, first, due, status in ActionOccurrence.objects.filter(
        action_id__in=list(cells)
    ).values_list("action_id", "first_quarter", "due_quarter", "status"):
        row = cells[action_id]
        if first is None:
            continue
        last = due if due is not None else quarters[-1].index
        for index in range(first, last + 1):
            if index in position:
                row[position[index]] = "active"
        if due is not None and due in position:
            if status == Status.DONE:
                row[position[due]] = "done"
            elif due < current and status not in FINISHED_STATUSES:
                row[position[due]] = "overdue"
            else:
                row[position[due]] = "due"
    groups = []
    for block in [*building_blocks(plan), None]:
        block_id = block.pk if block else None
        if grouped.get(block_id):
            rows = [TimelineRow(a, cells[a.pk]) for a in grouped[block_id]]
            groups.append(TimelineGroup(block, rows, totals.get(block_id, 0)))
    return quarters, groups
