"""Every state change of the action agenda (see the modules for the rules)."""

from agenda.services.importing import (
    Change,
    ImportFailed,
    ImportResult,
    Problem,
    actions_import,
)
from agenda.services.messaging import notification_mark_read
from agenda.services.notifications import ReminderReport, send_round_reminders
from agenda.services.owners import OwnerMatcher, owner_roles
from agenda.services.plan import (
    action_confirm_timing,
    action_create,
    action_set_owner_role,
    action_update,
    building_block_create,
    building_block_delete,
    building_block_update,
    building_block_upsert,
    indicator_upsert,
    plan_create,
    plan_update,
    round_close,
    round_create,
    rounds_create_quarterly,
    schedule_for,
)
from agenda.services.reporting import (
    action_refresh_status,
    update_return,
    update_save,
    update_submit,
)

__all__ = [
    "Change",
    "ImportFailed",
    "ImportResult",
    "OwnerMatcher",
    "Problem",
    "ReminderReport",
    "action_confirm_timing",
    "action_create",
    "action_refresh_status",
    "action_set_owner_role",
    "action_update",
    "actions_import",
    "owner_roles",
    "building_block_create",
    "building_block_delete",
    "building_block_update",
    "building_block_upsert",
    "indicator_upsert",
    "notification_mark_read",
    "plan_create",
    "plan_update",
    "round_close",
    "round_create",
    "rounds_create_quarterly",
    "schedule_for",
    "send_round_reminders",
    "update_return",
    "update_save",
    "update_submit",
]
