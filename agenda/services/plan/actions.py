"""State changes of actions: create, change, confirm the timing, owners, indicators."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from agenda.caching import plan_changed
from agenda.constants import (
    Aggregation,
    Direction,
    OwnerRole,
)
from agenda.models import (
    Action,
    ActionOwner,
    BuildingBlock,
    Indicator,
    Plan,
)
from agenda.services.plan.plans import authorise_plan
from agenda.services.plan.schedules import apply_schedule, schedule_for
from pact.models import Organisation


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
    authorise_plan(actor, plan)
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
    apply_schedule(action, schedule)
    action.full_clean()
    action.save()
    apply_schedule(action, schedule)
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
    authorise_plan(actor, action.plan)
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
        apply_schedule(action, schedule_for(action.plan, timing_text))
    if owners is not None:
        _set_owners(action, owners)
    log(instance=action, action="wagtail.edit", user=actor)
    plan_changed(action.plan_id)
    return action


@transaction.atomic
def action_confirm_timing(*, action: Action, actor) -> Action:
    """A plan admin has checked the derived schedule: clear the review flag."""
    authorise_plan(actor, action.plan)
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
    authorise_plan(actor, action.plan)
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
    authorise_plan(actor, action.plan)
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
