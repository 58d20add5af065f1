"""The casusregie inbox as its people read it (issue 11): which case a proposal is
about, which first contacts are late, a consent date the date input can show, and a
first contact that cannot be earlier than the proposal it answers."""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine

from casusregie import forms, selectors, services
from tests.factories.casusregie import CaseFactory

pytestmark = pytest.mark.django_db

# A Monday in a week without Dutch public holidays.
MONDAY = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def _proposal(case, cast, *, at):
    services.consent_record(
        case=case,
        actor=cast.worker_a,
        organisation=cast.partner_b,
        scope="Doelen en de overdrachtsnotitie",
        given_on=at.date(),
        at=at,
    )
    return services.handover_propose(
        case=case,
        actor=cast.worker_a,
        to_organisation=cast.partner_b,
        priorities="Eerst de deurwaarder weg",
        at=at,
    )


@pytest.fixture
def two_proposals(cast):
    """Two proposals from partner A to partner B, alike but for their households."""
    cases = []
    for label in ("Fam. Zonnebloem", "Fam. Klaproos"):
        case = CaseFactory(
            actor=cast.worker_a,
            organisation=cast.partner_a,
            municipality=cast.municipality,
            label=label,
        )
        services.case_record_first_contact(case=case, actor=cast.worker_a)
        _proposal(case, cast, at=timezone.now())
        cases.append(case)
    return cases


class IncomingHandoverTests:
    def test_each_proposal_names_its_case_reference_and_household(
        self, two_proposals, cast
    ):
        page = client_for(cast.worker_b).get(reverse("casusregie:dashboard"))
        inbox = page.content.decode()
        for case in two_proposals:
            assert case.reference in inbox
            assert case.label in inbox
        # The receiver still may not open the cases: only the note.
        for case in two_proposals:
            assert reverse("casusregie:case_detail", args=[case.uuid]) not in inbox, (
                "the receiver must not get a link to a case it cannot open yet"
            )

    def test_the_live_fragment_and_the_handover_page_name_them_too(
        self, two_proposals, cast
    ):
        client = client_for(cast.worker_b)
        fragment = client.get(reverse("casusregie:inbox_fragment")).content.decode()
        assert all(case.label in fragment for case in two_proposals)
        handover = two_proposals[0].handovers.get()
        note = client.get(
            reverse("casusregie:handover_detail", args=[handover.uuid])
        ).content.decode()
        assert two_proposals[0].reference in note
        assert two_proposals[0].label in note

    def test_a_proposal_past_its_deadline_is_flagged(self, cast):
        case = CaseFactory(
            actor=cast.worker_a,
            organisation=cast.partner_a,
            municipality=cast.municipality,
            at=MONDAY - datetime.timedelta(days=30),
        )
        services.case_record_first_contact(
            case=case, actor=cast.worker_a, at=MONDAY - datetime.timedelta(days=29)
        )
        _proposal(case, cast, at=MONDAY)
        with time_machine.travel(MONDAY + datetime.timedelta(days=8), tick=False):
            inbox = selectors.handover_inbox(cast.worker_b)
            page = client_for(cast.worker_b).get(reverse("casusregie:dashboard"))
        assert [h.is_past_deadline for h in inbox["incoming"]] == [True]
        assert "Termijn verstreken" in page.content.decode()


@pytest.fixture
def accepted(cast):
    """Partner B accepted partner A's proposal on MONDAY and has not met the
    resident yet."""
    case = CaseFactory(
        actor=cast.worker_a,
        organisation=cast.partner_a,
        municipality=cast.municipality,
        label="Fam. Berk",
        at=MONDAY - datetime.timedelta(days=10),
    )
    services.case_record_first_contact(
        case=case, actor=cast.worker_a, at=MONDAY - datetime.timedelta(days=9)
    )
    handover = _proposal(case, cast, at=MONDAY - datetime.timedelta(hours=3))
    services.handover_accept(handover=handover, actor=cast.worker_b, at=MONDAY)
    return case, handover


