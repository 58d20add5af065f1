"""Plans, their rounds and quarters, building blocks, and the actions in plan order with
their owners: the reads the other selectors build on.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from agenda import permissions
from agenda.constants import OwnerRole, Status
from agenda.models import Action, ActionOwner, BuildingBlock, Plan, Round
from agenda.timing import Quarter

STATUS_ORDER = [s.value for s in Status]

# Plan order: by building block (plan-wide actions last), then the action's position.
ACTION_ORDER = (
    F("building_block__position").asc(nulls_last=True),
    F("building_block__number").asc(nulls_last=True),
    "position",
    "pk",
)


def today_quarter(today: datetime.date | None = None) -> Quarter:
    return Quarter.from_date(today or timezone.localdate())


def quarter_choices(plan: Plan) -> list[Quarter]:
    return plan.period.quarters()


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


def actions_without_lead(plan: Plan) -> QuerySet[Action]:
    return Action.objects.filter(plan=plan).exclude(owners__role=OwnerRole.LEAD)


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
