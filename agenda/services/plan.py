"""State changes of the plan: plans, building blocks, actions, owners, indicators, rounds.

Every function authorises through ``agenda.permissions`` (``actor=None`` is the system:
the importer's own checks, ``seed_demo``), validates, writes, and logs to Wagtail's audit
log. Timing words always go through ``agenda.timing.parse_timing``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from agenda import permissions
from agenda.caching import plan_changed
from agenda.constants import (
    ROUND_CLOSES_DAYS_AFTER_QUARTER,
    Aggregation,
    Direction,
    OwnerRole,
    RoundCadence,
    ScheduleKind,
)
from agenda.models import (
    Action,
    ActionOccurrence,
    ActionOwner,
    BuildingBlock,
    Indicator,
    Plan,
    Round,
)
from agenda.timing import Quarter, Schedule, TimingError, parse_timing
from pact.models import Organisation, Pact


def _authorise_plan(actor, plan: Plan) -> None:
    if actor is not None:
        permissions.require(actor, permissions.EDIT_PLAN, plan)


@transaction.atomic
def plan_create(
    *,
    pact: Pact,
    title: str,
    slug: str,
    starts_on: datetime.date,
    ends_on: datetime.date,
    actor=None,
    description: str = "",
    cadence: str = RoundCadence.QUARTERLY,
    is_published: bool = False,
) -> Plan:
    """Create a plan for ``pact``. Only the pact's admins (or the system) may."""
    plan = Plan(
        pact=pact,
        title=title,
        slug=slug,
        starts_on=starts_on,
        ends_on=ends_on,
        description=description,
        cadence=cadence,
        is_published=is_published,
    )
    _authorise_plan(actor, plan)
    plan.full_clean()
    plan.save()
    log(instance=plan, action="agenda.plan.create", user=actor)
    return plan


@transaction.atomic
def plan_update(*, plan: Plan, actor, **fields) -> Plan:
    """Change a plan's title, description, period, cadence or publication.

    A changed period re-derives every action's schedule from its verbatim words.
    """
    _authorise_plan(actor, plan)
    allowed = {
        "title",
        "description",
        "starts_on",
        "ends_on",
        "cadence",
        "is_published",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"plan_update cannot change {sorted(unknown)}")
    period_changed = any(
        name in fields and fields[name] != getattr(plan, name)
        for name in ("starts_on", "ends_on")
    )
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.full_clean()
    plan.save(update_fields=list(fields))
    if period_changed:
        for action in plan.actions.all():
            _apply_schedule(action, parse_timing(action.timing_text, plan.period))
    log(instance=plan, action="wagtail.edit", user=actor)
    plan_changed(plan.pk)
    return plan


@transaction.atomic
def building_block_upsert(
    *,
    plan: Plan,
    number: int,
    title: str,
    is_main_goal: bool = False,
    description: str = "",
    position: int | None = None,
    actor=None,
) -> BuildingBlock:
    """Create or change the building block with ``number`` in ``plan`` (the importer
    and the demo; the pages use ``building_block_create`` and ``_update``)."""
    _authorise_plan(actor, plan)
    block = BuildingBlock.objects.filter(
        plan=plan, number=number
    ).first() or BuildingBlock(plan=plan, number=number)
    block.title, block.is_main_goal, block.description = (
        title,
        is_main_goal,
        description,
    )
    block.position = number if position is None else position
    block.full_clean()
    block.save()
    plan_changed(plan.pk)
    return block


def _check_block_number(plan: Plan, number: int, block: BuildingBlock | None) -> None:
    taken = BuildingBlock.objects.filter(plan=plan, number=number)
    if block is not None:
        taken = taken.exclude(pk=block.pk)
    if taken.exists():
        raise ValidationError(
            {
                "number": _("Dit plan heeft al een bouwsteen met nummer %(n)s.")
                % {"n": number}
            }
        )


