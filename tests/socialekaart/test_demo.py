"""The sociale kaart demo: built through the services, complete, and idempotent."""

from __future__ import annotations

import io

import pytest

from demo import socialekaart as demo
from demo.network import seed_network
from demo.socialekaart_data import (
    NATIONAL_ORGANISATION_PAGES,
    NATIONAL_SERVICES,
    ORGANISATION_PAGES,
    SERVICES,
)
from pact.roles import roles_sync_groups
from socialekaart.models import MistakeReport, OrganisationPage, ServicePage
from socialekaart.selectors import search_documents, stale_pages
from tests.demo.test_seed_demo import snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def seeded(wagtail_site):
    roles_sync_groups()
    seed_network(stdout=io.StringIO())
    demo.seed(stdout=io.StringIO())


class DemoTests:
    """One seeded database for all checks: seeding takes a while."""

    def test_demo_is_complete_and_a_second_run_changes_no_table(self, seeded):
        self.check_every_organisation_and_offering_is_there()
        self.check_every_municipality_and_filter_has_offerings()
        self.check_phone_numbers_are_clearly_fictitious()
        self.check_the_demo_shows_freshness_reports_and_moderation()
        first = snapshot()
        demo.seed(stdout=io.StringIO())
        second = snapshot()
        changed = sorted(table for table in first if first[table] != second.get(table))
        assert not changed, f"the demo changed these tables on a second run: {changed}"

    def check_every_organisation_and_offering_is_there(self):
        assert OrganisationPage.objects.count() == len(ORGANISATION_PAGES) + len(
            NATIONAL_ORGANISATION_PAGES
        )
        assert ServicePage.objects.count() == len(SERVICES) + len(NATIONAL_SERVICES)
        titles = set(ServicePage.objects.values_list("title", flat=True))
        for name in [
            "Bijzondere bijstand",
            "Individuele inkomenstoeslag",
            "Kwijtschelding gemeentelijke belastingen",
            "Collectieve zorgverzekering (gemeentepolis)",
            "Maatwerkregeling gebruiksgoederen",
            "Kindpakket Assen",
            "Doe-Mee-Pas",
            "Uitkering activiteiten",
            "Meedoenpremie",
            "Sport of cultuur betaald door het Jeugdfonds",
            "Participatiepremie",
            "Schuldhulpverlening",
            "Budgetbeheer",
            "Voedselpakket",
            "Adviesloket Aa en Hunze",
            "Thuisadministratie",
            "Kleding uitzoeken",
            "Verjaardagsbox",
            "Leergeld: spullen voor school",
            "Voorzieningenwijzer Coevorden",
        ]:
            assert name in titles, name

    def check_every_municipality_and_filter_has_offerings(self):
        from pact.models import Municipality

        for municipality in Municipality.objects.all():
            assert (
                ServicePage.objects.filter(municipalities=municipality).count() >= 8
            ), municipality
        assert ServicePage.objects.filter(is_free=False).exists()
        assert ServicePage.objects.filter(status="temporarily_closed").exists()
        assert ServicePage.objects.filter(status="ended").exists()
        assert ServicePage.objects.filter(
            eligibility_rules__min_age__isnull=False
        ).exists()

    def check_phone_numbers_are_clearly_fictitious(self):
        for page in [*OrganisationPage.objects.all(), *ServicePage.objects.all()]:
            for number in (page.phone, page.professional_phone):
                if number:
                    assert "-000 " in number or number.startswith("0800-000"), number

    def check_the_demo_shows_freshness_reports_and_moderation(self):
        assert len(stale_pages()) >= 3
        assert MistakeReport.objects.filter(status="open").count() == 2
        assert (
            ServicePage.objects.get(slug="schuldhulpverlening").current_workflow_state
            is not None
        )
        # Every page but the ended offering, national ones included (issue 11).
        assert sum(1 for _ in search_documents()) == (
            len(SERVICES)
            - 1
            + len(ORGANISATION_PAGES)
            + len(NATIONAL_SERVICES)
            + len(NATIONAL_ORGANISATION_PAGES)
        )
