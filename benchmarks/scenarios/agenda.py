"""Agenda scenarios: the pact dashboard, the by-organisation, by-building-block and
timeline pages on a plan with 5,000 actions and 50,000 updates, and the time to build
the council PDF for 200 actions.

The large plan is bulk-created (the services would take minutes for this volume): the
rows are what the services produce (schedule JSON, occurrences, owners with roles,
submitted updates, the action's status copied from its latest update).
"""

from __future__ import annotations

import datetime
import random
import time

from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from agenda.constants import OwnerRole, ScheduleKind, Status, UpdateState
from agenda.models import (
    Action,
    ActionOccurrence,
    ActionOwner,
    BuildingBlock,
    Indicator,
    IndicatorValue,
    Plan,
    Update,
)
from agenda.services import rounds_create_quarterly
from agenda.timing import Period, Quarter, parse_timing
from pact.models import Pact

TIMINGS = [
    "Q1",
    "Q2, Q3",
    "Jaarlijks Q3",
    "2024 - 2025",
    "Doorlopend",
    "",
    "Q3 2024 - Q2 2026",
    "2025",
]
STATUSES = [Status.ON_TRACK] * 5 + [
    Status.AT_RISK,
    Status.DELAYED,
    Status.DONE,
    Status.NOT_STARTED,
]


def build_plan(
    pact: Pact, *, slug: str, actions: int, updates_per_action: int, seed: int = 7
) -> Plan:
    rng = random.Random(seed)
    plan = Plan.objects.create(
        pact=pact,
        title=f"Benchmarkplan {slug}",
        slug=slug,
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        is_published=True,
    )
    blocks = [
        BuildingBlock.objects.create(
            plan=plan, number=n, title=f"Bouwsteen {n}", is_main_goal=n <= 3, position=n
        )
        for n in range(1, 10)
    ]
    rounds = rounds_create_quarterly(plan=plan)
    period = Period(Quarter(2024, 1), Quarter(2026, 4))
    schedules = {text: parse_timing(text, period) for text in TIMINGS}
    members = list(pact.members.all())
    new_actions = []
    for i in range(actions):
        text = TIMINGS[i % len(TIMINGS)]
        schedule = schedules[text]
        new_actions.append(
            Action(
                plan=plan,
                building_block=blocks[i % len(blocks)],
                title=f"Actie {i:05d}",
                timing_text=text,
                schedule=schedule.to_json(),
                schedule_kind=schedule.kind,
                first_quarter=schedule.first.index if schedule.first else None,
                last_quarter=schedule.last.index if schedule.last else None,
                timing_needs_review=schedule.needs_review,
                is_published=i % 10 != 0,
                position=i,
            )
        )
    Action.objects.bulk_create(new_actions, batch_size=1000)
    created = list(Action.objects.filter(plan=plan).order_by("position"))
    occurrences, owners = [], []
    for action in created:
        schedule = schedules[action.timing_text]
        if schedule.kind in (ScheduleKind.CONTINUOUS, ScheduleKind.UNKNOWN):
            occurrences.append(
                ActionOccurrence(
                    action=action,
                    key=str(schedule.kind),
                    first_quarter=action.first_quarter,
                    due_quarter=None,
                )
            )
        for occurrence in (
            schedule.occurrences
            if schedule.kind not in (ScheduleKind.CONTINUOUS, ScheduleKind.UNKNOWN)
            else []
        ):
            occurrences.append(
                ActionOccurrence(
                    action=action,
                    key=occurrence.key,
                    year=occurrence.year,
                    first_quarter=occurrence.first.index,
                    due_quarter=occurrence.due.index,
                )
            )
        chosen = rng.sample(members, k=min(len(members), 1 + action.position % 3))
        for position, organisation in enumerate(chosen):
            role = (
                OwnerRole.LEAD
                if position == 0 and action.position % 4
                else OwnerRole.EXECUTING
            )
            owners.append(
                ActionOwner(
                    action=action,
                    organisation=organisation,
                    role=role,
                    position=position,
                )
            )
    ActionOccurrence.objects.bulk_create(occurrences, batch_size=2000)
    ActionOwner.objects.bulk_create(owners, batch_size=2000)
    user = get_user_model().objects.filter(username__startswith="coordinator.").first()
    now = timezone.now()
    batch: list[Update] = []
    for action in created:
        latest = None
        for round_ in rounds[:updates_per_action]:
            status = rng.choice(STATUSES)
            latest = Update(
                action=action,
                round=round_,
                state=UpdateState.SUBMITTED,
                status=status,
                status_explanation="Toelichting."
                if status in (Status.AT_RISK, Status.DELAYED)
                else "",
                progress=rng.randint(0, 100),
                story="Wat er is gedaan en wat het opleverde.",
                signal="" if rng.random() < 0.9 else "Een signaal voor het pact.",
                created_by=user,
                submitted_by=user,
                submitted_at=now,
            )
            batch.append(latest)
        if latest:
            action.status, action.progress = latest.status, latest.progress
        if len(batch) >= 5000:
            Update.objects.bulk_create(batch, batch_size=5000)
            batch = []
    Update.objects.bulk_create(batch, batch_size=5000)
    Action.objects.bulk_update(created, ["status", "progress"], batch_size=2000)
    return plan


