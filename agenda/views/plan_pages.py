"""The plan pages everyone may open: the agenda's index, the dashboard (and its live part),
the plan by quarter, by building block, by organisation and on a timeline, and one action.

What a page shows depends on the person: visitors see what the pact publishes, people of
the pact also the internal actions (``permissions.can_view_internal``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from agenda import caching, charts, permissions, selectors
from agenda.models import Plan
from agenda.timing import Quarter, TimingError
from agenda.views.common import plan_context
from pact.models import Organisation

# Plans with more visible actions than this list at most LIST_LIMIT_PER_BLOCK actions per
# building block on the block and timeline pages, with a link to the whole block.
LARGE_PLAN = 200
LIST_LIMIT_PER_BLOCK = 25


def index(request):
    return render(
        request,
        "agenda/index.html",
        {
            "plans": selectors.plan_list_for_user(request.user),
            "can_create_plan": permissions.pacts_administered_by(request.user).exists(),
        },
    )


def pact_redirect(request, pact):
    plan = next(
        (p for p in selectors.plan_list_for_user(request.user) if p.pact.slug == pact),
        None,
    )
    if plan is None:
        raise Http404
    return redirect("agenda:dashboard", pact=pact, plan=plan.slug)


def _round_param(request, plan: Plan):
    uuid = request.GET.get("ronde")
    if not uuid:
        return None
    try:
        return plan.rounds.filter(uuid=uuid).first()
    except ValidationError:
        return None


def _cached_board(request, plan):
    round_ = _round_param(request, plan)
    internal = permissions.can_view_internal(request.user, plan)
    return caching.cached(
        plan,
        (
            "dashboard",
            round_.pk if round_ else "current",
            internal,
            timezone.localdate(),
        ),
        lambda: selectors.plan_dashboard(request.user, plan, round_=round_),
    )


def dashboard(request, pact, plan):
    plan = permissions.access_plan(request.user, pact, plan)
    board = _cached_board(request, plan)
    return render(
        request,
        "agenda/plan_dashboard.html",
        plan_context(
            request,
            plan,
            board=board,
            **_board_charts(board),
            rounds=selectors.round_list(plan),
        ),
    )


def _board_charts(board) -> dict:
    return {
        "status_chart": charts.status_bars(
            [(b.title, b.statuses) for b in board.blocks],
            title=_("Status van de acties per bouwsteen"),
        ),
        "rollup_chart": charts.percent_bars(
            [(b.title, b.rollup.value) for b in board.blocks],
            title=_("Voortgang per bouwsteen in deze ronde"),
        ),
    }


def dashboard_fragment(request, pact, plan):
    """The live part of the dashboard, re-fetched when an update comes in."""
    plan = permissions.access_plan(request.user, pact, plan)
    board = _cached_board(request, plan)
    return render(
        request,
        "agenda/includes/dashboard_live.html",
        plan_context(request, plan, board=board, **_board_charts(board)),
    )


def by_quarter(request, pact, plan):
    plan = permissions.access_plan(request.user, pact, plan)
    quarters = plan.period.quarters()
    try:
        quarter = Quarter.from_key(request.GET["kwartaal"])
    except (KeyError, TimingError):
        current = selectors.today_quarter()
        quarter = min(max(current, quarters[0]), quarters[-1])
    view = selectors.quarter_view(request.user, plan, quarter)
    index = quarters.index(quarter) if quarter in quarters else None
    return render(
        request,
        "agenda/by_quarter.html",
        plan_context(
            request,
            plan,
            view=view,
            previous=quarters[index - 1] if index else None,
            next=quarters[index + 1]
            if index is not None and index + 1 < len(quarters)
            else None,
        ),
    )


def by_block(request, pact, plan):
    plan = permissions.access_plan(request.user, pact, plan)
    round_ = _round_param(request, plan) or selectors.round_current(plan)
    internal = permissions.can_view_internal(request.user, plan)
    summaries = selectors.block_summaries(plan, round_, internal=internal)
    chosen = request.GET.get("bouwsteen")
    total = sum(summary.total for summary in summaries)
    limit = None if chosen or total <= LARGE_PLAN else LIST_LIMIT_PER_BLOCK
    shown = selectors.visible_actions_by_block(
        request.user, plan, key=chosen, limit=limit
    )
    grouped = []
    for summary in summaries:
        key = selectors.block_key(summary.block)
        if chosen and chosen != key:
            continue
        actions = shown.get(summary.block.pk if summary.block else None, [])
        grouped.append((summary, actions, summary.total, key))
    return render(
        request,
        "agenda/by_block.html",
        plan_context(
            request,
            plan,
            grouped=grouped,
            round=round_,
            rounds=selectors.round_list(plan),
            chosen=chosen,
        ),
    )


def organisations(request, pact, plan):
    plan = permissions.access_plan(request.user, pact, plan)
    return render(
        request,
        "agenda/organisations.html",
        plan_context(
            request,
            plan,
            organisations=selectors.plan_organisations(request.user, plan),
        ),
    )


def organisation_detail(request, pact, plan, organisation):
    plan = permissions.access_plan(request.user, pact, plan)
    organisation = get_object_or_404(Organisation, slug=organisation)
    page = selectors.organisation_contribution(
        request.user, plan, organisation, page=request.GET.get("pagina")
    )
    if not page.paginator.count:
        raise Http404
    return render(
        request,
        "agenda/organisation_detail.html",
        plan_context(
            request,
            plan,
            organisation=organisation,
            page=page,
            total=page.paginator.count,
        ),
    )


def timeline(request, pact, plan):
    plan = permissions.access_plan(request.user, pact, plan)
    chosen = request.GET.get("bouwsteen")
    totals = selectors.visible_action_counts(request.user, plan)
    truncated = sum(totals.values()) > LARGE_PLAN and not chosen
    quarters, groups = selectors.timeline(
        request.user,
        plan,
        key=chosen,
        limit=LIST_LIMIT_PER_BLOCK if truncated else None,
        totals=totals,
    )
    return render(
        request,
        "agenda/timeline.html",
        plan_context(
            request,
            plan,
            quarters=quarters,
            groups=groups,
            current=selectors.today_quarter(),
            chosen=chosen,
            truncated=truncated,
        ),
    )


def action_detail(request, action_uuid):
    action = permissions.access_action(request.user, action_uuid)
    plan = action.plan
    updates = selectors.action_updates(request.user, action)
    indicators = []
    own_indicators = list(action.indicators.all())
    for indicator, series in zip(
        own_indicators, selectors.indicator_series_many(own_indicators), strict=True
    ):
        chart = charts.line_chart(
            series.points,
            title=_("%(name)s per ronde") % {"name": indicator.name},
            target=float(indicator.target) if indicator.target is not None else None,
            unit=indicator.unit,
        )
        indicators.append((indicator, series, chart))
    today = timezone.localdate()
    open_rounds = (
        [r for r in plan.rounds.all() if r.is_open(today)]
        if permissions.can_report(request.user, action)
        else []
    )
    return render(
        request,
        "agenda/action_detail.html",
        plan_context(
            request,
            plan,
            action=action,
            owners=list(action.owners.select_related("organisation")),
            occurrences=list(action.occurrences.all()),
            updates=updates,
            indicators=indicators,
            schedule=action.parsed_schedule,
            can_report=permissions.can_report(request.user, action),
            open_rounds=open_rounds,
            sub_actions=selectors.actions_with_owners(
                permissions.actions_visible_to(request.user, plan).filter(parent=action)
            ),
        ),
    )
