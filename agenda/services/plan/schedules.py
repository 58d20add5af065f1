"""An action's schedule: timing words parsed for the plan, stored with its occurrences.

Timing words always go through ``agenda.timing.parse_timing``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from agenda.constants import (
    ScheduleKind,
)
from agenda.models import (
    Action,
    ActionOccurrence,
    Plan,
)
from agenda.timing import Schedule, TimingError, parse_timing


def schedule_for(plan: Plan, timing_text: str) -> Schedule:
    """Parse ``timing_text`` for ``plan``; a ``TimingError`` becomes a ``ValidationError``."""
    try:
        return parse_timing(timing_text, plan.period)
    except TimingError as error:
        raise ValidationError({"timing_text": str(error)}) from error


def apply_schedule(action: Action, schedule: Schedule) -> None:
    """Store the schedule on the action and keep its occurrences in step.

    Occurrences keep their status when their key survives (a yearly action's 2021 stays
    2021); occurrences that no longer exist are removed.
    """
    action.timing_text = schedule.text
    action.schedule = schedule.to_json()
    action.schedule_kind = schedule.kind
    action.first_quarter = schedule.first.index if schedule.first else None
    action.last_quarter = schedule.last.index if schedule.last else None
    action.timing_needs_review = schedule.needs_review
    if not action.pk:
        return  # called again once the action is saved
    action.save(
        update_fields=[
            "timing_text",
            "schedule",
            "schedule_kind",
            "first_quarter",
            "last_quarter",
            "timing_needs_review",
        ]
    )
    wanted: dict[str, dict] = {}
    if schedule.kind in (ScheduleKind.CONTINUOUS, ScheduleKind.UNKNOWN):
        wanted[str(schedule.kind)] = {
            "year": None,
            "first_quarter": schedule.first.index if schedule.first else None,
            "due_quarter": None,
        }
    else:
        for occurrence in schedule.occurrences:
            wanted[occurrence.key] = {
                "year": occurrence.year,
                "first_quarter": occurrence.first.index,
                "due_quarter": occurrence.due.index,
            }
    existing = {o.key: o for o in action.occurrences.all()}
    for key, gone in existing.items():
        if key not in wanted:
            gone.delete()
    for key, values in wanted.items():
        stored = existing.get(key)
        if stored is None:
            ActionOccurrence.objects.create(
                action=action, key=key, status=action.status, **values
            )
        elif any(getattr(stored, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(stored, k, v)
            stored.save(update_fields=list(values))
