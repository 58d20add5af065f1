"""The vroegsignalering demo: a month of signals through the importer, capacity short
of the need, every state after planning, and a second run changes nothing."""

from __future__ import annotations

from io import StringIO

import pytest

from demo import vroegsignalering as demo
from demo.network import seed_network
from vroegsignalering.constants import HouseholdStatus, NextStep
from vroegsignalering.models import Attempt, Household, ImportBatch, Signal

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


class DemoTests:
    def test_a_month_in_every_state_within_short_capacity(self):
        seed_network(stdout=StringIO())
        demo.seed(stdout=StringIO())
        assert ImportBatch.objects.filter(file_name=demo.FILE_NAME).count() >= 8
        assert Signal.objects.count() > 300
        assert {"assen", "aa-en-hunze"} == set(
            Household.objects.values_list("municipality__slug", flat=True)
        )
        statuses = set(Household.objects.values_list("status", flat=True))
        assert statuses == set(HouseholdStatus.values) - {HouseholdStatus.NEW}
        letters = Household.objects.filter(planned_step=NextStep.LETTER).count()
        assert letters > Household.objects.count() / 3, "capacity must fall short"
        assert Household.objects.exclude(case=None).exists()
        assert not Household.objects.filter(
            closed_at__isnull=True, due_on__isnull=True
        ).exists()
        counts = (Household.objects.count(), Attempt.objects.count())
        demo.seed(stdout=StringIO())
        assert (Household.objects.count(), Attempt.objects.count()) == counts
