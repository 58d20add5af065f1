"""Views of the action agenda: thin adapters over selectors, services and the policy.

Public pages (no login) show what the pact publishes. Pages for people of the pact need
a login; a logged-in person without the right gets the same 404 as for a missing object.

The views live by sub-domain; ``agenda/urls.py`` reaches them through this package:

- ``plan_pages``: the index, dashboard, by quarter/block/organisation, timeline, an action;
- ``updates``: "Wat moet ik invullen?", writing and returning updates, notifications;
- ``round_pages``: rounds, the council report PDF, data quality and the export;
- ``plan_editing``: the plan, its building blocks, actions and indicators (plan admins);
- ``importing``: reading actions in from a spreadsheet (plan admins);
- ``common``: the login gate and the context every plan page shares.
"""

from agenda.views.importing import import_view
from agenda.views.plan_editing import (
    action_confirm_timing,
    action_edit,
    building_block_delete,
    building_block_edit,
    building_blocks,
    indicator_add,
    plan_edit,
    plan_new,
    timing_preview,
)
from agenda.views.plan_pages import (
    action_detail,
    by_block,
    by_quarter,
    dashboard,
    dashboard_fragment,
    index,
    organisation_detail,
    organisations,
    pact_redirect,
    timeline,
)
from agenda.views.round_pages import export, quality, round_report, rounds
from agenda.views.updates import mine, notifications, update_edit, update_return

__all__ = [
    "action_confirm_timing",
    "action_detail",
    "action_edit",
    "building_block_delete",
    "building_block_edit",
    "building_blocks",
    "by_block",
    "by_quarter",
    "dashboard",
    "dashboard_fragment",
    "export",
    "import_view",
    "index",
    "indicator_add",
    "mine",
    "notifications",
    "organisation_detail",
    "organisations",
    "pact_redirect",
    "plan_edit",
    "plan_new",
    "quality",
    "round_report",
    "rounds",
    "timeline",
    "timing_preview",
    "update_edit",
    "update_return",
]
