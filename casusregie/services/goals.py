"""The resident's goals (in his own words, ordered by his priority, each with an
optional leading organisation) and the notes on a case.
"""

from __future__ import annotations

import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from casusregie import events, permissions
from casusregie.constants import EventKind, GoalStatus
from casusregie.models import Case, Goal, Note
from casusregie.services.common import (
    actor_organisation,
    authorise,
    lock_case,
    now_or,
    record_change,
    require_open,
)
from casusregie.services.errors import NotAllowed
from pact.models import Organisation


@transaction.atomic
def goal_add(
    *,
    case: Case,
    actor,
    text: str,
    lead_organisation: Organisation | None = None,
    at: datetime.datetime | None = None,
) -> Goal:
    """Add a goal in the resident's words at the lowest priority (``edit``)."""
    at = now_or(at)
    case = lock_case(case)
    authorise(actor, permissions.EDIT, case)
    require_open(case)
    _check_goal_lead(case, lead_organisation)
    last = case.goals.order_by("-position").values_list("position", flat=True).first()
    goal = Goal(
        case=case,
        text=text.strip(),
        position=(last or 0) + 1,
        lead_organisation=lead_organisation,
        created_at=at,
        updated_at=at,
    )
    goal.full_clean()
    goal.save()
    record_change(
        case=case,
        kind=EventKind.GOAL_ADDED,
        actor=actor,
        organisation=actor_organisation(actor, case),
        obj=goal,
        at=at,
    )
    events.publish_case_changed(case)
    return goal


def _check_goal_lead(case: Case, organisation: Organisation | None) -> None:
    if organisation is None:
        return
    if not case.involvements.filter(
        organisation=organisation, ended_at__isnull=True
    ).exists():
        raise ValidationError(
            _("De trekker van een doel moet bij de casus betrokken zijn.")
        )


@transaction.atomic
def goal_update(
    *,
    goal: Goal,
    actor,
    status: str | None = None,
    text: str | None = None,
    lead_organisation: Organisation | None | Literal[False] = False,
    at: datetime.datetime | None = None,
) -> Goal:
    """Change a goal's status, words or lead (``edit``). ``lead_organisation=None``
    clears the goal's lead; leave it out to keep it."""
    at = now_or(at)
    case = lock_case(goal.case)
    authorise(actor, permissions.EDIT, case)
    require_open(case)
    goal = Goal.objects.select_for_update().get(pk=goal.pk)
    fields = []
    if status is not None and status != goal.status:
        if status not in GoalStatus.values:
            raise ValidationError(_("Onbekende status."))
        goal.status = status
        fields.append("status")
    if text is not None and text.strip() != goal.text:
        goal.text = text.strip()
        fields.append("text")
    if lead_organisation is not False and lead_organisation != goal.lead_organisation:
        _check_goal_lead(case, lead_organisation)
        goal.lead_organisation = lead_organisation
        fields.append("lead_organisation")
    if not fields:
        return goal
    goal.updated_at = at
    goal.full_clean()
    goal.save(update_fields=[*fields, "updated_at"])
    record_change(
        case=case,
        kind=EventKind.GOAL_CHANGED,
        actor=actor,
        organisation=actor_organisation(actor, case),
        obj=goal,
        at=at,
        detail={"fields": fields},
    )
    events.publish_case_changed(case)
    return goal


@transaction.atomic
def goal_move(
    *, goal: Goal, actor, direction: str, at: datetime.datetime | None = None
) -> Goal:
    """Move a goal one place up or down in the resident's priority order (``edit``)."""
    at = now_or(at)
    case = lock_case(goal.case)
    authorise(actor, permissions.EDIT, case)
    require_open(case)
    goals = list(case.goals.order_by("position", "id"))
    index = next(i for i, g in enumerate(goals) if g.pk == goal.pk)
    target = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down"):
        raise ValidationError(_("Kies omhoog of omlaag."))
    if 0 <= target < len(goals):
        goals[index], goals[target] = goals[target], goals[index]
        for position, item in enumerate(goals, 1):
            if item.position != position:
                item.position = position
                item.save(update_fields=["position"])
        record_change(
            case=case,
            kind=EventKind.GOALS_REORDERED,
            actor=actor,
            organisation=actor_organisation(actor, case),
            obj=goal,
            at=at,
        )
        events.publish_case_changed(case)
    return next(g for g in goals if g.pk == goal.pk)


@transaction.atomic
def note_add(
    *, case: Case, actor, text: str, at: datetime.datetime | None = None
) -> Note:
    """Add a short note on behalf of the actor's organisation (``edit``)."""
    at = now_or(at)
    case = lock_case(case)
    authorise(actor, permissions.EDIT, case)
    require_open(case)
    organisation = actor_organisation(actor, case)
    if organisation is None:
        raise NotAllowed(_("U mag dit niet doen met deze casus."))
    note = Note(
        case=case,
        author=actor,
        organisation=organisation,
        text=text.strip(),
        created_at=at,
    )
    note.full_clean()
    note.save()
    record_change(
        case=case,
        kind=EventKind.NOTE_ADDED,
        actor=actor,
        organisation=organisation,
        obj=note,
        at=at,
    )
    events.publish_case_changed(case)
    return note
