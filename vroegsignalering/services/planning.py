"""Planning within capacity: the week's visits and calls go to the highest scores.

A partner sets how many home visits and calls it can do per week (``PartnerCapacity``).
``households_plan`` takes the partner's new households, highest score first (ties: the
oldest signal first), and gives the first ones a home visit, the next ones a call, and
everyone else a letter, each with a due date. Capacity already planned in the same week
counts. Nothing is dropped: every household leaves with a next step.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from pact.models import Organisation
from vroegsignalering import events
from vroegsignalering.constants import HouseholdStatus, NextStep
from vroegsignalering.models import Household, PartnerCapacity


def week_start_of(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _due(step: str, week: datetime.date, today: datetime.date) -> datetime.date:
    if step == NextStep.LETTER:
        return max(today, week) + datetime.timedelta(days=2)
    return max(week + datetime.timedelta(days=4), today)


def households_plan(
    *,
    organisation: Organisation,
    week: datetime.date,
    today: datetime.date | None = None,
) -> dict[str, int]:
    """Plan the partner's new households into ``week`` (a Monday). Returns how many got
    each step. Run by the importer and by ``manage.py signals_plan``; no actor (the
    rules decide, nobody chooses)."""
    today = today or timezone.localdate()
    capacity = PartnerCapacity.objects.filter(organisation=organisation).first()
    visits = capacity.visits_per_week if capacity else 0
    calls = capacity.calls_per_week if capacity else 0
    with transaction.atomic():
        planned = Household.objects.filter(organisation=organisation, planned_week=week)
        visits -= planned.filter(planned_step=NextStep.VISIT).count()
        calls -= planned.filter(planned_step=NextStep.CALL).count()
        counts = {NextStep.VISIT: 0, NextStep.CALL: 0, NextStep.LETTER: 0}
        waiting = (
            Household.objects.select_for_update()
            .filter(organisation=organisation, status=HouseholdStatus.NEW)
            .order_by("-score", "first_signal_on", "id")
        )
        now = timezone.now()
        for household in waiting:
            if visits > 0:
                step, visits = NextStep.VISIT, visits - 1
            elif calls > 0:
                step, calls = NextStep.CALL, calls - 1
            else:
                step = NextStep.LETTER
            counts[step] += 1
            household.status = HouseholdStatus.PLANNED
            household.next_step = step
            household.planned_step = step
            household.planned_week = week
            household.due_on = _due(step, week, today)
            household.updated_at = now
            household.save(
                update_fields=[
                    "status",
                    "next_step",
                    "planned_step",
                    "planned_week",
                    "due_on",
                    "updated_at",
                ]
            )
        if any(counts.values()):
            events.publish_queue_changed(
                organisation_ids=[organisation.pk],
                municipality_ids=set(
                    Household.objects.filter(
                        organisation=organisation, planned_week=week
                    ).values_list("municipality_id", flat=True)
                ),
            )
    return {str(step): count for step, count in counts.items()}
