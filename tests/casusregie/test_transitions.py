"""Hand-overs, escalations and involvements change state in one place only."""

from __future__ import annotations

import re
from pathlib import Path

from casusregie.constants import EscalationStatus, HandoverStatus
from casusregie.services.transitions import ESCALATION_TRANSITIONS, HANDOVER_TRANSITIONS

ROOT = Path(__file__).resolve().parents[2]
TRANSITIONS = ROOT / "casusregie" / "services" / "transitions"
# Writes of a hand-over's or escalation's status, or of an involvement row.
STATE_WRITE = re.compile(
    r"(handover|escalation)\.status\s*=(?!=)"
    r"|Involvement\.objects\.create\("
    r"|\.update\([^)]*\b(ended_at|status)\s*="
    r"|involvement\.(ended_at|role)\s*=(?!=)"
)


class TransitionTableTests:
    def test_every_hand_over_status_after_the_proposal_is_reached_by_a_transition(self):
        targets = {t.target for t in HANDOVER_TRANSITIONS.values()}
        assert targets == set(HandoverStatus.values) - {HandoverStatus.PROPOSED}

    def test_every_escalation_end_is_reached_by_a_transition(self):
        targets = {t.target for t in ESCALATION_TRANSITIONS.values()}
        assert targets == set(EscalationStatus.values) - {EscalationStatus.OPEN}

    def test_no_other_module_writes_these_states(self):
        offenders = []
        for path in sorted((ROOT / "casusregie").rglob("*.py")):
            if TRANSITIONS in path.parents or "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if STATE_WRITE.search(line):
                    offenders.append(
                        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
                    )
        assert offenders == [], "write these through casusregie/services/transitions/"