class FirstContactDueTests:
    def test_due_five_working_days_after_acceptance(self, accepted, cast):
        # Monday 2 March + 5 working days = Monday 9 March, same time.
        with time_machine.travel(MONDAY + datetime.timedelta(days=7), tick=False):
            (waiting,) = selectors.handover_inbox(cast.worker_b)["awaiting_contact"]
            assert waiting.contact_due_at == MONDAY + datetime.timedelta(days=7)
            assert not waiting.is_contact_overdue
        with time_machine.travel(
            MONDAY + datetime.timedelta(days=7, minutes=1), tick=False
        ):
            (waiting,) = selectors.handover_inbox(cast.worker_b)["awaiting_contact"]
            assert waiting.is_contact_overdue
            # The proposer sees it late among its outgoing hand-overs too.
            (outgoing,) = selectors.handover_inbox(cast.worker_a)["outgoing"]
            assert outgoing.is_contact_overdue

    def test_a_case_waiting_months_is_flagged_in_inbox_and_case_list(
        self, accepted, cast
    ):
        case, _handover = accepted
        with time_machine.travel(MONDAY + datetime.timedelta(days=105), tick=False):
            page = client_for(cast.worker_b).get(reverse("casusregie:dashboard"))
        html = page.content.decode()
        assert html.count("Eerste contact te laat") == 2  # inbox and case list
        assert "verwacht uiterlijk 9 maart 2026" in html

    def test_overdue_first_contacts_come_first(self, accepted, cast):
        late_case, _handover = accepted
        fresh = CaseFactory(
            actor=cast.worker_a,
            organisation=cast.partner_a,
            municipality=cast.municipality,
            at=MONDAY + datetime.timedelta(days=20),
        )
        services.case_record_first_contact(
            case=fresh, actor=cast.worker_a, at=MONDAY + datetime.timedelta(days=20)
        )
        handover = _proposal(fresh, cast, at=MONDAY + datetime.timedelta(days=21))
        services.handover_accept(
            handover=handover,
            actor=cast.worker_b,
            at=MONDAY + datetime.timedelta(days=21, hours=1),
        )
        with time_machine.travel(MONDAY + datetime.timedelta(days=22), tick=False):
            waiting = selectors.handover_inbox(cast.worker_b)["awaiting_contact"]
        assert [h.case for h in waiting] == [late_case, fresh]
        assert [h.is_contact_overdue for h in waiting] == [True, False]

    def test_a_registered_case_without_contact_is_flagged_in_the_case_list(self, cast):
        CaseFactory(
            actor=cast.worker_a,
            organisation=cast.partner_a,
            municipality=cast.municipality,
            at=MONDAY,
        )
        with time_machine.travel(MONDAY + datetime.timedelta(days=60), tick=False):
            (case,) = selectors.cases_mark_first_contact(
                selectors.case_list_for_user(cast.worker_a)
            )
        assert case.is_contact_overdue
        assert case.contact_due_at == MONDAY + datetime.timedelta(days=7)

    def test_a_case_with_its_first_contact_is_not_flagged(self, case_a, cast):
        services.case_record_first_contact(case=case_a, actor=cast.worker_a)
        (case,) = selectors.cases_mark_first_contact(
            selectors.case_list_for_user(cast.worker_a),
            now=timezone.now() + datetime.timedelta(days=90),
        )
        assert case.contact_due_at is None
        assert not case.is_contact_overdue


class FirstContactBeforeProposalTests:
    def test_the_service_refuses_a_contact_before_the_proposal(self, accepted, cast):
        case, handover = accepted
        with pytest.raises(ValidationError) as refused:
            services.case_record_first_contact(
                case=case,
                actor=cast.worker_b,
                contact_at=handover.proposed_at - datetime.timedelta(days=1),
            )
        assert "niet eerder zijn dan het voorstel" in refused.value.messages[0]
        case.refresh_from_db()
        handover.refresh_from_db()
        assert handover.status == "geaccepteerd"

    def test_a_contact_after_the_proposal_completes_the_handover(self, accepted, cast):
        case, handover = accepted
        services.case_record_first_contact(
            case=case,
            actor=cast.worker_b,
            contact_at=handover.proposed_at + datetime.timedelta(hours=1),
        )
        handover.refresh_from_db()
        assert handover.status == "afgerond"

    def test_the_page_says_why_and_keeps_the_case_waiting(self, accepted, cast):
        case, handover = accepted
        client = client_for(cast.worker_b)
        response = client.post(
            reverse("casusregie:first_contact", args=[case.uuid]),
            {"contact_at": "2026-02-01T10:00"},
            follow=True,
        )
        assert response.status_code == 200
        assert "niet eerder zijn dan het voorstel tot overdracht" in (
            response.content.decode()
        )
        handover.refresh_from_db()
        assert handover.status == "geaccepteerd"

    def test_the_form_says_the_earliest_moment(self, accepted, cast):
        case, _handover = accepted
        page = client_for(cast.worker_b).get(
            reverse("casusregie:case_detail", args=[case.uuid])
        )
        assert "Niet eerder dan het voorstel tot overdracht" in page.content.decode()


class ConsentDateTests:
    def test_the_date_input_gets_an_iso_date_in_dutch_too(self, cast):
        form = forms.ConsentForm_(organisations=None)
        html = str(form["given_on"])
        today = timezone.localdate().isoformat()
        assert 'type="date"' in html
        assert f'value="{today}"' in html

    def test_the_case_page_shows_todays_date_in_the_consent_form(self, case_a, cast):
        page = client_for(cast.worker_a).get(
            reverse("casusregie:case_detail", args=[case_a.uuid]),
            HTTP_ACCEPT_LANGUAGE="nl",
        )
        field = re.search(r'<input[^>]*name="given_on"[^>]*>', page.content.decode())
        assert field is not None
        assert f'value="{timezone.localdate().isoformat()}"' in field.group(0)


class HeaderTests:
    def test_casusregie_is_named_once_in_the_header(self, case_a, cast):
        for user in (cast.worker_a, cast.coordinator_a, cast.regisseur):
            html = client_for(user).get(reverse("casusregie:dashboard")).content
            header = re.search(
                r"<header.*?</header>", html.decode(), flags=re.DOTALL
            ).group(0)
            assert header.count(">Casusregie") == 1, user
