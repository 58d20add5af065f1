"""Property-based test of the hand-over state machine (hypothesis, stateful).

Random sequences of proposals, answers, withdrawals, expiries, first contacts,
escalations and closing, by the right and the wrong people. After every step: exactly
one lead (database and ``Case.lead_organisation`` agree), at most one open hand-over,
and the guardian grants equal the policy."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    rule,
    run_state_machine_as_test,
)

from casusregie import permissions, services
from casusregie.constants import (
    OPEN_HANDOVER_STATUSES,
    EscalationStatus,
    HandoverStatus,
    InvolvementRole,
)
from casusregie.models import Case, Handover, Involvement
from casusregie.services.grants import _current_pairs, _expected_pairs
from pact.constants import OrganisationKind, Role
from tests.factories.casusregie import CaseFactory
from tests.factories.pact import OrganisationFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PARTNERS = ["a", "b", "c", "gemeente"]


def build_world(cast):
    partner_c = OrganisationFactory(
        name="Humanitas",
        slug="humanitas",
        kind=OrganisationKind.VRIJWILLIGERS,
        municipalities=[cast.municipality],
    )
    worker_c = UserFactory(username="worker_c", roles=[(partner_c, Role.CASE_WORKER)])
    return {
        "a": (cast.partner_a, cast.worker_a),
        "b": (cast.partner_b, cast.worker_b),
        "c": (partner_c, worker_c),
        "gemeente": (cast.gemeente, cast.regisseur),
    }


class HandoverMachine(RuleBasedStateMachine):
    world: dict = {}
    cast = None

    def __init__(self):
        super().__init__()
        organisation, worker = self.world["a"]
        self.case = CaseFactory(
            actor=worker, organisation=organisation, municipality=self.cast.municipality
        )
        for key in ("b", "c"):
            services.consent_record(
                case=self.case,
                actor=worker,
                organisation=self.world[key][0],
                scope="Alles voor de hulp",
                given_on=datetime.date.today(),
            )
        self.outcomes: list[str] = []

    # --- helpers -----------------------------------------------------------------------

    def refresh(self) -> Case:
        self.case = Case.objects.get(pk=self.case.pk)
        return self.case

    def lead_key(self) -> str:
        lead = self.refresh().lead_organisation_id
        return next(k for k, (org, _w) in self.world.items() if org.pk == lead)

    def open_handover(self) -> Handover | None:
        return Handover.objects.filter(
            case=self.case, status__in=OPEN_HANDOVER_STATUSES
        ).first()

    def attempt(self, action, *args, **kwargs):
        try:
            action(*args, **kwargs)
        except (ValidationError, PermissionDenied) as error:
            self.outcomes.append(type(error).__name__)
            return False
        self.outcomes.append("ok")
        return True

    # --- rules -------------------------------------------------------------------------

    @rule(to=st.sampled_from(PARTNERS), by_lead=st.booleans())
    def propose(self, to, by_lead):
        lead = self.lead_key()
        actor_key = lead if by_lead else next(k for k in PARTNERS if k != lead)
        ok = self.attempt(
            services.handover_propose,
            case=self.case,
            actor=self.world[actor_key][1],
            to_organisation=self.world[to][0],
            priorities="Wat de inwoner wil",
            legal_ground="wgs" if to == "gemeente" else "",
        )
        if ok:
            assert by_lead and to != lead and not self.case.is_closed

    @rule(
        answer=st.sampled_from(["accept", "decline", "withdraw", "expire"]),
        right_person=st.booleans(),
    )
    def answer(self, answer, right_person):
        handover = self.open_handover()
        if handover is None or handover.status != HandoverStatus.PROPOSED:
            return
        receiver = next(
            k
            for k, (o, _w) in self.world.items()
            if o.pk == handover.to_organisation_id
        )
        proposer = next(
            k
            for k, (o, _w) in self.world.items()
            if o.pk == handover.from_organisation_id
        )
        if answer == "accept":
            actor = self.world[receiver if right_person else proposer][1]
            ok = self.attempt(services.handover_accept, handover=handover, actor=actor)
            assert ok == right_person
            if ok:
                assert self.lead_key() == receiver
        elif answer == "decline":
            actor = self.world[receiver if right_person else proposer][1]
            ok = self.attempt(
                services.handover_decline, handover=handover, actor=actor, reason="Vol"
            )
            assert ok == right_person
        elif answer == "withdraw":
            actor = self.world[proposer if right_person else receiver][1]
            ok = self.attempt(
                services.handover_withdraw, handover=handover, actor=actor
            )
            assert ok == right_person
        else:
            at = handover.deadline_at + (
                datetime.timedelta(seconds=1)
                if right_person
                else -datetime.timedelta(hours=1)
            )
            ok = self.attempt(services.handover_expire, handover=handover, at=at)
            assert ok == right_person
            if ok:
                assert self.lead_key() == proposer

    @rule()
    def first_contact(self):
        lead = self.lead_key()
        handover = self.open_handover()
        expected = not self.case.is_closed and (
            self.case.status == "aangemeld"
            or (handover is not None and handover.status == HandoverStatus.ACCEPTED)
        )
        ok = self.attempt(
            services.case_record_first_contact,
            case=self.case,
            actor=self.world[lead][1],
        )
        assert ok == expected

    @rule()
    def escalate(self):
        lead = self.lead_key()
        self.attempt(
            services.escalation_request,
            case=self.case,
            actor=self.world[lead][1],
            reason="Vast",
        )

    @rule(take_over=st.booleans())
    def regisseur_decides(self, take_over):
        escalation = self.case.escalations.filter(status=EscalationStatus.OPEN).first()
        if escalation is None:
            return
        regisseur = self.world["gemeente"][1]
        if take_over:
            assert self.attempt(
                services.escalation_take_over, escalation=escalation, actor=regisseur
            )
            assert self.lead_key() == "gemeente"
        else:
            assert self.attempt(
                services.escalation_return,
                escalation=escalation,
                actor=regisseur,
                advice="Bel GKB",
            )

    @rule()
    def close(self):
        if len(self.outcomes) < 8:  # keep most runs going for a while
            return
        lead = self.lead_key()
        self.attempt(
            services.case_close,
            case=self.case,
            actor=self.world[lead][1],
            outcome="doelen_bereikt",
        )

    # --- invariants ----------------------------------------------------------------------

    @invariant()
    def exactly_one_lead(self):
        case = self.refresh()
        leads = list(
            Involvement.objects.filter(
                case=case, role=InvolvementRole.LEAD, ended_at__isnull=True
            ).values_list("organisation_id", flat=True)
        )
        assert leads == [case.lead_organisation_id]

    @invariant()
    def at_most_one_open_handover(self):
        assert (
            Handover.objects.filter(
                case=self.case, status__in=OPEN_HANDOVER_STATUSES
            ).count()
            <= 1
        )

    @invariant()
    def grants_follow_the_policy(self):
        assert _expected_pairs(self.case) == _current_pairs(self.case)
        lead_worker = self.world[self.lead_key()][1]
        assert permissions.can(lead_worker, permissions.VIEW, self.case)
        if not self.case.is_closed:
            assert permissions.can(lead_worker, permissions.HAND_OVER, self.case)


class HandoverStateMachineTests:
    def test_random_sequences_keep_the_invariants(self, cast):
        HandoverMachine.world = build_world(cast)
        HandoverMachine.cast = cast
        run_state_machine_as_test(
            HandoverMachine,
            settings=settings(
                # A sequence is a whole story of hand-overs: a quarter of the profile's
                # examples (10 quick, 100 in CI).
                max_examples=max(10, settings.default.max_examples // 4),
                stateful_step_count=15,
                deadline=None,
                suppress_health_check=list(HealthCheck),
            ),
        )
