"""State changes of plans and their building blocks (bouwstenen).

``authorise_plan`` is the check every plan service makes first (``actor=None`` is the
system: the importer's own checks, ``seed_demo``).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from agenda import permissions
from agenda.caching import plan_changed
from agenda.constants import (
    RoundCadence,
)
from agenda.models import (
    BuildingBlock,
    Plan,
)
from agenda.services.plan.schedules import apply_schedule
from agenda.timing import parse_timing
from pact.models import Pact


def authorise_plan(actor, plan: Plan) -> None:
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
    authorise_plan(actor, plan)
    plan.full_clean()
    plan.save()
    log(instance=plan, action="agenda.plan.create", user=actor)
    return plan


@transaction.atomic
def plan_update(*, plan: Plan, actor, **fields) -> Plan:
    """Change a plan's title, description, period, cadence or publication.

    A changed period re-derives every action's schedule from its verbatim words.
    """
    authorise_plan(actor, plan)
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
            apply_schedule(action, parse_timing(action.timing_text, plan.period))
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
    authorise_plan(actor, plan)
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
    authorise_plan(actor, plan)
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
    authorise_plan(actor, block.plan)
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
    authorise_plan(actor, block.plan)
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
