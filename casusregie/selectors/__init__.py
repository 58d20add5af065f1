"""Reads of casusregie. Every selector takes the viewing user, so the permission scope
(``casusregie.permissions``) cannot be forgotten; lists run a fixed number of queries.

The reads by sub-domain (issue 12, step 7): ``cases`` (lists, a case page, the
timeline), ``inbox`` (hand-overs and escalations to act on), ``access_log`` (who saw a
case, the resident's export, the break-glass report) and ``flow_figures`` (the pact's
figures). Sub-modules depend one way: cases <- inbox, access_log. Every public name is
re-exported here; other modules use ``casusregie.selectors``, not its sub-modules."""

from casusregie.selectors.access_log import (
    break_glass_report,
    case_access_log_entries,
    case_access_log_for_resident,
    case_export_data,
)
from casusregie.selectors.cases import (
    case_detail,
    case_list_for_user,
    case_timeline,
    cases_mark_first_contact,
    cases_to_hand_over,
    first_contact_due_at,
)
from casusregie.selectors.flow_figures import (
    DEFAULT_FIGURE_PERIOD,
    FIGURE_PERIODS,
    FiguresPeriod,
    figures,
    figures_period,
)
from casusregie.selectors.inbox import (
    escalations_open_for,
    handover_inbox,
    handovers_awaiting_first_contact,
    handovers_incoming,
    handovers_outgoing,
    inbox_counts,
)

__all__ = [
    "DEFAULT_FIGURE_PERIOD",
    "FIGURE_PERIODS",
    "FiguresPeriod",
    "break_glass_report",
    "case_access_log_entries",
    "case_access_log_for_resident",
    "case_detail",
    "case_export_data",
    "case_list_for_user",
    "case_timeline",
    "cases_mark_first_contact",
    "cases_to_hand_over",
    "escalations_open_for",
    "figures",
    "figures_period",
    "first_contact_due_at",
    "handover_inbox",
    "handovers_awaiting_first_contact",
    "handovers_incoming",
    "handovers_outgoing",
    "inbox_counts",
]
