"""The actions on a case (equal to the codenames in ``Case.Meta.permissions``), which
role in an involved organisation gets which, and the refusal."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from pact.constants import Role

# The actions: equal to the codenames in ``Case.Meta.permissions``.
VIEW = "view_case"
EDIT = "edit_case"
HAND_OVER = "hand_over_case"
CLOSE = "close_case"
VIEW_LOG = "view_case_log"
EXPORT = "export_case"
ACTIONS = (VIEW, EDIT, HAND_OVER, CLOSE, VIEW_LOG, EXPORT)
# Short names for templates: {% can_case "hand_over" case %}.
ACTION_ALIASES = {
    "view": VIEW,
    "edit": EDIT,
    "hand_over": HAND_OVER,
    "close": CLOSE,
    "view_log": VIEW_LOG,
    "export": EXPORT,
    **{action: action for action in ACTIONS},
}
READ_ONLY_ACTIONS = frozenset({VIEW, VIEW_LOG, EXPORT})

# Which role in an involved organisation gets which action (lead: when it leads).
ROLE_GRANTS: dict[Role, tuple[frozenset[str], frozenset[str]]] = {
    # role: (always, additionally when the organisation leads)
    Role.CASE_WORKER: (frozenset({VIEW, EDIT}), frozenset({HAND_OVER, CLOSE, EXPORT})),
    Role.COORDINATOR: (frozenset({VIEW}), frozenset({VIEW_LOG, EXPORT})),
    Role.REGISSEUR: (
        frozenset({VIEW, EDIT, VIEW_LOG}),
        frozenset({HAND_OVER, CLOSE, EXPORT}),
    ),
}
CASE_ROLE_CAPABILITIES = (
    "cases.work",
    "cases.view_organisation",
    "cases.regie",
    "cases.break_glass",
)

NOT_FOUND_MESSAGE = _("Deze casus bestaat niet of u heeft er geen toegang toe.")


class CaseActionDenied(PermissionDenied):
    """The person may see the case but not do this with it."""


def normalise_action(action: str) -> str:
    try:
        return ACTION_ALIASES[action]
    except KeyError:
        raise KeyError(f"Unknown casusregie action {action!r}") from None
