"""The sociale kaart demo: loaded from its data files through the HSDS importer and
the services, complete, idempotent, and written back to the very same files."""

from __future__ import annotations

import io

import pytest

from demo import kaart_files
from demo import socialekaart as demo
from demo.management.commands import demo_kaart_files
from demo.network import seed_network
from pact.roles import roles_sync_groups
from socialekaart.models import MistakeReport, OrganisationPage, ServicePage
from socialekaart.selectors import search_documents, stale_pages
from tests.demo.test_seed_demo import snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

PACKAGE = kaart_files.read_package()
ORGANISATIONS = len(PACKAGE)
SERVICES = sum(len(item["services"]) for item in PACKAGE)
ENDED = sum(
    1
    for item in PACKAGE
    for service in item["services"]
    if service["status"] == "defunct"
)


def test_the_files_hold_no_date_that_ages():
    """Check dates live in the supplement as days before today: a demo seeded next year
    has as many overdue pages as one seeded today, and the round trip below holds on
    any day (an absolute ``assured_date`` made it fail after midnight)."""
    import json

    assert "assured_date" not in json.dumps(PACKAGE)
    checked = kaart_files.read_json(kaart_files.SUPPLEMENT)["checked_days_ago"]
    assert sum(1 for key in checked if "/" in key) == SERVICES
    assert sum(1 for key in checked if "/" not in key) == ORGANISATIONS


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
        self.check_the_files_are_what_the_demo_writes_back()
        first = snapshot()
        demo.seed(stdout=io.StringIO())
        second = snapshot()
        changed = sorted(table for table in first if first[table] != second.get(table))
        assert not changed, f"the demo changed these tables on a second run: {changed}"

    def check_every_organisation_and_offering_is_there(self):
        assert OrganisationPage.objects.count() == ORGANISATIONS == 32
        assert ServicePage.objects.count() == SERVICES == 56
        assert OrganisationPage.objects.filter(is_national=True).count() == 3
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
        assert ENDED == 1
        assert sum(1 for _ in search_documents()) == SERVICES - ENDED + ORGANISATIONS

    def check_the_files_are_what_the_demo_writes_back(self):
        """Nothing is lost between the files and the kaart: what ``demo_kaart_files``
        would write from the seeded kaart is exactly what was read."""
        from django.test import override_settings

        with override_settings(WAGTAILADMIN_BASE_URL=kaart_files.DEMO_BASE_URL):
            # Through export_hsds --include-ended, as the command does.
            package = kaart_files.compact(demo_kaart_files.package_of_this_kaart())
        by_slug = {kaart_files.organisation_slug(item): item for item in package}
        assert by_slug == {kaart_files.organisation_slug(i): i for i in PACKAGE}
        assert demo_kaart_files._taxonomy() == kaart_files.read_json(
            kaart_files.TAXONOMY
        )
        assert demo_kaart_files._supplement() == kaart_files.read_json(
            kaart_files.SUPPLEMENT
        )
