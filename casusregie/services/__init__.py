"""Every state change of casusregie goes through these services (see STYLE.md §2).

Each public service is keyword-only, takes the acting person as ``actor`` (``None`` means
the system: the expiry job, the demo), authorises through ``casusregie.permissions``,
validates, writes inside ``transaction.atomic`` with row locks where two people could act
at once, appends to the case's timeline and to the access log, keeps the django-guardian
grants equal to ``permissions.expected_grants`` and publishes events and e-mails on
commit. ``at=`` lets the demo build history with explicit timestamps.
"""

from casusregie.notifications import suppressed as notifications_suppressed
from casusregie.services.audit import (
    audit_read,
    audit_read_cases,
    audit_read_objects,
    audit_record,
)
from casusregie.services.breakglass import break_glass_open
from casusregie.services.cases import (
    case_close,
    case_open,
    case_record_first_contact,
    case_update,
)
from casusregie.services.consent import (
    consent_record,
    consent_withdraw,
    consents_lapse_due,
    involvement_add,
    involvement_end,
)
from casusregie.services.errors import InvalidTransition, NotAllowed
from casusregie.services.escalation import (
    escalation_request,
    escalation_return,
    escalation_take_over,
)
from casusregie.services.goals import goal_add, goal_move, goal_update, note_add
from casusregie.services.grants import grants_check_all, grants_sync
from casusregie.services.handover import (
    handover_accept,
    handover_decline,
    handover_expire,
    handover_propose,
    handover_withdraw,
    handovers_expire_due,
)
from casusregie.services.purge import cases_purge_closed
from casusregie.services.reads import (
    break_glass_report_read,
    case_for_change,
    case_read,
    cases_page_read,
    cases_to_hand_over_read,
    consent_for_change,
    escalation_for_change,
    goal_for_change,
    handover_for_change,
    handover_read,
    involvement_for_change,
    list_read,
)

__all__ = [
    "InvalidTransition",
    "NotAllowed",
    "audit_read",
    "audit_read_cases",
    "audit_read_objects",
    "audit_record",
    "break_glass_open",
    "break_glass_report_read",
    "case_close",
    "case_for_change",
    "case_open",
    "case_read",
    "case_record_first_contact",
    "case_update",
    "cases_page_read",
    "cases_to_hand_over_read",
    "cases_purge_closed",
    "consent_for_change",
    "consent_record",
    "consent_withdraw",
    "consents_lapse_due",
    "escalation_for_change",
    "escalation_request",
    "escalation_return",
    "escalation_take_over",
    "goal_add",
    "goal_for_change",
    "goal_move",
    "goal_update",
    "grants_check_all",
    "grants_sync",
    "handover_accept",
    "handover_decline",
    "handover_expire",
    "handover_for_change",
    "handover_propose",
    "handover_read",
    "handover_withdraw",
    "handovers_expire_due",
    "involvement_add",
    "involvement_end",
    "involvement_for_change",
    "list_read",
    "note_add",
    "notifications_suppressed",
]
