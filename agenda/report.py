"""The council report of a round, as PDF (WeasyPrint).

What the audit office asked for (Assen rekenkamer 2025): main goals before side goals,
numbers *and* the story behind them, each partner's contribution, and honesty about the
data itself. The report holds only what the pact publishes: published actions and
submitted updates. Sections: status per building block (main goals first, with the
roll-up and its rule), changes since the previous round, the actions with owners and
timing, indicator charts, the stories and signals, and data quality.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda import charts, selectors
from agenda.constants import OwnerRole, UpdateState
from agenda.models import Indicator, Round, Update


def council_report_context(round_: Round) -> dict:
    plan = round_.plan
    blocks = selectors.block_summaries(plan, round_, internal=False)
    actions = selectors.actions_with_owners(
        plan.actions.filter(is_published=True)
    ).order_by(*selectors.ACTION_ORDER)
    actions = sorted(
        actions,
        key=lambda a: (
            not (a.building_block and a.building_block.is_main_goal),
            a.building_block.position if a.building_block else 999,
            a.position,
        ),
    )
    updates = {
        u.action_id: u
        for u in Update.objects.filter(
            round=round_, state=UpdateState.SUBMITTED, action__is_published=True
        ).select_related("action")
    }
    rounds = [
        r
        for r in selectors.round_list(plan)
        if r.period_starts_on <= round_.period_starts_on
    ]
    indicators = []
    for indicator in Indicator.objects.filter(
        action__plan=plan, action__is_published=True
    ).select_related("action"):
        series = selectors.indicator_series(indicator, rounds=rounds)
        if not series.points:
            continue
        indicators.append(
            (
                indicator,
                series,
                charts.line_chart(
                    series.points,
                    title=indicator.name,
                    target=float(indicator.target)
                    if indicator.target is not None
                    else None,
                    unit=indicator.unit,
                ),
            )
        )
    coverage = selectors.round_coverage(plan, round_, published_only=True)
    published = plan.actions.filter(is_published=True)
    return {
        "plan": plan,
        "round": round_,
        "generated_at": timezone.localtime(),
        "blocks": blocks,
        "status_chart": charts.status_bars(
            [(b.title, b.statuses) for b in blocks],
            title=_("Status van de acties per bouwsteen"),
        ),
        "actions": [(a, updates.get(a.pk), list(a.owners.all())) for a in actions],
        "stories": [
            (a, updates[a.pk])
            for a in actions
            if a.pk in updates and (updates[a.pk].story or updates[a.pk].signal)
        ],
        "changes": selectors.changes_since_previous(plan, round_),
        "previous": selectors.round_previous(round_),
        "indicators": indicators,
        "coverage": coverage,
        "without_lead": published.exclude(owners__role=OwnerRole.LEAD).count(),
        "to_review": published.filter(timing_needs_review=True).count(),
        "overdue": selectors.overdue_occurrences(
            plan, today=round_.closes_on, published_only=True
        ).count(),
        "LEAD": OwnerRole.LEAD,
    }


def council_report_html(round_: Round) -> str:
    return render_to_string(
        "agenda/report/council_report.html", council_report_context(round_)
    )


def council_report_pdf(round_: Round) -> bytes:
    from weasyprint import HTML

    return HTML(string=council_report_html(round_)).write_pdf()
