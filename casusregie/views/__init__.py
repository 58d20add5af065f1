"""HTML pages of casusregie: thin adapters over the policy, the selectors and the
services. Every page that shows case data gets it from ``services.case_read`` and its
siblings (``services/reads.py``), which log the read; forbidden answers 404. The case
page's changes are one table (``CASE_ACTIONS``) served by one view (``case_action``).

The pages by sub-domain (issue 12, step 7): ``overview`` (dashboard, inbox),
``case_pages`` (opening a case, the case page and its exports), ``case_actions`` (the
changes on the case page), ``handovers``, ``escalations``, ``figure_pages`` and
``break_glass_pages``; ``common`` holds the guard and helpers they share. Every view is
re-exported here, so ``casusregie/urls.py`` names them as ``views.<name>``."""

from casusregie.views.break_glass_pages import break_glass, break_glass_report
from casusregie.views.case_actions import CASE_ACTIONS, CaseAction, case_action
from casusregie.views.case_pages import (
    case_access_log,
    case_create,
    case_detail,
    case_export_json,
    case_export_pdf,
    case_print,
)
from casusregie.views.common import case_area
from casusregie.views.escalations import (
    escalation_list,
    escalation_return,
    escalation_take_over,
)
from casusregie.views.figure_pages import FIGURE_TRENDS, figures
from casusregie.views.handovers import (
    handover_accept,
    handover_create,
    handover_decline,
    handover_detail,
    handover_list,
    handover_start,
    handover_withdraw,
)
from casusregie.views.overview import (
    dashboard,
    inbox_counts,
    inbox_fragment,
    organisation_cases,
)

__all__ = [
    "CASE_ACTIONS",
    "FIGURE_TRENDS",
    "CaseAction",
    "break_glass",
    "break_glass_report",
    "case_access_log",
    "case_action",
    "case_area",
    "case_create",
    "case_detail",
    "case_export_json",
    "case_export_pdf",
    "case_print",
    "dashboard",
    "escalation_list",
    "escalation_return",
    "escalation_take_over",
    "figures",
    "handover_accept",
    "handover_create",
    "handover_decline",
    "handover_detail",
    "handover_list",
    "handover_start",
    "handover_withdraw",
    "inbox_counts",
    "inbox_fragment",
    "organisation_cases",
]
