"""Two people acting on one proposal at the same moment produce exactly one outcome
(row locks with select_for_update), with real concurrent transactions on PostgreSQL."""

from __future__ import annotations

import threading

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

import pytest

from casusregie import services
from casusregie.constants import HandoverStatus, InvolvementRole
from casusregie.models import Handover, Involvement
from pact.constants import Role
from tests.factories.pact import UserFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.transactional,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_site", "access_log_flushable"),
]


def race(*actions):
    """Run the actions in threads released at the same instant; their outcomes."""
    barrier = threading.Barrier(len(actions))
    outcomes: list[str] = [""] * len(actions)

    def run(index, action):
        try:
            barrier.wait(timeout=10)
            action()
            outcomes[index] = "ok"
        except (ValidationError, PermissionDenied) as error:
            outcomes[index] = type(error).__name__
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def propose(case, cast):
    return services.handover_propose(
        case=case,
        actor=cast.worker_a,
        to_organisation=cast.partner_b,
        priorities="Rust",
    )


def assert_one_lead(case):
    case.refresh_from_db()
    leads = list(
        Involvement.objects.filter(
            case=case, role=InvolvementRole.LEAD, ended_at__isnull=True
        ).values_list("organisation_id", flat=True)
    )
    assert leads == [case.lead_organisation_id]


class ConcurrencyTests:
    @pytest.mark.parametrize("round_", range(5))
    def test_two_receivers_accept_at_once(self, case_a, consent_b, cast, round_):
        colleague = UserFactory(
            username=f"collega_b_{round_}", roles=[(cast.partner_b, Role.CASE_WORKER)]
        )
        handover = propose(case_a, cast)
        outcomes = race(
            lambda: services.handover_accept(handover=handover, actor=cast.worker_b),
            lambda: services.handover_accept(handover=handover, actor=colleague),
        )
        assert sorted(outcomes) == ["InvalidTransition", "ok"]
        handover.refresh_from_db()
        assert handover.status == HandoverStatus.ACCEPTED
        assert_one_lead(case_a)
        assert case_a.lead_organisation == cast.partner_b
        assert (
            Involvement.objects.filter(
                case=case_a, organisation=cast.partner_b, ended_at__isnull=True
            ).count()
            == 1
        )

    @pytest.mark.parametrize("round_", range(5))
    def test_accept_and_withdraw_at_once(self, case_a, consent_b, cast, round_):
        handover = propose(case_a, cast)
        outcomes = race(
            lambda: services.handover_accept(handover=handover, actor=cast.worker_b),
            lambda: services.handover_withdraw(handover=handover, actor=cast.worker_a),
        )
        assert outcomes.count("ok") == 1
        handover.refresh_from_db()
        expected_lead = cast.partner_b if outcomes[0] == "ok" else cast.partner_a
        assert handover.status == (
            HandoverStatus.ACCEPTED if outcomes[0] == "ok" else HandoverStatus.WITHDRAWN
        )
        assert_one_lead(case_a)
        assert case_a.lead_organisation == expected_lead

    def test_accept_decline_and_expiry_at_once(self, case_a, consent_b, cast):
        import datetime

        handover = propose(case_a, cast)
        late = handover.deadline_at + datetime.timedelta(seconds=1)
        colleague = UserFactory(
            username="collega_b", roles=[(cast.partner_b, Role.CASE_WORKER)]
        )
        outcomes = race(
            lambda: services.handover_accept(
                handover=handover, actor=cast.worker_b, at=late
            ),
            lambda: services.handover_decline(
                handover=handover, actor=colleague, reason="Vol", at=late
            ),
            lambda: services.handover_expire(handover=handover, at=late),
        )
        assert outcomes.count("ok") == 1
        assert Handover.objects.get(pk=handover.pk).status != HandoverStatus.PROPOSED
        assert_one_lead(case_a)


class RecoveryCodeRaceTests:
    @pytest.mark.parametrize("round_", range(3))
    def test_one_recovery_code_used_twice_at_once_passes_once(
        self, cast, settings, round_
    ):
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from casusregie.services.recovery import (
            recovery_code_use,
            recovery_codes_left,
            recovery_codes_replace,
        )

        settings.OTP_STATIC_THROTTLE_FACTOR = 0
        TOTPDevice.objects.create(user=cast.worker_a, name="app", confirmed=True)
        code = recovery_codes_replace(actor=cast.worker_a)[0]
        passed: list[bool] = []

        def use():
            passed.append(recovery_code_use(actor=cast.worker_a, code=code) is not None)

        assert race(use, use) == ["ok", "ok"]
        assert sorted(passed) == [False, True]
        assert recovery_codes_left(cast.worker_a) == 9
