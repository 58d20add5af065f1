"""Issue 10, findings 4, 5, 6 and 9, and the append-only timeline (finding 10).

4. Hand-over notes stay readable only while there is a reason to read them.
5. Refused break-glass attempts stay in the log; guessing references is limited.
6. An open escalation ends only with the regisseur's answer.
9. The hand-over form and the break-glass report are logged reads; a case websocket
   stops when access ends.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, InternalError, connection, transaction
from django.test import Client
from django.urls import reverse

import pytest

from casusregie import services
from casusregie.constants import (
    BREAK_GLASS_DENIED_LIMIT,
    AuditAction,
    EscalationStatus,
    InvolvementRole,
)
from casusregie.models import AccessLogEntry, AppendOnlyError, CaseEvent

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def propose(case, cast, **extra):
    return services.handover_propose(
        case=case,
        actor=cast.worker_a,
        to_organisation=cast.partner_b,
        priorities="Eerst de huur regelen",
        risks="Deurwaarder staat op de stoep",
        next_appointment="Dinsdag 10 uur bij de bibliotheek",
        **extra,
    )


def note_answer(user, handover):
    return client_for(user).get(
        reverse("casusregie:api_handover_detail", args=[handover.uuid])
    )


class HandoverNoteTests:
    """Finding 4: the receiver read the note after the reason to was gone."""

    def test_receiver_reads_the_note_while_the_proposal_is_open(
        self, case_a, consent_b, cast
    ):
        handover = propose(case_a, cast)
        response = note_answer(cast.worker_b, handover)
        assert response.status_code == 200
        assert response.json()["note"]["risks"] == "Deurwaarder staat op de stoep"

    def test_not_after_the_consent_is_withdrawn(self, case_a, consent_b, cast):
        handover = propose(case_a, cast)
        services.consent_withdraw(consent=consent_b, actor=cast.worker_a)
        assert note_answer(cast.worker_b, handover).status_code == 404
        page = client_for(cast.worker_b).get(
            reverse("casusregie:handover_detail", args=[handover.uuid])
        )
        assert page.status_code == 404

    def test_not_after_the_consent_lapsed(self, case_a, cast):
        consent = services.consent_record(
            case=case_a,
            actor=cast.worker_a,
            organisation=cast.partner_b,
            scope="Doelen",
            given_on=datetime.date.today() - datetime.timedelta(days=30),
            valid_until=datetime.date.today(),
        )
        handover = propose(case_a, cast, consent=consent)
        assert note_answer(cast.worker_b, handover).status_code == 200
        consent.valid_until = datetime.date.today() - datetime.timedelta(days=1)
        consent.save(update_fields=["valid_until"])
        assert note_answer(cast.worker_b, handover).status_code == 404

    @pytest.mark.parametrize("ending", ["declined", "withdrawn", "expired"])
    def test_not_after_the_proposal_ended(self, case_a, consent_b, cast, ending):
        handover = propose(case_a, cast)
        if ending == "declined":
            services.handover_decline(
                handover=handover, actor=cast.worker_b, reason="Geen plek"
            )
        elif ending == "withdrawn":
            services.handover_withdraw(handover=handover, actor=cast.worker_a)
        else:
            services.handover_expire(
                handover=handover,
                at=handover.deadline_at + datetime.timedelta(minutes=1),
            )
        assert note_answer(cast.worker_b, handover).status_code == 404
        # The proposer, who still leads, reads it with the case.
        assert note_answer(cast.worker_a, handover).status_code == 200

    def test_not_on_a_completed_one_once_the_case_moved_on(
        self, case_a, consent_b, cast
    ):
        first = propose(case_a, cast, previous_lead_stays=False)
        services.handover_accept(handover=first, actor=cast.worker_b)
        services.case_record_first_contact(case=case_a, actor=cast.worker_b)
        # Partner A stepped out: the note of the completed hand-over is closed to it.
        assert note_answer(cast.worker_a, first).status_code == 404
        assert note_answer(cast.worker_b, first).status_code == 200

    def test_the_inbox_no_longer_lists_a_lapsed_proposal(self, case_a, consent_b, cast):
        from casusregie import selectors

        propose(case_a, cast)
        assert len(selectors.handover_inbox(cast.worker_b)["incoming"]) == 1
        services.consent_withdraw(consent=consent_b, actor=cast.worker_a)
        assert selectors.handover_inbox(cast.worker_b)["incoming"] == []
        assert selectors.inbox_counts(cast.worker_b)["incoming"] == 0


def refusals(user) -> int:
    return AccessLogEntry.objects.filter(
        actor_id=user.pk, action=AuditAction.BREAK_GLASS_DENIED
    ).count()


def try_break_glass(client, reference):
    return client.post(
        reverse("casusregie:break_glass"),
        {
            "reference": reference,
            "reason": "klacht",
            "explanation": "Klacht via de ombudsman over de afhandeling",
        },
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("access_log_flushable")
class BreakGlassRefusalTests:
    """Finding 5: the "denied" row was rolled back with the error."""

    def test_refused_attempts_stay_in_the_log(self, cast):
        client = client_for(cast.pact_admin)
        for number in range(3):
            response = try_break_glass(client, f"CR-2026-NIETS{number}")
            assert response.status_code == 200
            assert "Geen casus gevonden" in response.content.decode()
        assert refusals(cast.pact_admin) == 3

    def test_an_out_of_scope_case_is_refused_and_logged_the_same(self, cast):
        from tests.factories.casusregie import CaseFactory
        from tests.factories.pact import OrganisationFactory

        elsewhere = OrganisationFactory(municipalities=[cast.other_municipality])
        from pact.constants import Role
        from tests.factories.pact import UserFactory

        worker = UserFactory(roles=[(elsewhere, Role.CASE_WORKER)])
        case = CaseFactory(
            actor=worker, organisation=elsewhere, municipality=cast.other_municipality
        )
        response = try_break_glass(client_for(cast.pact_admin), case.reference)
        assert "Geen casus gevonden" in response.content.decode()
        assert refusals(cast.pact_admin) == 1

    def test_guessing_is_limited(self, cast):
        from tests.factories.casusregie import CaseFactory

        case = CaseFactory(
            actor=cast.worker_a,
            organisation=cast.partner_a,
            municipality=cast.municipality,
        )
        client = client_for(cast.pact_admin)
        for number in range(BREAK_GLASS_DENIED_LIMIT):
            try_break_glass(client, f"CR-2026-RADEN{number}")
        # Now even the right reference is refused, and that too is logged.
        response = try_break_glass(client, case.reference)
        assert "te vaak" in response.content.decode()
        assert refusals(cast.pact_admin) == BREAK_GLASS_DENIED_LIMIT + 1
        assert not case.break_glass_accesses.exists()

    def test_the_window_passes(self, cast):
        from tests.factories.casusregie import CaseFactory

        case = CaseFactory(
            actor=cast.worker_a,
            organisation=cast.partner_a,
            municipality=cast.municipality,
        )
        earlier = datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=2)
        for number in range(BREAK_GLASS_DENIED_LIMIT):
            with pytest.raises(ValidationError):
                services.break_glass_open(
                    actor=cast.pact_admin,
                    reference=f"CR-2026-OUD{number}",
                    reason="klacht",
                    explanation="Klacht via de ombudsman",
                    at=earlier,
                )
        access = services.break_glass_open(
            actor=cast.pact_admin,
            reference=case.reference,
            reason="klacht",
            explanation="Klacht via de ombudsman",
        )
        assert access.case == case


class EscalationEndsWithTheRegisseurTests:
    """Finding 6: ending the municipality's involvement closed the escalation."""

    def escalate(self, case_a, cast):
        escalation = services.escalation_request(
            case=case_a, actor=cast.worker_a, reason="Vastgelopen"
        )
        involvement = case_a.involvements.get(
            role=InvolvementRole.REGISSEUR, ended_at__isnull=True
        )
        return escalation, involvement

    @pytest.mark.parametrize("who", ["worker_a", "regisseur"])
    def test_nobody_ends_the_municipalitys_involvement_while_it_is_open(
        self, case_a, cast, who
    ):
        escalation, involvement = self.escalate(case_a, cast)
        with pytest.raises(services.InvalidTransition, match="regisseur"):
            services.involvement_end(involvement=involvement, actor=getattr(cast, who))
        escalation.refresh_from_db()
        involvement.refresh_from_db()
        assert escalation.status == EscalationStatus.OPEN
        assert involvement.ended_at is None

    def test_through_the_page_too(self, case_a, cast):
        escalation, involvement = self.escalate(case_a, cast)
        url = reverse(
            "casusregie:involvement_end",
            args=[case_a.uuid, involvement.organisation.uuid],
        )
        response = client_for(cast.worker_a).post(url, follow=True)
        assert "regisseur" in response.content.decode()
        escalation.refresh_from_db()
        assert escalation.status == EscalationStatus.OPEN

    def test_the_regisseurs_advice_still_ends_it(self, case_a, cast):
        escalation, involvement = self.escalate(case_a, cast)
        services.escalation_return(
            escalation=escalation, actor=cast.regisseur, advice="Schakel GKB in"
        )
        involvement.refresh_from_db()
        assert involvement.ended_at is not None


