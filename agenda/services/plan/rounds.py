"""State changes of reporting rounds: create (one or a round per quarter) and close."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from agenda.caching import plan_changed
from agenda.constants import (
    ROUND_CLOSES_DAYS_AFTER_QUARTER,
)
from agenda.models import (
    Plan,
    Round,
)
from agenda.services.plan.plans import authorise_plan
from agenda.timing import Quarter


@transaction.atomic
def round_create(
    *,
    plan: Plan,
    title: str,
    period_starts_on: datetime.date,
    period_ends_on: datetime.date,
    opens_on: datetime.date,
    closes_on: datetime.date,
    council_meeting_on: datetime.date | None = None,
    actor=None,
) -> Round:
    """Add a reporting round (e.g. aligned with a council meeting)."""
    authorise_plan(actor, plan)
    round_ = Round(
        plan=plan,
        title=title,
        period_starts_on=period_starts_on,
        period_ends_on=period_ends_on,
        opens_on=opens_on,
        closes_on=closes_on,
        council_meeting_on=council_meeting_on,
    )
    if council_meeting_on and council_meeting_on < closes_on:
        raise ValidationError(
            {"closes_on": _("De ronde moet sluiten vóór de raadsvergadering.")}
        )
    round_.full_clean()
    round_.save()
    log(instance=round_, action="agenda.round.create", user=actor)
    plan_changed(plan.pk)
    return round_


def quarter_round_title(quarter: Quarter) -> str:
    return _("%(n)se kwartaal %(year)s") % {"n": quarter.number, "year": quarter.year}


@transaction.atomic
def rounds_create_quarterly(*, plan: Plan, actor=None) -> list[Round]:
    """One round per quarter of the plan period; existing rounds are left alone."""
    authorise_plan(actor, plan)
    existing = set(plan.rounds.values_list("period_starts_on", flat=True))
    created = []
    for quarter in plan.period.quarters():
        if quarter.starts_on in existing:
            continue
        created.append(
            round_create(
                plan=plan,
                title=quarter_round_title(quarter),
                period_starts_on=quarter.starts_on,
                period_ends_on=quarter.ends_on,
                opens_on=quarter.starts_on,
                closes_on=quarter.ends_on
                + datetime.timedelta(days=ROUND_CLOSES_DAYS_AFTER_QUARTER),
                actor=actor,
            )
        )
    return created


@transaction.atomic
def round_close(*, round: Round, actor) -> Round:  # noqa: A002
    """Close a round before its closing date; no more updates are accepted."""
    authorise_plan(actor, round.plan)
    if round.closed_at is None:
        round.closed_at = timezone.now()
        round.save(update_fields=["closed_at"])
        log(instance=round, action="agenda.round.close", user=actor)
        plan_changed(round.plan_id)
    return round
