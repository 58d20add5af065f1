"""The casusregie demo: every state, built through the services, idempotent."""

from __future__ import annotations

from io import StringIO

import pytest

from casusregie import services
from casusregie.constants import EscalationStatus, HandoverStatus
from casusregie.models import AccessLogEntry, Case, CaseEvent, Escalation, Handover
from demo import casusregie as demo
from demo.network import seed_network

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


class DemoTests:
    def test_demo_covers_every_state_and_a_second_run_changes_nothing(self):
        seed_network(stdout=StringIO())
        demo.seed(stdout=StringIO())
        assert Case.objects.count() == len(demo.SCENARIOS)
        assert set(Handover.objects.values_list("status", flat=True)) == set(
            HandoverStatus.values
        ) - {HandoverStatus.CANCELLED}
        assert {
            EscalationStatus.OPEN,
            EscalationStatus.TAKEN_OVER,
            EscalationStatus.RETURNED,
        } <= set(Escalation.objects.values_list("status", flat=True))
        assert set(Case.objects.values_list("status", flat=True)) == {
            "aangemeld",
            "actief",
            "afgesloten",
        }
        assert all(
            label.endswith("(fictief)")
            for label in Case.objects.values_list("label", flat=True)
        )
        assert services.grants_check_all().ok
        counts = [
            model.objects.count()
            for model in (Case, Handover, Escalation, CaseEvent, AccessLogEntry)
        ]
        demo.seed(stdout=StringIO())
        assert [
            model.objects.count()
            for model in (Case, Handover, Escalation, CaseEvent, AccessLogEntry)
        ] == counts
