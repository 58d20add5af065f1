"""Which moves a hand-over or an escalation may make, from which statuses."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from casusregie.constants import EscalationStatus, EventKind, HandoverStatus
from casusregie.models import Escalation, Handover
from casusregie.services.errors import InvalidTransition


@dataclass(frozen=True)
class Transition:
    """A move of a hand-over or escalation: from which statuses, to which, recorded as
    which timeline event, published as which live event."""

    sources: frozenset[str]
    target: str
    event: EventKind
    live: str


H, E = HandoverStatus, EscalationStatus
OPEN_HANDOVER = frozenset({H.PROPOSED, H.ACCEPTED})

HANDOVER_TRANSITIONS: dict[str, Transition] = {
    "accept": Transition(
        frozenset({H.PROPOSED}),
        H.ACCEPTED,
        EventKind.HANDOVER_ACCEPTED,
        "handover.accepted",
    ),
    "decline": Transition(
        frozenset({H.PROPOSED}),
        H.DECLINED,
        EventKind.HANDOVER_DECLINED,
        "handover.declined",
    ),
    "withdraw": Transition(
        frozenset({H.PROPOSED}),
        H.WITHDRAWN,
        EventKind.HANDOVER_WITHDRAWN,
        "handover.withdrawn",
    ),
    "expire": Transition(
        frozenset({H.PROPOSED}),
        H.EXPIRED,
        EventKind.HANDOVER_EXPIRED,
        "handover.expired",
    ),
    "complete": Transition(
        frozenset({H.ACCEPTED}),
        H.COMPLETED,
        EventKind.HANDOVER_COMPLETED,
        "handover.completed",
    ),
    "cancel": Transition(
        OPEN_HANDOVER, H.CANCELLED, EventKind.HANDOVER_CANCELLED, "handover.cancelled"
    ),
}

ESCALATION_TRANSITIONS: dict[str, Transition] = {
    "take_over": Transition(
        frozenset({E.OPEN}),
        E.TAKEN_OVER,
        EventKind.ESCALATION_TAKEN_OVER,
        "escalation.taken_over",
    ),
    "return": Transition(
        frozenset({E.OPEN}),
        E.RETURNED,
        EventKind.ESCALATION_RETURNED,
        "escalation.returned",
    ),
    # The case closed, or the regisseur took the lead because consent was withdrawn:
    # recorded by the service that did that, not as an escalation event of its own.
    "close_with_case": Transition(
        frozenset({E.OPEN}), E.CLOSED, EventKind.CASE_CLOSED, ""
    ),
    "overtaken": Transition(
        frozenset({E.OPEN}), E.TAKEN_OVER, EventKind.ESCALATION_TAKEN_OVER, ""
    ),
}


def check_allowed(row: Handover | Escalation, transition: Transition) -> None:
    if row.status in transition.sources:
        return
    if isinstance(row, Handover):
        raise InvalidTransition(
            _("Deze overdracht is al %(status)s.")
            % {"status": row.get_status_display().lower()}
        )
    raise InvalidTransition(_("Deze escalatie is al afgehandeld."))
