"""The pact's action agenda: plans, building blocks, actions, owners, rounds, updates.

A ``Plan`` belongs to a pact and runs over a period. Its goals are ``BuildingBlock``s
(bouwstenen), each a main or a side goal, in order. ``Action``s sit under a building block
(or under none: plan-wide actions such as "Evaluatie huidige instrumenten"), optionally
under a parent action. Each action has owners (``ActionOwner``: organisation + role
lead/executing/funding), the plan's words for its timing and the schedule derived from
them (``agenda.timing``), split into ``ActionOccurrence``s: one for a one-off or continuous
action, one per year for a yearly one, each with its own status.

Partners report in ``Round``s (rapportagerondes). In a round each active action expects
one ``Update``: status, progress, a short story, a signal, and ``IndicatorValue``s per
contributing partner. An update is a draft until submitted; the pact admin may return it
with a question; ``UpdateRevision`` keeps every saved, submitted and returned version.
The action's current status and progress are copied from its latest submitted update.

Every state change goes through ``agenda.services``; the rules of who may do what are in
``agenda.permissions``.

The tables by sub-domain (issue 12, step 7): ``plans`` (plans and building blocks),
``actions`` (actions, occurrences, owners), ``rounds`` (rounds, updates and their
revisions), ``indicators`` (indicators and their values) and ``notifications``. Every
model is imported here, so Django finds them and ``from agenda.models import Action``
keeps working.
"""

from agenda.models.actions import Action, ActionOccurrence, ActionOwner
from agenda.models.indicators import Indicator, IndicatorValue
from agenda.models.notifications import Notification
from agenda.models.plans import BuildingBlock, Plan
from agenda.models.rounds import Round, Update, UpdateRevision

__all__ = [
    "Action",
    "ActionOccurrence",
    "ActionOwner",
    "BuildingBlock",
    "Indicator",
    "IndicatorValue",
    "Notification",
    "Plan",
    "Round",
    "Update",
    "UpdateRevision",
]
