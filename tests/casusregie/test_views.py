"""The pages as stories: a worker opens a case, proposes a hand-over, the receiver
accepts; the coordinator, the regisseur and the pact admin see what they may."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

import pytest

from casusregie import services
from casusregie.models import Case, Handover

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


class CasePagesTests:
    def test_worker_opens_a_case_through_the_form(self, cast):
        client = client_for(cast.worker_a)
        form = client.get(reverse("casusregie:case_create"))
        assert form.status_code == 200
        response = client.post(
            reverse("casusregie:case_create"),
            {
                "organisation": cast.partner_a.pk,
                "label": "Fam. Zonnebloem",
                "municipality": cast.municipality.pk,
                "complexity": "enkelvoudig",
                "resident_regie": "stuurt_samen",
                "goals": "Rust in mijn hoofd\nDe huur betalen",
                "legal_ground": "",
                "consent_scope": "Doelen en notities",
                "consent_form": "mondeling",
            },
        )
        case = Case.objects.get()
        assert response.status_code == 302
        assert response["Location"] == reverse(
            "casusregie:case_detail", args=[case.uuid]
        )
        assert [g.text for g in case.goals.all()] == [
            "Rust in mijn hoofd",
            "De huur betalen",
        ]
        page = client.get(response["Location"])
        assert page.status_code == 200
        assert "Rust in mijn hoofd" in page.content.decode()
        assert page["Cache-Control"].startswith("max-age=0")

    def test_bad_input_gets_a_clear_message_and_keeps_what_was_typed(self, cast):
        client = client_for(cast.worker_a)
        response = client.post(
            reverse("casusregie:case_create"),
            {"organisation": cast.partner_a.pk, "label": "Fam. Klaproos", "goals": ""},
        )
        assert response.status_code == 200
        assert "Fam. Klaproos" in response.content.decode()
        assert Case.objects.count() == 0

    def test_handover_through_the_pages(self, case_a, consent_b, cast):
        worker_a = client_for(cast.worker_a)
        response = worker_a.post(
            reverse("casusregie:handover_create", args=[case_a.uuid]),
            {
                "to_organisation": cast.partner_b.pk,
                "priorities": "Eerst de deurwaarder",
                "previous_lead_stays": "1",
            },
        )
        handover = Handover.objects.get()
        assert response.status_code == 302
        worker_b = client_for(cast.worker_b)
        dashboard = worker_b.get(reverse("casusregie:dashboard")).content.decode()
        assert reverse("casusregie:handover_detail", args=[handover.uuid]) in dashboard
        note = worker_b.get(reverse("casusregie:handover_detail", args=[handover.uuid]))
        assert "Eerst de deurwaarder" in note.content.decode()
        assert (
            worker_b.get(
                reverse("casusregie:case_detail", args=[case_a.uuid])
            ).status_code
            == 404
        )
        worker_b.post(reverse("casusregie:handover_accept", args=[handover.uuid]))
        assert (
            worker_b.get(
                reverse("casusregie:case_detail", args=[case_a.uuid])
            ).status_code
            == 200
        )
        counts = worker_b.get(reverse("casusregie:inbox_counts")).json()
        assert counts == {"incoming": 0, "escalations": 0}

    def test_every_page_renders_for_the_people_it_is_for(self, case_a, cast):
        services.escalation_request(
            case=case_a, actor=cast.worker_a, reason="Vastgelopen"
        )
        pages = {
            cast.worker_a: [
                "dashboard",
                "handover_list",
                "inbox_fragment",
                "case_create",
            ],
            cast.coordinator_a: ["dashboard", "organisation_cases", "figures"],
            cast.regisseur: [
                "dashboard",
                "escalation_list",
                "figures",
                "break_glass_report",
            ],
            cast.pact_admin: [
                "dashboard",
                "figures",
                "break_glass",
                "break_glass_report",
            ],
        }
        for user, names in pages.items():
            client = client_for(user)
            for name in names:
                assert client.get(reverse(f"casusregie:{name}")).status_code == 200, (
                    user,
                    name,
                )
        assert (
            client_for(cast.regisseur)
            .get(reverse("casusregie:case_detail", args=[case_a.uuid]))
            .status_code
            == 200
        )
        assert (
            client_for(cast.worker_b)
            .get(reverse("casusregie:escalation_list"))
            .status_code
            == 404
        )
        assert (
            client_for(cast.worker_b).get(reverse("casusregie:figures")).status_code
            == 404
        )

    def test_figures_hold_no_personal_data(self, case_a, consent_b, cast):
        handover = services.handover_propose(
            case=case_a,
            actor=cast.worker_a,
            to_organisation=cast.partner_b,
            priorities="Rust",
        )
        services.handover_accept(handover=handover, actor=cast.worker_b)
        data = (
            client_for(cast.regisseur)
            .get(reverse("casusregie:figures") + "?formaat=json")
            .json()
        )
        assert data["cases_per_lead_organisation"] == [
            {"organisation": "Gemeentelijke Kredietbank Drenthe", "count": 1}
        ]
        assert data["time_to_accept"]["count"] == 1
        text = str(data)
        assert case_a.label not in text and case_a.reference not in text

    def test_case_page_query_count_is_fixed(
        self, case_a, cast, django_assert_max_num_queries
    ):
        client = client_for(cast.worker_a)
        url = reverse("casusregie:case_detail", args=[case_a.uuid])
        client.get(url)
        with django_assert_max_num_queries(45):
            client.get(url)
        for index in range(5):
            services.note_add(case=case_a, actor=cast.worker_a, text=f"Notitie {index}")
            services.goal_add(case=case_a, actor=cast.worker_a, text=f"Doel {index}")
        with django_assert_max_num_queries(45):
            client.get(url)

    def test_dashboard_query_count_does_not_grow_with_cases(
        self, cast, django_assert_max_num_queries
    ):
        from tests.factories.casusregie import CaseFactory

        client = client_for(cast.worker_a)
        CaseFactory(
            actor=cast.worker_a,
            organisation=cast.partner_a,
            municipality=cast.municipality,
        )
        client.get(reverse("casusregie:dashboard"))
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as one:
            client.get(reverse("casusregie:dashboard"))
        for _ in range(10):
            CaseFactory(
                actor=cast.worker_a,
                organisation=cast.partner_a,
                municipality=cast.municipality,
            )
        with CaptureQueriesContext(connection) as eleven:
            client.get(reverse("casusregie:dashboard"))
        assert len(eleven) == len(one)
