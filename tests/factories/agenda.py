"""Factories of the action agenda. Actions and updates are made through the services so
schedules, occurrences and statuses stay consistent, exactly as in real use."""

from __future__ import annotations

import datetime

import factory

from agenda import services
from agenda.models import BuildingBlock, Plan


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        django_get_or_create = ("pact", "slug")

    pact = None
    title = factory.Sequence(lambda n: f"Actieplan {n}")
    slug = factory.Sequence(lambda n: f"plan-{n}")
    starts_on = datetime.date(2020, 1, 1)
    ends_on = datetime.date(2021, 12, 31)
    is_published = True


class BuildingBlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BuildingBlock
        django_get_or_create = ("plan", "number")

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Bouwsteen {n}")
    position = factory.SelfAttribute("number")

    class Params:
        main = factory.Trait(is_main_goal=True)


def action(plan, title, *, owners=(), timing="", block=None, published=True, **kwargs):
    """An action made through ``services.action_create`` (owners: [(org, role)])."""
    return services.action_create(
        plan=plan,
        title=title,
        building_block=block,
        timing_text=timing,
        owners=list(owners),
        is_published=published,
        **kwargs,
    )


def submitted_update(
    action,
    round_,
    actor,
    *,
    status="on_track",
    progress=None,
    story="Gedaan.",
    at=None,
    **kwargs,
):
    update = services.update_save(
        action=action,
        round=round_,
        actor=actor,
        status=status,
        progress=progress,
        story=story,
        at=at,
        **kwargs,
    )
    return services.update_submit(update=update, actor=actor, at=at)
