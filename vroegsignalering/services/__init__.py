"""Every state change of vroegsignalering goes through these services (STYLE.md §2).

Keyword-only, the acting person as ``actor`` (``None``: the system, a command, the
demo), authorised through ``vroegsignalering.permissions``, validated, written inside
``transaction.atomic``, and logged in casusregie's access log.
"""

from vroegsignalering.services.common import NotAllowed
from vroegsignalering.services.configuration import (
    capacity_set,
    known_clients_replace,
    routing_rule_add,
    routing_rule_remove,
)
from vroegsignalering.services.intake import (
    ImportRejected,
    RowError,
    signals_import,
    signals_parse,
    signals_parse_records,
)
from vroegsignalering.services.keys import (
    creditor_key_check,
    creditor_key_create,
    creditor_key_revoke,
)
from vroegsignalering.services.outreach import (
    attempt_record,
    household_accept,
    household_close_no_contact,
    household_decline,
    household_reassign,
    household_set_children,
)
from vroegsignalering.services.planning import households_plan, week_start_of
from vroegsignalering.services.ratelimit import (
    DeliveryTooLarge,
    RateLimited,
    creditor_key_count_request,
    creditor_key_count_signals,
)
from vroegsignalering.services.retention import PurgeReport, households_purge

__all__ = [
    "DeliveryTooLarge",
    "ImportRejected",
    "NotAllowed",
    "PurgeReport",
    "RateLimited",
    "RowError",
    "attempt_record",
    "capacity_set",
    "creditor_key_count_request",
    "creditor_key_count_signals",
    "creditor_key_check",
    "creditor_key_create",
    "creditor_key_revoke",
    "household_accept",
    "household_close_no_contact",
    "household_decline",
    "household_reassign",
    "household_set_children",
    "households_plan",
    "households_purge",
    "known_clients_replace",
    "routing_rule_add",
    "routing_rule_remove",
    "signals_import",
    "signals_parse",
    "signals_parse_records",
    "week_start_of",
]
