"""The warm hand-over as a story: Attenta leads, proposes GKB, GKB accepts, first contact."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from casusregie import permissions, services
from casusregie.constants import (
    CaseStatus,
    EscalationStatus,
    EscalationTrigger,
    HandoverStatus,
    InvolvementRole,
)
from casusregie.models import Escalation, Involvement

pytestmark = pytest.mark.django_db


def propose(case, cast, **kwargs):
    return services.handover_propose(
        case=case,
        actor=cast.worker_a,
        to_organisation=cast.partner_b,
        priorities="Ik wil eerst van de deurwaarder af.",
        **kwargs,
    )


def active_leads(case):
    return list(
        Involvement.objects.filter(
            case=case, role=InvolvementRole.LEAD, ended_at__isnull=True
        ).values_list("organisation__slug", flat=True)
    )


class HandoverTests:
    def test_propose_needs_a_valid_basis_for_the_receiver(self, case_a, cast):
        with pytest.raises(ValidationError, match="toestemming"):
            propose(case_a, cast)

    def test_receiver_sees_the_note_but_not_the_case_until_it_accepts(
        self, case_a, consent_b, cast
    ):
        handover = propose(case_a, cast)
        assert not permissions.can(cast.worker_b, permissions.VIEW, case_a)
        assert permissions.access_handover(cast.worker_b, handover.uuid) == handover
        services.handover_accept(handover=handover, actor=cast.worker_b)
        case_a.refresh_from_db()
        assert permissions.can(cast.worker_b, permissions.HAND_OVER, case_a)
        assert case_a.lead_organisation == cast.partner_b
        assert active_leads(case_a) == ["gkb"]
        # The previous lead stays involved until the first contact, without lead rights.
        assert permissions.can(cast.worker_a, permissions.EDIT, case_a)
        assert not permissions.can(cast.worker_a, permissions.HAND_OVER, case_a)

    def test_first_contact_completes_and_previous_lead_steps_out_when_chosen(
        self, case_a, consent_b, cast
    ):
        handover = propose(case_a, cast, previous_lead_stays=False)
        services.handover_accept(handover=handover, actor=cast.worker_b)
        services.case_record_first_contact(case=case_a, actor=cast.worker_b)
        handover.refresh_from_db()
        case_a.refresh_from_db()
        assert handover.status == HandoverStatus.COMPLETED
        assert case_a.status == CaseStatus.ACTIVE
        assert not permissions.can(cast.worker_a, permissions.VIEW, case_a)
        assert services.grants_check_all().ok

    def test_nobody_accepts_his_own_proposal_and_only_the_receiver_answers(
        self, case_a, consent_b, cast
    ):
        handover = propose(case_a, cast)
        with pytest.raises(services.NotAllowed):
            services.handover_accept(handover=handover, actor=cast.worker_a)
        with pytest.raises(services.NotAllowed):
            services.handover_accept(handover=handover, actor=cast.coordinator_a)
        from pact import services as pact_services
        from pact.constants import Role

        # Even a proposer who also works at the receiving organisation cannot accept.
        pact_services.membership_grant(
            user=cast.worker_a, organisation=cast.partner_b, role=Role.CASE_WORKER
        )
        with pytest.raises(services.NotAllowed):
            services.handover_accept(handover=handover, actor=cast.worker_a)

    def test_decline_needs_a_reason_and_leaves_the_lead(self, case_a, consent_b, cast):
        handover = propose(case_a, cast)
        with pytest.raises(ValidationError):
            services.handover_decline(
                handover=handover, actor=cast.worker_b, reason=" "
            )
        services.handover_decline(
            handover=handover, actor=cast.worker_b, reason="Geen plek deze maand."
        )
        case_a.refresh_from_db()
        assert case_a.lead_organisation == cast.partner_a
        with pytest.raises(services.InvalidTransition):
            services.handover_accept(handover=handover, actor=cast.worker_b)

    def test_withdraw_by_the_proposer_only(self, case_a, consent_b, cast):
        handover = propose(case_a, cast)
        with pytest.raises(services.NotAllowed):
            services.handover_withdraw(handover=handover, actor=cast.worker_b)
        services.handover_withdraw(handover=handover, actor=cast.worker_a)
        handover.refresh_from_db()
        assert handover.status == HandoverStatus.WITHDRAWN

    def test_only_one_open_handover_per_case(self, case_a, consent_b, cast):
        propose(case_a, cast)
        with pytest.raises(ValidationError, match="al een overdracht"):
            propose(case_a, cast)

    def test_expiry_after_working_days_goes_to_the_regisseur(
        self, case_a, consent_b, cast
    ):
        # Friday 2 October 2026, 10:00: five working days later is Friday 9 October.
        at = timezone.make_aware(datetime.datetime(2026, 10, 2, 10, 0))
        handover = propose(case_a, cast, at=at, legal_ground="wgs")
        assert timezone.localtime(handover.deadline_at).date() == datetime.date(
            2026, 10, 9
        )
        assert services.handovers_expire_due(now=at + datetime.timedelta(days=6)) == []
        expired = services.handovers_expire_due(now=at + datetime.timedelta(days=7))
        assert [h.pk for h in expired] == [handover.pk]
        escalation = Escalation.objects.get(case=case_a)
        assert escalation.trigger == EscalationTrigger.EXPIRY
        assert escalation.regisseur_organisation == cast.gemeente
        assert permissions.can(cast.regisseur, permissions.VIEW, case_a)
        assert not permissions.can(cast.regisseur, permissions.HAND_OVER, case_a)

    def test_regisseur_takes_over_and_returns(self, case_a, cast):
        escalation = services.escalation_request(
            case=case_a,
            actor=cast.worker_a,
            reason="We lopen vast met de schuldeisers.",
        )
        assert escalation.status == EscalationStatus.OPEN
        with pytest.raises(services.NotAllowed):
            services.escalation_take_over(escalation=escalation, actor=cast.worker_a)
        services.escalation_take_over(escalation=escalation, actor=cast.regisseur)
        case_a.refresh_from_db()
        assert case_a.lead_organisation == cast.gemeente
        assert permissions.can(cast.regisseur, permissions.HAND_OVER, case_a)
        assert active_leads(case_a) == ["gemeente-aa-en-hunze"]
        assert services.grants_check_all().ok

    def test_withdrawing_consent_ends_access_at_once(self, case_a, consent_b, cast):
        services.involvement_add(
            case=case_a, actor=cast.worker_a, organisation=cast.partner_b
        )
        assert permissions.can(cast.worker_b, permissions.VIEW, case_a)
        services.consent_withdraw(consent=consent_b, actor=cast.worker_a)
        assert not permissions.can(cast.worker_b, permissions.VIEW, case_a)
        assert services.grants_check_all().ok

    def test_withdrawing_the_leads_consent_gives_the_lead_to_the_regisseur(
        self, case_a, cast
    ):
        consent = case_a.consents.get(organisation=cast.partner_a)
        services.consent_withdraw(consent=consent, actor=cast.worker_a)
        case_a.refresh_from_db()
        assert case_a.lead_organisation == cast.gemeente
        assert active_leads(case_a) == ["gemeente-aa-en-hunze"]
        assert not permissions.can(cast.worker_a, permissions.VIEW, case_a)
        assert permissions.can(cast.regisseur, permissions.HAND_OVER, case_a)

    def test_closing_keeps_reading_rights_only(self, case_a, cast):
        services.case_close(case=case_a, actor=cast.worker_a, outcome="doelen_bereikt")
        assert permissions.can(cast.worker_a, permissions.VIEW, case_a)
        assert not permissions.can(cast.worker_a, permissions.EDIT, case_a)
        assert services.grants_check_all().ok
