"""Reads of the action agenda: dashboards, views by quarter, building block, organisation,
the timeline, coverage and data quality, and the roll-up of progress.

Every selector takes the viewing user (or an explicit ``internal`` flag computed from the
policy) so what the public sees is always the published part: published actions and
submitted updates only. Large plans are read with ``values_list`` queries and combined in
Python, so a page runs a fixed number of queries whatever the number of actions.

The reads live by sub-domain; callers (other apps included) import this package, not its
modules:

- ``plans``: plans, rounds, quarters, building blocks, actions in plan order with owners;
- ``coverage``: expected updates, coverage, overdue, data quality, changes between rounds;
- ``dashboard``: the dashboard, block summaries and the roll-up of progress;
- ``schedule``: the plan by quarter and the timeline;
- ``organisations``: the plan by organisation and one organisation's contribution;
- ``indicators``: an action's updates and its indicator series;
- ``inbox``: what waits for one person (open rounds, returned updates, notifications);
- ``report_sections``: sections other apps add to the council report (decision 0135).
"""

from agenda.selectors.coverage import (
    Coverage,
    QualityRow,
    changes_since_previous,
    data_quality,
    expected_action_ids,
    overdue_occurrences,
    pending_returns,
    round_coverage,
)
from agenda.selectors.dashboard import (
    DASHBOARD_OVERDUE_SHOWN,
    BlockSummary,
    Dashboard,
    RollUp,
    block_summaries,
    plan_dashboard,
    rollup,
)
from agenda.selectors.inbox import (
    notifications_for,
    open_rounds_for_user,
    returned_updates_for,
    unread_notification_count,
)
from agenda.selectors.indicators import (
    IndicatorSeries,
    action_updates,
    indicator_series,
    indicator_series_many,
)
from agenda.selectors.organisations import (
    Contribution,
    latest_submitted_updates,
    organisation_contribution,
    plan_organisations,
)
from agenda.selectors.plans import (
    ACTION_ORDER,
    STATUS_ORDER,
    action_has_lead,
    actions_with_owners,
    actions_without_lead,
    attach_owners,
    block_key,
    building_blocks,
    building_blocks_with_counts,
    owners_of,
    plan_actions,
    plan_list_for_user,
    quarter_choices,
    round_current,
    round_list,
    round_previous,
    today_quarter,
    visible_actions_by_block,
)
from agenda.selectors.report_sections import (
    report_section_provider_register,
    report_sections_for_round,
)
from agenda.selectors.schedule import (
    QuarterView,
    TimelineGroup,
    TimelineRow,
    quarter_view,
    timeline,
    visible_action_counts,
)

__all__ = [
    "ACTION_ORDER",
    "BlockSummary",
    "Contribution",
    "Coverage",
    "DASHBOARD_OVERDUE_SHOWN",
    "Dashboard",
    "IndicatorSeries",
    "QualityRow",
    "QuarterView",
    "RollUp",
    "STATUS_ORDER",
    "TimelineGroup",
    "TimelineRow",
    "action_has_lead",
    "action_updates",
    "actions_with_owners",
    "actions_without_lead",
    "attach_owners",
    "block_key",
    "block_summaries",
    "building_blocks",
    "building_blocks_with_counts",
    "changes_since_previous",
    "data_quality",
    "expected_action_ids",
    "indicator_series",
    "indicator_series_many",
    "latest_submitted_updates",
    "notifications_for",
    "open_rounds_for_user",
    "organisation_contribution",
    "overdue_occurrences",
    "owners_of",
    "pending_returns",
    "plan_actions",
    "plan_dashboard",
    "plan_list_for_user",
    "plan_organisations",
    "quarter_choices",
    "quarter_view",
    "report_section_provider_register",
    "report_sections_for_round",
    "returned_updates_for",
    "rollup",
    "round_coverage",
    "round_current",
    "round_list",
    "round_previous",
    "timeline",
    "today_quarter",
    "unread_notification_count",
    "visible_action_counts",
    "visible_actions_by_block",
]