@transaction.atomic
def building_block_create(
    *,
    plan: Plan,
    number: int,
    title: str,
    actor,
    is_main_goal: bool = False,
    description: str = "",
    position: int | None = None,
    needs_title: bool = False,
) -> BuildingBlock:
    """Add a building block (bouwsteen) to ``plan``: a main goal (hoofddoel) or a side
    goal (bijzaak). ``position`` orders the blocks within main and side goals (default:
    the number). ``needs_title`` flags a stand-in title (the importer's "Bouwsteen 10")
    for the data-quality page. Only the plan's admins may; a number already used raises
    ``ValidationError``."""
    _authorise_plan(actor, plan)
    _check_block_number(plan, number, None)
    block = BuildingBlock(
        plan=plan,
        number=number,
        title=title.strip(),
        description=description,
        is_main_goal=is_main_goal,
        position=number if position is None else position,
        needs_title=needs_title,
    )
    block.full_clean()
    block.save()
    log(instance=block, action="agenda.building_block.create", user=actor)
    plan_changed(plan.pk)
    return block


@transaction.atomic
def building_block_update(
    *,
    block: BuildingBlock,
    actor,
    number: int,
    title: str,
    is_main_goal: bool,
    description: str = "",
    position: int | None = None,
) -> BuildingBlock:
    """Change a building block: number, title, main or side goal, order. Its actions
    stay with it."""
    _authorise_plan(actor, block.plan)
    _check_block_number(block.plan, number, block)
    block.number, block.title, block.description = number, title.strip(), description
    block.is_main_goal = is_main_goal
    block.position = number if position is None else position
    block.needs_title = False  # a person has looked at the title
    block.full_clean()
    block.save(
        update_fields=[
            "number",
            "title",
            "description",
            "is_main_goal",
            "position",
            "needs_title",
        ]
    )
    log(instance=block, action="wagtail.edit", user=actor)
    plan_changed(block.plan_id)
    return block


@transaction.atomic
def building_block_delete(*, block: BuildingBlock, actor) -> None:
    """Remove a building block without actions. A block with actions raises
    ``ValidationError``: move or remove its actions first (nothing is lost by accident)."""
    _authorise_plan(actor, block.plan)
    if block.actions.exists():
        raise ValidationError(
            _(
                "Deze bouwsteen heeft nog acties. Zet ze eerst bij een andere bouwsteen "
                "of maak ze overkoepelend."
            )
        )
    log(instance=block, action="wagtail.delete", user=actor)
    plan_id = block.plan_id
    block.delete()
    plan_changed(plan_id)


# --- Actions ------------------------------------------------------------------------------------


def schedule_for(plan: Plan, timing_text: str) -> Schedule:
    """Parse ``timing_text`` for ``plan``; a ``TimingError`` becomes a ``ValidationError``."""
    try:
        return parse_timing(timing_text, plan.period)
    except TimingError as error:
        raise ValidationError({"timing_text": str(error)}) from error


def _apply_schedule(action: Action, schedule: Schedule) -> None:
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


def _set_owners(action: Action, owners: Iterable[tuple[Organisation, str]]) -> None:
    owners = list(owners)
    seen: set[int] = set()
    for organisation, role in owners:
        if organisation.pk in seen:
            raise ValidationError(
                _("%(organisation)s staat twee keer bij deze actie.")
                % {"organisation": organisation}
            )
        if role not in OwnerRole.values:
            raise ValidationError(_("Onbekende rol: %(role)s") % {"role": role})
        seen.add(organisation.pk)
    action.owners.exclude(organisation_id__in=seen).delete()
    current = {o.organisation_id: o for o in action.owners.all()}
    for position, (organisation, role) in enumerate(owners):
        owner = current.get(organisation.pk)
        if owner is None:
            ActionOwner.objects.create(
                action=action, organisation=organisation, role=role, position=position
            )
        elif owner.role != role or owner.position != position:
            owner.role, owner.position = role, position
            owner.save(update_fields=["role", "position"])


@transaction.atomic
def action_create(
    *,
    plan: Plan,
    title: str,
    actor=None,
    building_block: BuildingBlock | None = None,
    timing_text: str = "",
    owners: Iterable[tuple[Organisation, str]] = (),
    description: str = "",
    is_published: bool = False,
    parent: Action | None = None,
    position: int | None = None,
    source_line: int | None = None,
) -> Action:
    """Add an action to ``plan`` with its owners and the schedule derived from its timing.

    Raises ``ValidationError`` for impossible timing words, a building block of another
    plan, or an organisation named twice.
    """
    _authorise_plan(actor, plan)
    if building_block is not None and building_block.plan_id != plan.pk:
        raise ValidationError(_("De bouwsteen hoort bij een ander plan."))
    if parent is not None and parent.plan_id != plan.pk:
        raise ValidationError(_("De hoofdactie hoort bij een ander plan."))
    schedule = schedule_for(plan, timing_text)
    if position is None:
        position = (
            plan.actions.order_by("-position")
            .values_list("position", flat=True)
            .first()
            or 0
        ) + 1
    action = Action(
        plan=plan,
        title=title.strip(),
        building_block=building_block,
        parent=parent,
        description=description,
        is_published=is_published,
        position=position,
        source_line=source_line,
    )
    _apply_schedule(action, schedule)
    action.full_clean()
    action.save()
    _apply_schedule(action, schedule)
    _set_owners(action, owners)
    log(instance=action, action="agenda.action.create", user=actor)
    plan_changed(plan.pk)
    return action


