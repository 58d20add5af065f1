"""The one permission policy of casusregie. Every view, API endpoint, export, print and
websocket consumer asks this module; nothing else reads django-guardian for cases.

Who may do what with a case (see ``docs/casusregie.md`` and ``docs/permissions.md``):

* An organisation's people get rights on a case only through an **active involvement
  with a valid basis** (consent not withdrawn or lapsed, or a legal task). The services
  keep django-guardian group object permissions (``CaseGroupObjectPermission``) equal to
  ``expected_grants(case)``; ``manage.py check_case_grants`` proves it.
* Per involved organisation: its **case workers** view and edit, and, when it leads,
  hand over, close and export; its **coordinators** view, and, when it leads, see the
  access log and export; its **regisseurs** (the municipality) view, edit and see the
  access log, and, when they lead, hand over, close and export. A closed case keeps only
  the reading rights.
* **Pact admins and superusers** see no case contents: their only way in is a
  break-glass access (reason, one hour, logged, reported), which gives ``VIEW`` only.
* A case someone may not see answers 404, exactly like a case that does not exist
  (``access_case``).

Role-level rights (which capabilities a role has) come from ``pact.roles``.

The policy by sub-domain (issue 12, step 7): ``actions`` (the action names, which role
gets which, the refusal), ``grants`` (the expected django-guardian grants),
``capabilities`` (what a person may do apart from any one case), ``cases`` (checks on
one case, the visible cases, ``access_case``, on whose behalf someone acts),
``handovers`` (hand-overs and escalations) and ``recipients`` (who hears of a change).
Sub-modules depend one way: actions <- capabilities <- cases <- handovers. Every public
name is re-exported here; the rest of the code asks ``casusregie.permissions``.
"""

from casusregie.permissions.actions import (
    ACTION_ALIASES,
    ACTIONS,
    CASE_ROLE_CAPABILITIES,
    CLOSE,
    EDIT,
    EXPORT,
    HAND_OVER,
    NOT_FOUND_MESSAGE,
    READ_ONLY_ACTIONS,
    ROLE_GRANTS,
    VIEW,
    VIEW_LOG,
    CaseActionDenied,
    normalise_action,
)
from casusregie.permissions.capabilities import (
    has_case_role,
    is_case_coordinator,
    may_break_glass,
    may_open_cases,
    may_start_handover,
    may_view_figures,
    organisations_overseeing,
    organisations_working,
    regisseur_organisations,
    two_factor_satisfied,
)
from casusregie.permissions.cases import (
    AUDITED_ROLES,
    access_case,
    acting_as,
    acting_organisation,
    active_break_glass,
    can,
    case_permissions,
    cases_visible_to,
    cases_with,
    is_break_glass_view,
    require,
)
from casusregie.permissions.grants import expected_grants, involvement_basis_is_valid
from casusregie.permissions.handovers import (
    access_handover,
    escalations_visible_to,
    handover_lead_workers,
    handovers_of_own_organisations,
    handovers_visible_to,
    may_answer_handover,
    may_assign_lead_worker,
    may_lead_after_handover,
    may_resolve_escalation,
    may_withdraw_handover,
)
from casusregie.permissions.recipients import users_of_organisations, users_to_notify

__all__ = [
    "ACTIONS",
    "ACTION_ALIASES",
    "AUDITED_ROLES",
    "CASE_ROLE_CAPABILITIES",
    "CLOSE",
    "CaseActionDenied",
    "EDIT",
    "EXPORT",
    "HAND_OVER",
    "NOT_FOUND_MESSAGE",
    "READ_ONLY_ACTIONS",
    "ROLE_GRANTS",
    "VIEW",
    "VIEW_LOG",
    "access_case",
    "access_handover",
    "acting_as",
    "acting_organisation",
    "active_break_glass",
    "can",
    "case_permissions",
    "cases_visible_to",
    "cases_with",
    "escalations_visible_to",
    "expected_grants",
    "handover_lead_workers",
    "handovers_of_own_organisations",
    "handovers_visible_to",
    "has_case_role",
    "involvement_basis_is_valid",
    "is_break_glass_view",
    "is_case_coordinator",
    "may_answer_handover",
    "may_assign_lead_worker",
    "may_break_glass",
    "may_lead_after_handover",
    "may_open_cases",
    "may_resolve_escalation",
    "may_start_handover",
    "may_view_figures",
    "may_withdraw_handover",
    "normalise_action",
    "organisations_overseeing",
    "organisations_working",
    "regisseur_organisations",
    "require",
    "two_factor_satisfied",
    "users_of_organisations",
    "users_to_notify",
]
