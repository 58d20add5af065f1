"""Outreach and outcome: attempts move the next step; accepting opens a case in
casusregie through its services, with the resident's consent; declining needs a reason."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError

import pytest

from casusregie import permissions as case_permissions
from vroegsignalering import services
from vroegsignalering.constants import (
    AttemptKind,
    DeclineReason,
    HouseholdStatus,
    NextStep,
)
from vroegsignalering.models import Household

from .conftest import import_rows, row

pytestmark = pytest.mark.django_db


@pytest.fixture
def household(routed):
    import_rows(routed, row())
    return Household.objects.get()


class OutreachTests:
    def test_letter_then_follow_up_in_two_weeks(self, routed, household):
        services.attempt_record(
            household=household,
            actor=routed.worker_a,
            kind=AttemptKind.LETTER,
            contact_made=False,
        )
        household.refresh_from_db()
        assert household.status == HouseholdStatus.LETTER_SENT
        assert household.next_step == NextStep.FOLLOW_UP
        assert household.due_on is not None

    def test_contact_then_accept_opens_a_case_led_by_the_partner(
        self, routed, household
    ):
        services.attempt_record(
            household=household,
            actor=routed.worker_a,
            kind=AttemptKind.VISIT,
            contact_made=True,
            by_peer=True,
        )
        case = services.household_accept(
            household=household,
            actor=routed.worker_a,
            goal="Ik wil mijn huur weer kunnen betalen",
            consent_scope="Achterstanden en inkomen, voor schuldhulp",
            consent_given_on=datetime.date.today(),
        )
        household.refresh_from_db()
        assert household.status == HouseholdStatus.ACCEPTED
        assert household.case == case
        assert household.next_step == NextStep.NONE
        assert case.lead_organisation == routed.partner_a
        assert case.consents.get().organisation == routed.partner_a
        assert case_permissions.can(routed.worker_a, "view", case)
        assert not case_permissions.can(routed.worker_b, "view", case)

    def test_accept_needs_contact_and_consent(self, routed, household):
        with pytest.raises(ValidationError):
            services.household_accept(
                household=household,
                actor=routed.worker_a,
                goal="Rust",
                consent_scope="Alles",
            )
        services.attempt_record(
            household=household,
            actor=routed.worker_a,
            kind=AttemptKind.CALL,
            contact_made=True,
        )
        with pytest.raises(ValidationError):
            services.household_accept(
                household=household,
                actor=routed.worker_a,
                goal="Rust",
                consent_scope=" ",
            )

    def test_coordinator_cannot_open_a_case(self, routed, household):
        services.attempt_record(
            household=household,
            actor=routed.worker_a,
            kind=AttemptKind.CALL,
            contact_made=True,
        )
        with pytest.raises(services.NotAllowed):
            services.household_accept(
                household=household,
                actor=routed.coordinator_a,
                goal="Rust",
                consent_scope="Alles",
            )

    def test_decline_with_a_reason_from_the_list(self, routed, household):
        services.attempt_record(
            household=household,
            actor=routed.worker_a,
            kind=AttemptKind.CALL,
            contact_made=True,
        )
        with pytest.raises(ValidationError):
            services.household_decline(
                household=household, actor=routed.worker_a, reason="zomaar"
            )
        services.household_decline(
            household=household, actor=routed.worker_a, reason=DeclineReason.NO_TRUST
        )
        household.refresh_from_db()
        assert household.status == HouseholdStatus.DECLINED
        assert household.closed_at is not None

    def test_no_contact_closes_only_after_an_attempt(self, routed, household):
        with pytest.raises(ValidationError):
            services.household_close_no_contact(
                household=household, actor=routed.worker_a
            )
        services.attempt_record(
            household=household,
            actor=routed.worker_a,
            kind=AttemptKind.CALL,
            contact_made=False,
        )
        household.refresh_from_db()
        assert household.next_step == NextStep.FOLLOW_UP
        services.household_close_no_contact(household=household, actor=routed.worker_a)
        household.refresh_from_db()
        assert household.status == HouseholdStatus.NO_CONTACT

    def test_other_partner_cannot_record(self, routed, household):
        with pytest.raises(services.NotAllowed):
            services.attempt_record(
                household=household,
                actor=routed.worker_b,
                kind=AttemptKind.CALL,
                contact_made=False,
            )

    def test_children_known_raise_the_score(self, routed, household):
        before = household.score
        services.household_set_children(
            household=household, actor=routed.worker_a, has_children=True
        )
        household.refresh_from_db()
        assert household.score == before + 6


class ReassignTests:
    def test_regisseur_moves_a_household_and_it_is_planned_again(
        self, routed, household
    ):
        moved = services.household_reassign(
            household=household, actor=routed.regisseur, organisation=routed.partner_b
        )
        assert moved.organisation == routed.partner_b
        assert moved.routing_reason == "handmatig"
        assert moved.status == HouseholdStatus.PLANNED
        assert moved.next_step == NextStep.LETTER  # GKB has no capacity set
        from vroegsignalering import permissions

        assert permissions.can(routed.worker_b, "view", moved)
        assert not permissions.can(routed.worker_a, "view", moved)

    def test_only_the_regisseur_and_only_to_a_partner_in_the_municipality(
        self, routed, household
    ):
        from tests.factories.pact import OrganisationFactory

        for person in (routed.worker_a, routed.coordinator_a):
            with pytest.raises(services.NotAllowed):
                services.household_reassign(
                    household=household, actor=person, organisation=routed.partner_b
                )
        elsewhere = OrganisationFactory(municipalities=[routed.other_municipality])
        with pytest.raises(ValidationError):
            services.household_reassign(
                household=household, actor=routed.regisseur, organisation=elsewhere
            )
