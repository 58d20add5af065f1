"""Which queues hear of a change: the services publish ``queue.changed`` on commit to
the partner's and the municipality's group, and nothing for a rejected file."""

from __future__ import annotations

import datetime

import pytest

from vroegsignalering import events, services
from vroegsignalering.models import Household

from .conftest import TODAY, import_rows, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(monkeypatch):
    groups: list[list[str]] = []
    monkeypatch.setattr(events, "_send", groups.append)
    return groups


def _flat(sent) -> set[str]:
    return {group for groups in sent for group in groups}


class PublishTests:
    def test_import_tells_the_partner_and_the_municipality(
        self, routed, sent, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            import_rows(routed, row())
        assert _flat(sent) == {
            events.partner_group(routed.partner_a.pk),
            events.municipality_group(routed.municipality.pk),
        }

    def test_a_rejected_file_tells_nobody(
        self, routed, sent, django_capture_on_commit_callbacks
    ):
        with (
            django_capture_on_commit_callbacks(execute=True),
            pytest.raises(services.ImportRejected),
        ):
            import_rows(routed, row(), row(amount="x"))
        assert sent == []

    def test_moving_a_household_tells_both_partners(
        self, routed, sent, django_capture_on_commit_callbacks
    ):
        import_rows(routed, row())
        household = Household.objects.get()
        with django_capture_on_commit_callbacks(execute=True):
            services.household_reassign(
                household=household,
                actor=routed.regisseur,
                organisation=routed.partner_b,
            )
        assert {
            events.partner_group(routed.partner_a.pk),
            events.partner_group(routed.partner_b.pk),
        } <= _flat(sent)

    def test_the_purge_tells_the_queues_it_emptied(
        self, routed, sent, django_capture_on_commit_callbacks
    ):
        import_rows(routed, row())
        with django_capture_on_commit_callbacks(execute=True):
            report = services.households_purge(
                today=TODAY + datetime.timedelta(days=400)
            )
        assert report.households == 1
        assert events.partner_group(routed.partner_a.pk) in _flat(sent)
