"""The plan by organisation: the organisations owning actions, and what one organisation
contributes (its actions, their latest submitted update, the figures it supplied).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber

from agenda import permissions
from agenda.constants import UpdateState
from agenda.models import Action, ActionOwner, IndicatorValue, Plan, Update
from pact.models import Organisation


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
