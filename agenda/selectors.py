"""Reads of the action agenda: dashboards, views by quarter, building block, organisation,
the timeline, coverage and data quality, and the roll-up of progress.

Every selector takes the viewing user (or an explicit ``internal`` flag computed from the
policy) so what the public sees is always the published part: published actions and
submitted updates only. Large plans are read with ``values_list`` queries and combined in
Python, so a page runs a fixed number of queries whatever the number of actions.

**Expected updates.** An action expects an update in a round unless it was stopped in an
earlier round, when it is continuous or has no known timing, or when one of its
occurrences has started by the end of the round's period and was not finished (done or
stopped) in an earlier round. Overdue occurrences therefore keep expecting updates.

**Roll-up** (``rollup``): a building block's progress is the unweighted mean of the
progress percentages its actions reported in the round's submitted updates. It is shown
only when at least ``ROLLUP_MIN_ACTIONS`` actions reported a percentage *and* they are at
least ``ROLLUP_MIN_SHARE`` of the block's expected actions; otherwise no figure is shown
and the page says why.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda import permissions
from agenda.constants import (
    FINISHED_STATUSES,
    ROLLUP_MIN_ACTIONS,
    ROLLUP_MIN_SHARE,
    Aggregation,
    OwnerRole,
    ScheduleKind,
    Status,
    UpdateState,
)
from agenda.models import (
    Action,
    ActionOccurrence,
    ActionOwner,
    BuildingBlock,
    Indicator,
    IndicatorValue,
    Notification,
    Plan,
    Round,
    Update,
)
from agenda.timing import Quarter
from pact.models import Organisation

STATUS_ORDER = [s.value for s in Status]
DASHBOARD_OVERDUE_SHOWN = 20
# Plan order: by building block (plan-wide actions last), then the action's position.
ACTION_ORDER = (
    F("building_block__position").asc(nulls_last=True),
    F("building_block__number").asc(nulls_last=True),
    "position",
    "pk",
)


def today_quarter(today: datetime.date | None = None) -> Quarter:
    return Quarter.from_date(today or timezone.localdate())


# --- Plans and rounds ---------------------------------------------------------------------------


def plan_list_for_user(user) -> list[Plan]:
    return list(permissions.plans_visible_to(user).order_by("pact__name", "-starts_on"))


def round_list(plan: Plan) -> list[Round]:
    return list(plan.rounds.order_by("period_starts_on"))


def round_current(plan: Plan, today: datetime.date | None = None) -> Round | None:
    """The open round (the earliest if two overlap); else the last closed; else the first."""
    today = today or timezone.localdate()
    rounds = round_list(plan)
    open_rounds = [r for r in rounds if r.is_open(today)]
    if open_rounds:
        return open_rounds[0]
    closed = [r for r in rounds if r.is_closed(today)]
    if closed:
        return closed[-1]
    return rounds[0] if rounds else None


def round_previous(round_: Round) -> Round | None:
    return (
        Round.objects.filter(
            plan_id=round_.plan_id, period_starts_on__lt=round_.period_starts_on
        )
        .order_by("-period_starts_on")
        .first()
    )


def open_rounds_for_user(
    user, today: datetime.date | None = None
) -> list[tuple[Round, list[Action]]]:
    """Open rounds of plans the user reports on, with his actions expected there."""
    today = today or timezone.localdate()
    result = []
    for plan in permissions.plans_visible_to(user):
        reportable = permissions.actions_reportable_by(user, plan)
        if not reportable.exists():
            continue
        for round_ in plan.rounds.filter(
            opens_on__lte=today, closes_on__gte=today, closed_at__isnull=True
        ):
            expected = expected_action_ids(plan, round_)
            actions = list(
                reportable.filter(pk__in=expected).select_related("building_block")
            )
            result.append((round_, actions))
    return result


# --- Actions ------------------------------------------------------------------------------------


def attach_owners(actions: list[Action]) -> list[Action]:
    """Give each action ``owner_list`` (its owners in order, with their organisation)
    and ``_owner_ids``, reading all owners in one query.

    Cheaper than ``prefetch_related("owners")``, which builds a queryset per action:
    on a page of a few hundred actions that was most of the time spent.
    """
    by_action: dict[int, list[ActionOwner]] = defaultdict(list)
    if actions:
        owners = ActionOwner.objects.select_related("organisation")
        if len(actions) > 500:  # a whole plan: filter by plan, not by a long id list
            owners = owners.filter(action__plan_id__in={a.plan_id for a in actions})
        else:
            owners = owners.filter(action_id__in=[a.pk for a in actions])
        for owner in owners.order_by("action_id", "position"):
            by_action[owner.action_id].append(owner)
    for action in actions:
        action.owner_list = by_action.get(action.pk, [])
        action._owner_ids = {o.organisation_id for o in action.owner_list}
    return actions


def owners_of(action: Action) -> list[ActionOwner]:
    """The owners of ``action``: ``owner_list`` when attached, else one query."""
    owner_list = getattr(action, "owner_list", None)
    if owner_list is None:
        owner_list = list(action.owners.select_related("organisation"))
    return owner_list


def actions_with_owners(qs: QuerySet[Action]) -> list[Action]:
    """The actions of ``qs`` (in its order) with building block and ``owner_list``:
    two queries whatever the number of actions."""
    return attach_owners(list(qs.select_related("building_block")))


def plan_actions(user, plan: Plan) -> list[Action]:
    """The actions the user may see, with owners and building block, in plan order."""
    return actions_with_owners(
        permissions.actions_visible_to(user, plan).order_by(*ACTION_ORDER)
    )


def block_key(block: BuildingBlock | None) -> str:
    """How a building block is named in a page's address (``?bouwsteen=4``);
    ``geen`` for the plan-wide actions."""
    return str(block.number) if block else "geen"


def visible_actions_by_block(
    user, plan: Plan, *, key: str | None = None, limit: int | None = None
) -> dict[int | None, list[Action]]:
    """The visible actions per building block id (``None``: plan-wide), in plan order,
    with owners; only the block named by ``key`` when given; at most ``limit`` per
    block (large plans show a first part of each block).

    A fixed number of queries whatever the number of actions and building blocks: the
    limit per block is a window function (``ROW_NUMBER() OVER (PARTITION BY ...)``).
    """
    actions = permissions.actions_visible_to(user, plan)
    if key == "geen":
        actions = actions.filter(building_block__isnull=True)
    elif key is not None:
        if not key.isdigit():
            return {}
        actions = actions.filter(building_block__number=int(key))
    if limit:
        # Rank only the ids (the window runs over every action of the plan), then read
        # the full rows of the first ``limit`` per block: about four times faster on
        # SQLite than ranking whole rows.
        first_ids = (
            actions.annotate(
                rank_in_block=Window(
                    RowNumber(),
                    partition_by=[F("building_block_id")],
                    order_by=[F("position").asc(), F("pk").asc()],
                )
            )
            .filter(rank_in_block__lte=limit)
            .values("pk")
        )
        actions = Action.objects.filter(pk__in=first_ids)
    grouped: dict[int | None, list[Action]] = defaultdict(list)
    for action in actions_with_owners(actions.order_by(*ACTION_ORDER)):
        grouped[action.building_block_id].append(action)
    return grouped


def action_has_lead(action: Action) -> bool:
    return any(o.role == OwnerRole.LEAD for o in owners_of(action))


def building_blocks(plan: Plan) -> list[BuildingBlock]:
    """Main goals first, then side goals, each in plan order."""
    return sorted(
        plan.building_blocks.all(),
        key=lambda b: (not b.is_main_goal, b.position, b.number),
    )


def building_blocks_with_counts(plan: Plan) -> list[BuildingBlock]:
    """``building_blocks`` with ``action_count`` on each (all actions, published or not)."""
    return sorted(
        plan.building_blocks.annotate(action_count=Count("actions")),
        key=lambda b: (not b.is_main_goal, b.position, b.number),
    )


# --- Expected updates, coverage, overdue ----------------------------------------------------------


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


# --- Roll-up ----------------------------------------------------------------------------------


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


# --- Dashboard --------------------------------------------------------------------------------


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


def actions_without_lead(plan: Plan) -> QuerySet[Action]:
    return Action.objects.filter(plan=plan).exclude(owners__role=OwnerRole.LEAD)


# --- By quarter -----------------------------------------------------------------------------------


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


# --- Timeline ----------------------------------------------------------------------------------


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


# --- By organisation -------------------------------------------------------------------------------


def plan_organisations(user, plan: Plan) -> list[tuple[Organisation, Counter]]:
    """Organisations owning visible actions, with the count per owner role."""
    visible = permissions.actions_visible_to(user, plan)
    rows = (
        ActionOwner.objects.filter(action__in=visible)
        .values("organisation_id", "role")
        .annotate(n=Count("pk"))
    )
    counts: dict[int, Counter] = defaultdict(Counter)
    for row in rows:
        counts[row["organisation_id"]][row["role"]] += row["n"]
    organisations = Organisation.objects.filter(pk__in=counts).order_by("name")
    return [(o, counts[o.pk]) for o in organisations]


@dataclass
class Contribution:
    action: Action
    role: str
    latest: Update | None
    values: list[IndicatorValue]


def organisation_contribution(
    user,
    plan: Plan,
    organisation: Organisation,
    *,
    page: int | str | None = 1,
    per_page: int = 50,
):
    """What ``organisation`` contributes, one page at a time: its actions with its role,
    their latest submitted update, and the indicator values it supplied.

    Returns a ``django.core.paginator.Page`` of ``Contribution``s; a fixed number of
    queries per page whatever the size of the plan.
    """
    from django.core.paginator import Paginator

    owned = (
        ActionOwner.objects.filter(
            organisation=organisation,
            action__in=permissions.actions_visible_to(user, plan),
        )
        .select_related("action", "action__building_block")
        .order_by(
            F("action__building_block__position").asc(nulls_last=True),
            "action__position",
            "action_id",
        )
    )
    page_obj = Paginator(owned, per_page).get_page(page)
    owners = list(page_obj.object_list)
    ids = [o.action_id for o in owners]
    latest = {update.action_id: update for update in latest_submitted_updates(ids)}
    values: dict[int, list[IndicatorValue]] = defaultdict(list)
    for value in (
        IndicatorValue.objects.filter(
            organisation=organisation,
            update__action_id__in=ids,
            update__state=UpdateState.SUBMITTED,
        )
        .select_related("indicator", "update__round")
        .order_by("indicator__position", "update__round__period_starts_on")
    ):
        values[value.update.action_id].append(value)
    contributions = [
        Contribution(
            o.action, o.role, latest.get(o.action_id), values.get(o.action_id, [])
        )
        for o in owners
    ]
    # The page lists contributions (owner, update, values), not the owner rows.
    page_obj.object_list = contributions  # type: ignore[assignment]
    return page_obj


def latest_submitted_updates(action_ids: list[int]) -> list[Update]:
    """The latest submitted update of each of these actions (by round, then time of
    submission), with its round: one row per action, in one query."""
    return list(
        Update.objects.filter(action_id__in=action_ids, state=UpdateState.SUBMITTED)
        .annotate(
            recency=Window(
                RowNumber(),
                partition_by=[F("action_id")],
                order_by=[
                    F("round__period_starts_on").desc(),
                    F("submitted_at").desc(),
                    F("pk").desc(),
                ],
            )
        )
        .filter(recency=1)
        .select_related("round")
    )


# --- Action detail and indicators -----------------------------------------------------------------


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


# --- Data quality ---------------------------------------------------------------------------------


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


def returned_updates_for(user) -> QuerySet[Update]:
    """Updates returned with a question that ``user`` should answer (any round)."""
    updates = Update.objects.filter(state=UpdateState.RETURNED).select_related(
        "action", "round__plan"
    )
    if not user.is_authenticated:
        return updates.none()
    if user.is_superuser:
        return updates
    condition = Q(
        action__owners__organisation_id__in=permissions.reporting_organisation_ids(user)
    ) | Q(action__plan__pact_id__in=permissions.administered_pact_ids(user))
    return updates.filter(condition).distinct().order_by("-returned_at")


def notifications_for(user, *, limit: int = 50) -> list[Notification]:
    if not user.is_authenticated:
        return []
    return list(Notification.objects.filter(user=user).select_related("round")[:limit])


def unread_notification_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


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


def quarter_choices(plan: Plan) -> list[Quarter]:
    return plan.period.quarters()


def pending_returns(plan: Plan) -> QuerySet[Update]:
    return Update.objects.filter(action__plan=plan, state=UpdateState.RETURNED)