class ReadsAreLoggedTests:
    """Finding 9: the hand-over form and the break-glass report were unlogged reads."""

    def test_the_hand_over_form_is_a_logged_read(self, case_a, cast):
        response = client_for(cast.worker_a).get(
            reverse("casusregie:handover_create", args=[case_a.uuid])
        )
        assert response.status_code == 200
        row = AccessLogEntry.objects.get(action=AuditAction.HANDOVER_FORM_VIEW)
        assert row.case_uuid == case_a.uuid and row.actor_id == cast.worker_a.pk

    def test_the_break_glass_report_is_a_logged_read_per_case(self, case_a, cast):
        services.break_glass_open(
            actor=cast.pact_admin,
            reference=case_a.reference,
            reason="klacht",
            explanation="Klacht via de ombudsman over de afhandeling",
        )
        response = client_for(cast.regisseur).get(
            reverse("casusregie:break_glass_report")
        )
        assert response.status_code == 200
        rows = AccessLogEntry.objects.filter(
            action=AuditAction.BREAK_GLASS_REPORT_VIEW, actor_id=cast.regisseur.pk
        )
        assert [row.case_uuid for row in rows] == [case_a.uuid]


class TimelineAppendOnlyTests:
    """Finding 10: the timeline had no trigger at all."""

    def test_the_model_refuses_changes(self, case_a):
        event = CaseEvent.objects.filter(case=case_a).first()
        with pytest.raises(AppendOnlyError):
            event.save()
        with pytest.raises(AppendOnlyError):
            CaseEvent.objects.filter(case=case_a).update(summary="x")

    def test_the_database_refuses_update_and_delete_of_an_open_cases_timeline(
        self, case_a
    ):
        event = CaseEvent.objects.filter(case=case_a).first()
        for statement in (
            "UPDATE casusregie_caseevent SET summary = 'anders' WHERE id = %s",
            "DELETE FROM casusregie_caseevent WHERE id = %s",
        ):
            with (
                pytest.raises((IntegrityError, InternalError, Exception)),
                transaction.atomic(),
                connection.cursor() as cursor,
            ):
                cursor.execute(statement, [event.pk])
        assert CaseEvent.objects.filter(pk=event.pk, summary=event.summary).exists()

    def test_the_purge_still_removes_a_closed_cases_timeline(self, case_a, cast):
        from django.test import override_settings

        services.case_close(case=case_a, actor=cast.worker_a, outcome="doelen_bereikt")
        later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=800)
        with override_settings(PACT_CASE_RETENTION_DAYS=30):
            purged = services.cases_purge_closed(now=later)
        assert [p.uuid for p in purged] == [str(case_a.uuid)]
        assert not CaseEvent.objects.filter(case_id=case_a.pk).exists()
