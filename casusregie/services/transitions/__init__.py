"""The one place where hand-overs, escalations and involvements change state.

Every service that moves a hand-over or an escalation from one status to another, or
starts, ends or changes an organisation's involvement, does it through this package,
inside its own transaction with the case row locked (``lock_case``):

* ``handover_begin`` / ``escalation_begin`` lock the row and check that the move is
  allowed from its current status (the tables below), so two people acting at once get
  exactly one outcome and the other an ``InvalidTransition``;
* ``handover_move`` / ``escalation_move`` set the new status and the fields that go
  with it, save only those fields, write the timeline and the access log
  (``record_change``) and publish the live event. What differs per service (who may,
  what is checked, who gets an e-mail) stays in the service;
* ``involvement_start``, ``involvement_stop`` and ``lead_move`` are the only writes of
  ``Involvement`` rows: never two leads, never none.

The services modules depend on each other in one direction only: ``common`` and
``grants`` at the bottom, then this package, then ``escalation``, then ``handover`` and
``cases`` (an import-linter contract in ``pyproject.toml`` keeps it so).

The package: ``table`` (which moves are allowed from which statuses), ``moves``
(hand-overs and escalations), ``involvements`` (who is involved, who leads). No other
module of casusregie writes these states (``tests/casusregie/test_transitions.py``).
"""

from casusregie.services.transitions.involvements import (
    LEGAL_TASK_WGS,
    basis_resolve,
    involvement_rebase,
    involvement_start,
    involvement_stop,
    lead_first,
    lead_move,
)
from casusregie.services.transitions.moves import (
    escalation_begin,
    escalation_move,
    escalations_resolve_open,
    handover_begin,
    handover_complete,
    handover_move,
    handover_publish,
    handovers_cancel_open,
)
from casusregie.services.transitions.table import (
    ESCALATION_TRANSITIONS,
    HANDOVER_TRANSITIONS,
    OPEN_HANDOVER,
    Transition,
    check_allowed,
)

__all__ = [
    "ESCALATION_TRANSITIONS",
    "HANDOVER_TRANSITIONS",
    "LEGAL_TASK_WGS",
    "OPEN_HANDOVER",
    "Transition",
    "basis_resolve",
    "check_allowed",
    "escalation_begin",
    "escalation_move",
    "escalations_resolve_open",
    "handover_begin",
    "handover_complete",
    "handover_move",
    "handover_publish",
    "handovers_cancel_open",
    "involvement_rebase",
    "involvement_start",
    "involvement_stop",
    "lead_first",
    "lead_move",
]