@transaction.atomic
def action_update(
    *,
    action: Action,
    actor,
    title: str | None = None,
    description: str | None = None,
    timing_text: str | None = None,
    building_block: BuildingBlock | None | bool = False,
    is_published: bool | None = None,
    owners: Iterable[tuple[Organisation, str]] | None = None,
) -> Action:
    """Change an action. Timing words are re-parsed; owners replaced when given."""
    _authorise_plan(actor, action.plan)
    fields = []
    if title is not None:
        action.title = title.strip()
        fields.append("title")
    if description is not None:
        action.description = description
        fields.append("description")
    if is_published is not None:
        action.is_published = is_published
        fields.append("is_published")
    if not isinstance(building_block, bool):
        if building_block is not None and building_block.plan_id != action.plan_id:
            raise ValidationError(_("De bouwsteen hoort bij een ander plan."))
        action.building_block = building_block
        fields.append("building_block")
    action.full_clean()
    if fields:
        action.save(update_fields=fields)
    if timing_text is not None and timing_text.strip() != action.timing_text:
        _apply_schedule(action, schedule_for(action.plan, timing_text))
    if owners is not None:
        _set_owners(action, owners)
    log(instance=action, action="wagtail.edit", user=actor)
    plan_changed(action.plan_id)
    return action


@transaction.atomic
def action_confirm_timing(*, action: Action, actor) -> Action:
    """A plan admin has checked the derived schedule: clear the review flag."""
    _authorise_plan(actor, action.plan)
    action.timing_needs_review = False
    action.save(update_fields=["timing_needs_review"])
    log(instance=action, action="agenda.action.timing_confirmed", user=actor)
    plan_changed(action.plan_id)
    return action


@transaction.atomic
def action_set_owner_role(
    *, action: Action, organisation: Organisation, role: str, actor
) -> ActionOwner:
    """Change the role of one owner (e.g. appoint the trekker)."""
    _authorise_plan(actor, action.plan)
    owner = action.owners.get(organisation=organisation)
    if role not in OwnerRole.values:
        raise ValidationError(_("Onbekende rol: %(role)s") % {"role": role})
    owner.role = role
    owner.save(update_fields=["role"])
    log(instance=action, action="wagtail.edit", user=actor)
    plan_changed(action.plan_id)
    return owner


@transaction.atomic
def indicator_upsert(
    *,
    action: Action,
    name: str,
    actor=None,
    unit: str = "",
    baseline: Decimal | None = None,
    baseline_label: str = "",
    target: Decimal | None = None,
    target_label: str = "",
    direction: str = Direction.UP,
    aggregation: str = Aggregation.SUM,
    description: str = "",
) -> Indicator:
    """Create or change the indicator ``name`` of ``action``."""
    _authorise_plan(actor, action.plan)
    indicator = Indicator.objects.filter(action=action, name=name).first() or Indicator(
        action=action, name=name, position=action.indicators.count()
    )
    for field, value in {
        "unit": unit,
        "baseline": baseline,
        "baseline_label": baseline_label,
        "target": target,
        "target_label": target_label,
        "direction": direction,
        "aggregation": aggregation,
        "description": description,
    }.items():
        setattr(indicator, field, value)
    indicator.full_clean()
    indicator.save()
    plan_changed(action.plan_id)
    return indicator


# --- Rounds -------------------------------------------------------------------------------------


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
    _authorise_plan(actor, plan)
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
    _authorise_plan(actor, plan)
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
    _authorise_plan(actor, round.plan)
    if round.closed_at is None:
        round.closed_at = timezone.now()
        round.save(update_fields=["closed_at"])
        log(instance=round, action="agenda.round.close", user=actor)
        plan_changed(round.plan_id)
    return round