def add_indicators(plan: Plan, count: int) -> None:
    actions = list(plan.actions.order_by("position")[:count])
    for action in actions:
        indicator = Indicator.objects.create(
            action=action,
            name=f"Indicator {action.position}",
            unit="huishoudens",
            target=100,
        )
        owner = action.owners.first()
        values = [
            IndicatorValue(
                indicator=indicator,
                update=update,
                organisation=owner.organisation,
                value=10 + 5 * i,
            )
            for i, update in enumerate(
                action.updates.order_by("round__period_starts_on")
            )
        ]
        IndicatorValue.objects.bulk_create(values)


def run(ctx) -> None:
    pact = Pact.objects.get(slug="aa-en-hunze")
    actions, per_action = (500, 10) if ctx.quick else (5000, 10)
    ctx.progress(
        f"building a plan with {actions} actions and {actions * per_action} updates ..."
    )
    started = time.monotonic()
    plan = build_plan(
        pact, slug="bench-groot", actions=actions, updates_per_action=per_action
    )
    ctx.progress(f"  built in {time.monotonic() - started:.0f} s")
    admin = Client()
    admin.force_login(get_user_model().objects.get(username="pactbeheer.aa-en-hunze"))
    round_ = plan.rounds.order_by("period_starts_on")[per_action - 1]
    base = f"/agenda/{pact.slug}/{plan.slug}/"
    figures = {
        "actions": actions,
        "updates": Update.objects.filter(action__plan=plan).count(),
    }
    from agenda import caching

    def after_change(call):
        def run_call() -> None:
            caching.plan_changed(plan.pk)  # as right after a partner's submission
            call()

        return run_call

    dashboard = ctx.get(f"{base}?ronde={round_.uuid}", client=admin)
    public = ctx.get(f"{base}?ronde={round_.uuid}")
    scenarios = [
        ("agenda_dashboard_pact_admin_after_change", after_change(dashboard), 10),
        ("agenda_dashboard_pact_admin_cached", dashboard, 30),
        ("agenda_dashboard_public_after_change", after_change(public), 10),
        ("agenda_dashboard_public_cached", public, 30),
        (
            "agenda_dashboard_live_fragment_cached",
            ctx.get(f"{base}live/?ronde={round_.uuid}", client=admin),
            30,
        ),
        (
            "agenda_by_organisation",
            ctx.get(f"{base}organisaties/gkb/", client=admin),
            30,
        ),
        ("agenda_by_building_block", ctx.get(f"{base}bouwstenen/", client=admin), 10),
        ("agenda_timeline", ctx.get(f"{base}tijdlijn/", client=admin), 10),
    ]
    for name, call, n in scenarios:
        ctx.measure(name, call, n=n, **figures)

    ctx.progress("building a plan with 200 actions for the council report ...")
    small = build_plan(
        pact, slug="bench-raad", actions=200, updates_per_action=4, seed=11
    )
    add_indicators(small, 20)
    report_round = small.rounds.order_by("period_starts_on")[3]
    from agenda.report import council_report_pdf

    runs = 2 if ctx.quick else 3
    council_report_pdf(report_round)  # warm up fonts and templates
    samples = []
    for _ in range(runs):
        begin = time.perf_counter()
        pdf = council_report_pdf(report_round)
        samples.append(time.perf_counter() - begin)
    samples.sort()
    ctx.emit(
        "agenda_council_report_pdf_200_actions",
        n=runs,
        p50_s=round(samples[len(samples) // 2], 2),
        max_s=round(samples[-1], 2),
        pdf_kb=round(len(pdf) / 1024),
        actions=200,
        indicators=20,
    )
