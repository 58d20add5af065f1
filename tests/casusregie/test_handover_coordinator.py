"""The receiving organisation answers a hand-over, and its coordinator may do that for
it: he accepts and names the case worker who leads, or declines (decision 0037).
Coordinators of other organisations, the proposer, and case workers handing the case to
a colleague may not."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

import pytest

from casusregie import permissions, services
from casusregie.constants import HandoverStatus
from pact.constants import Role
from tests.factories.pact import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_b(cast):
    return UserFactory(
        username="coordinator_b", roles=[(cast.partner_b, Role.COORDINATOR)]
    )


@pytest.fixture
def colleague_b(cast):
    return UserFactory(
        username="colleague_b",
        first_name="Sanne",
        last_name="de Vries",
        roles=[(cast.partner_b, Role.CASE_WORKER)],
    )


def propose(case, cast, **kwargs):
    return services.handover_propose(
        case=case,
        actor=cast.worker_a,
        to_organisation=cast.partner_b,
        priorities="Ik wil eerst van de deurwaarder af.",
        **kwargs,
    )


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


class CoordinatorAnswersTests:
    def test_coordinator_accepts_and_names_the_case_worker_who_leads(
        self,
        case_a,
        consent_b,
        cast,
        coordinator_b,
        colleague_b,
        mailoutbox,
        django_capture_on_commit_callbacks,
    ):
        handover = propose(case_a, cast)
        assert permissions.may_answer_handover(coordinator_b, handover)
        with django_capture_on_commit_callbacks(execute=True):
            services.handover_accept(
                handover=handover, actor=coordinator_b, worker=colleague_b
            )
        handover.refresh_from_db()
        case_a.refresh_from_db()
        assert handover.status == HandoverStatus.ACCEPTED
        assert handover.answered_by == coordinator_b
        assert case_a.lead_organisation == cast.partner_b
        assert case_a.lead_worker == colleague_b
        # The named worker works the case; the coordinator oversees it.
        assert permissions.can(colleague_b, permissions.HAND_OVER, case_a)
        assert permissions.can(coordinator_b, permissions.VIEW_LOG, case_a)
        assert not permissions.can(coordinator_b, permissions.EDIT, case_a)
        services.case_record_first_contact(case=case_a, actor=colleague_b)
        assert services.grants_check_all().ok
        told = [m for m in mailoutbox if colleague_b.email in m.to]
        assert len(told) == 1 and "casusbehandelaar" in told[0].subject
        assert "deurwaarder" not in told[0].body  # that it needs attention, no content

    def test_without_a_name_the_worker_the_proposer_named_leads(
        self, case_a, consent_b, cast, coordinator_b
    ):
        handover = propose(case_a, cast, to_worker=cast.worker_b)
        services.handover_accept(handover=handover, actor=coordinator_b)
        case_a.refresh_from_db()
        assert case_a.lead_worker == cast.worker_b

    def test_the_coordinator_must_name_a_case_worker_of_the_receiver(
        self, case_a, consent_b, cast, coordinator_b
    ):
        handover = propose(case_a, cast)
        for worker in (None, coordinator_b, cast.worker_a, cast.coordinator_a):
            with pytest.raises(ValidationError):
                services.handover_accept(
                    handover=handover, actor=coordinator_b, worker=worker
                )
        handover.refresh_from_db()
        assert handover.status == HandoverStatus.PROPOSED

    def test_coordinator_declines_with_a_reason(
        self, case_a, consent_b, cast, coordinator_b
    ):
        handover = propose(case_a, cast)
        services.handover_decline(
            handover=handover, actor=coordinator_b, reason="Geen plek deze maand."
        )
        handover.refresh_from_db()
        case_a.refresh_from_db()
        assert handover.status == HandoverStatus.DECLINED
        assert case_a.lead_organisation == cast.partner_a

    def test_coordinators_of_other_organisations_cannot_answer(
        self, case_a, consent_b, cast
    ):
        handover = propose(case_a, cast)
        elsewhere = OrganisationFactory(
            name="Humanitas", slug="humanitas", municipalities=[cast.municipality]
        )
        coordinator_elsewhere = UserFactory(roles=[(elsewhere, Role.COORDINATOR)])
        for coordinator in (cast.coordinator_a, coordinator_elsewhere):
            assert not permissions.may_answer_handover(coordinator, handover)
            with pytest.raises(services.NotAllowed):
                services.handover_accept(
                    handover=handover, actor=coordinator, worker=cast.worker_b
                )
            with pytest.raises(services.NotAllowed):
                services.handover_decline(
                    handover=handover, actor=coordinator, reason="Nee."
                )

    def test_the_proposer_cannot_accept_even_as_coordinator_of_the_receiver(
        self, case_a, consent_b, cast
    ):
        from pact import services as pact_services

        handover = propose(case_a, cast)
        pact_services.membership_grant(
            user=cast.worker_a, organisation=cast.partner_b, role=Role.COORDINATOR
        )
        with pytest.raises(services.NotAllowed):
            services.handover_accept(
                handover=handover, actor=cast.worker_a, worker=cast.worker_b
            )

    def test_a_case_worker_accepts_for_himself_not_for_a_colleague(
        self, case_a, consent_b, cast, colleague_b
    ):
        handover = propose(case_a, cast)
        with pytest.raises(services.NotAllowed):
            services.handover_accept(
                handover=handover, actor=cast.worker_b, worker=colleague_b
            )
        services.handover_accept(
            handover=handover, actor=cast.worker_b, worker=cast.worker_b
        )
        case_a.refresh_from_db()
        assert case_a.lead_worker == cast.worker_b


class CoordinatorAnswersPagesTests:
    def test_the_coordinator_names_the_worker_on_the_hand_over_page(
        self, case_a, consent_b, cast, coordinator_b, colleague_b
    ):
        handover = propose(case_a, cast)
        client = client_for(coordinator_b)
        url = reverse("casusregie:handover_detail", args=[handover.uuid])
        page = client.get(url).content.decode()
        assert 'name="worker"' in page and "Sanne de Vries" in page
        assert cast.worker_a.username not in page.split('name="worker"')[1]
        response = client.post(
            reverse("casusregie:handover_accept", args=[handover.uuid]),
            {"worker": colleague_b.pk},
        )
        assert response.status_code == 302
        case_a.refresh_from_db()
        assert case_a.lead_worker == colleague_b
        followed = client.get(response["Location"]).content.decode()
        assert "Sanne de Vries legt het eerste contact" in followed

    def test_a_worker_outside_the_list_is_refused_on_the_page(
        self, case_a, consent_b, cast, coordinator_b
    ):
        handover = propose(case_a, cast)
        client = client_for(coordinator_b)
        client.post(
            reverse("casusregie:handover_accept", args=[handover.uuid]),
            {"worker": cast.worker_a.pk},
        )
        handover.refresh_from_db()
        assert handover.status == HandoverStatus.PROPOSED

    def test_case_workers_keep_the_plain_accept_button(self, case_a, consent_b, cast):
        handover = propose(case_a, cast)
        page = (
            client_for(cast.worker_b)
            .get(reverse("casusregie:handover_detail", args=[handover.uuid]))
            .content.decode()
        )
        assert "Accepteren en de regie overnemen" in page
        assert 'name="worker"' not in page

    def test_the_api_takes_the_worker_by_username(
        self, case_a, consent_b, cast, coordinator_b, colleague_b
    ):
        handover = propose(case_a, cast)
        client = client_for(coordinator_b)
        url = reverse("casusregie:api_handover_action", args=[handover.uuid, "accept"])
        unknown = client.post(
            url,
            data={"worker": cast.worker_a.username},
            content_type="application/json",
        )
        assert unknown.status_code == 400
        accepted = client.post(
            url, data={"worker": colleague_b.username}, content_type="application/json"
        )
        assert accepted.status_code == 200
        assert accepted.json()["status"] == HandoverStatus.ACCEPTED
        case_a.refresh_from_db()
        assert case_a.lead_worker == colleague_b
