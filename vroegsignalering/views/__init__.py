"""Pages of vroegsignalering: thin adapters over the policy, selectors and services.
Every page that shows a household logs the read in casusregie's access log; what
someone may not see answers 404, like what does not exist.

The pages by sub-domain: ``households`` (the partner's queue, a household, its letter
and the actions on it) and ``regie`` (the regisseur's upload, routing rules, creditor
keys, capacity and figures); ``common`` holds the area's guard. ``urls.py`` names
every page through this package."""

from vroegsignalering.views.common import signal_area
from vroegsignalering.views.households import (
    attempt_add,
    household_accept,
    household_children,
    household_decline,
    household_detail,
    household_letter,
    household_no_contact,
    household_reassign,
    queue,
)
from vroegsignalering.views.regie import capacity, creditor_keys, figures, rules, upload

__all__ = [
    "attempt_add",
    "capacity",
    "creditor_keys",
    "figures",
    "household_accept",
    "household_children",
    "household_decline",
    "household_detail",
    "household_letter",
    "household_no_contact",
    "household_reassign",
    "queue",
    "rules",
    "signal_area",
    "upload",
]
