"""Which updates a round expects and how many came in (coverage), what is overdue, the
data-quality page, and the status changes since the previous round.

**Expected updates.** An action expects an update in a round unless it was stopped in an
earlier round, when it is continuous or has no known timing, or when one of its
occurrences has started by the end of the round's period and was not finished (done or
stopped) in an earlier round. Overdue occurrences therefore keep expecting updates.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone

from agenda.constants import FINISHED_STATUSES, ScheduleKind, Status, UpdateState
from agenda.models import Action, ActionOccurrence, Plan, Round, Update
from agenda.selectors.plans import (
    actions_with_owners,
    actions_without_lead,
    round_list,
    round_previous,
    today_quarter,
)


def _finished_before(plan: Plan, round_: Round) -> tuple[set[int], set[int]]:
    """(actions stopped, occurrences done or stopped) in rounds before ``round_``."""
    earlier = list(
        Round.objects.filter(
            plan=plan, period_ends_on__lt=round_.period_starts_on
        ).values_list("pk", flat=True)
    )
    rows = (
        Update.objects.filter(
            round_id__in=earlier,
            state=UpdateState.SUBMITTED,
            status__in=FINISHED_STATUSES,
        )
        .order_by()
        .values_list("action_id", "occurrence_id", "status")
    )
    stopped, finished = set(), set()
    for action_id, occurrence_id, status in rows:
        if status == Status.STOPPED:
            stopped.add(action_id)
        if occurrence_id:
            finished.add(occurrence_id)
    return stopped, finished


def expected_action_ids(
    plan: Plan, round_: Round, *, published_only: bool = False
) -> set[int]:
    """Ids of the actions that expect an update in ``round_`` (module docstring)."""
    stopped, finished = _finished_before(plan, round_)
    last = round_.last_quarter.index
    actions = Action.objects.filter(plan=plan)
    if published_only:
        actions = actions.filter(is_published=True)
    expected = set()
    for action_id, kind in actions.order_by().values_list("pk", "schedule_kind"):
        if action_id in stopped:
            continue
        if kind in (ScheduleKind.CONTINUOUS, ScheduleKind.UNKNOWN):
            expected.add(action_id)
    occurrences = ActionOccurrence.objects.filter(
        action__plan=plan, first_quarter__lte=last
    )
    if published_only:
        occurrences = occurrences.filter(action__is_published=True)
    for occurrence_id, action_id in (
        occurrences.exclude(
            action__schedule_kind__in=[ScheduleKind.CONTINUOUS, ScheduleKind.UNKNOWN]
        )
        .order_by()
        .values_list("pk", "action_id")
    ):
        if action_id not in stopped and occurrence_id not in finished:
            expected.add(action_id)
    return expected


@dataclass
class Coverage:
    expected: int = 0
    submitted: int = 0
    drafts: int = 0
    returned: int = 0
    extra: int = 0  # submitted for actions that did not expect one
    missing_ids: set[int] = field(default_factory=set)

    @property
    def missing(self) -> int:
        return len(self.missing_ids)

    @property
    def percent(self) -> int | None:
        if not self.expected:
            return None
        return round(100 * self.submitted / self.expected)


def round_coverage(
    plan: Plan,
    round_: Round,
    *,
    published_only: bool = False,
    expected: set[int] | None = None,
) -> Coverage:
    """How many expected updates were submitted, drafted, returned or are missing."""
    if expected is None:
        expected = expected_action_ids(plan, round_, published_only=published_only)
    states = dict(Update.objects.filter(round=round_).values_list("action_id", "state"))
    coverage = Coverage(expected=len(expected))
    for action_id in expected:
        state = states.get(action_id)
        if state == UpdateState.SUBMITTED:
            coverage.submitted += 1
        else:
            coverage.missing_ids.add(action_id)
            if state == UpdateState.DRAFT:
                coverage.drafts += 1
            elif state == UpdateState.RETURNED:
                coverage.returned += 1
    coverage.extra = sum(
        1 for a, s in states.items() if s == UpdateState.SUBMITTED and a not in expected
    )
    return coverage


def overdue_occurrences(
    plan: Plan, *, today: datetime.date | None = None, published_only: bool = False
) -> QuerySet[ActionOccurrence]:
    """Occurrences whose due quarter has passed and that are not done or stopped.

    Continuous actions and actions without timing have no due quarter: never overdue.
    """
    current = today_quarter(today).index
    qs = ActionOccurrence.objects.filter(
        action__plan=plan, due_quarter__lt=current
    ).exclude(status__in=FINISHED_STATUSES)
    if published_only:
        qs = qs.filter(action__is_published=True)
    return qs.select_related("action", "action__building_block").order_by(
        "due_quarter", "action__position"
    )


@dataclass
class QualityRow:
    round: Round
    coverage: Coverage


def data_quality(plan: Plan, *, today: datetime.date | None = None) -> dict:
    """Coverage per round up to now, actions without lead, timings to review, overdue."""
    today = today or timezone.localdate()
    rows = [
        QualityRow(round_, round_coverage(plan, round_))
        for round_ in round_list(plan)
        if round_.opens_on <= today
    ]
    return {
        "rows": rows,
        "without_lead": actions_with_owners(
            actions_without_lead(plan).order_by("position")
        ),
        "to_review": list(
            Action.objects.filter(plan=plan, timing_needs_review=True)
            .select_related("building_block")
            .order_by("position")
        ),
        "overdue": list(overdue_occurrences(plan, today=today)),
        "untitled_blocks": list(plan.building_blocks.filter(needs_title=True)),
    }


def changes_since_previous(
    plan: Plan, round_: Round, *, published_only: bool = True
) -> list[tuple[Action, str, str]]:
    """Actions whose status changed between the previous round and ``round_``."""
    previous = round_previous(round_)
    if previous is None:
        return []
    updates = Update.objects.filter(
        round__in=[previous, round_], state=UpdateState.SUBMITTED, action__plan=plan
    )
    if published_only:
        updates = updates.filter(action__is_published=True)
    before: dict[int, str] = {}
    after: dict[int, str] = {}
    for action_id, round_id, status in updates.values_list(
        "action_id", "round_id", "status"
    ):
        (after if round_id == round_.pk else before)[action_id] = status
    changed = [a for a in after if a in before and before[a] != after[a]]
    actions = Action.objects.in_bulk(changed)
    return [
        (actions[a], str(Status(before[a]).label), str(Status(after[a]).label))
        for a in sorted(changed, key=lambda pk: actions[pk].position)
    ]


def pending_returns(plan: Plan) -> QuerySet[Update]:
    return Update.objects.filter(action__plan=plan, state=UpdateState.RETURNED)
