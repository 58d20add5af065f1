"""State changes of the plan: plans, building blocks, actions, owners, indicators, rounds.

Every function authorises through ``agenda.permissions`` (``actor=None`` is the system:
the importer's own checks, ``seed_demo``), validates, writes, and logs to Wagtail's audit
log. Timing words always go through ``agenda.timing.parse_timing``.

The services by sub-domain (issue 12, step 7): ``plans`` (plans and building blocks, and
the authorisation every plan service shares), ``schedules`` (timing words to an action's
schedule and occurrences), ``actions`` (actions, their owners and indicators) and
``rounds`` (reporting rounds). Callers import ``agenda.services`` (or this package).
"""

from agenda.services.plan.actions import (
    action_confirm_timing,
    action_create,
    action_set_owner_role,
    action_update,
    indicator_upsert,
)
from agenda.services.plan.plans import (
    building_block_create,
    building_block_delete,
    building_block_update,
    building_block_upsert,
    plan_create,
    plan_update,
)
from agenda.services.plan.rounds import (
    quarter_round_title,
    round_close,
    round_create,
    rounds_create_quarterly,
)
from agenda.services.plan.schedules import schedule_for

__all__ = [
    "action_confirm_timing",
    "action_create",
    "action_set_owner_role",
    "action_update",
    "building_block_create",
    "building_block_delete",
    "building_block_update",
    "building_block_upsert",
    "indicator_upsert",
    "plan_create",
    "plan_update",
    "quarter_round_title",
    "round_close",
    "round_create",
    "rounds_create_quarterly",
    "schedule_for",
]
