""" "Warme overdracht starten" on an offering page (issue 11): shown only to people who
may start one, decided on the server, and never served to anyone else from the
anonymous page cache (decision 0073)."""

from __future__ import annotations

import datetime

from django.test import Client, override_settings
from django.urls import reverse

import pytest

from casusregie import services
from casusregie.models import AccessLogEntry
from tests.factories.casusregie import CaseFactory

pytestmark = pytest.mark.django_db

BUTTON = "Warme overdracht naar Attenta starten"


@pytest.fixture(autouse=True)
def page_cache_on():
    from config import pagecache

    with override_settings(PACT_PAGE_CACHE_SECONDS=300, PACT_PROXY_CACHE_SECONDS=0):
        pagecache.content_changed()
        yield


def client_for(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def gkb_case(cast):
    """GKB (worker_b) leads a case in Aa en Hunze, where Attenta works too."""
    case = CaseFactory(
        actor=cast.worker_b,
        organisation=cast.partner_b,
        municipality=cast.municipality,
        label="Fam. Merel",
    )
    services.case_record_first_contact(case=case, actor=cast.worker_b)
    services.consent_record(
        case=case,
        actor=cast.worker_b,
        organisation=cast.partner_a,
        scope="Doelen en de overdrachtsnotitie",
        given_on=datetime.date.today(),
    )
    return case


class ButtonTests:
    def test_a_case_worker_sees_the_button_on_an_offering_page(self, kaart, cast):
        html = client_for(cast.worker_b).get(kaart.service_a.url).content.decode()
        assert BUTTON in html
        assert f"/casusregie/overdragen/?naar={cast.partner_a.uuid}" in html

    def test_the_organisation_page_has_it_too(self, kaart, cast):
        html = client_for(cast.worker_b).get(kaart.org_a.url).content.decode()
        assert BUTTON in html

    @pytest.mark.parametrize("who", ["anonymous", "editor_a", "coordinator_a"])
    def test_others_do_not(self, kaart, cast, who):
        user = None if who == "anonymous" else getattr(cast, who)
        html = client_for(user).get(kaart.service_a.url).content.decode()
        assert BUTTON not in html
        assert "/casusregie/overdragen/" not in html

    def test_the_anonymous_cache_never_serves_the_button(self, kaart, cast):
        # A case worker first: his page is private and not stored.
        seen = client_for(cast.worker_b).get(kaart.service_a.url)
        assert BUTTON in seen.content.decode()
        assert "private" in seen["Cache-Control"]
        assert "X-Pact-Cache" not in seen
        for _ in range(2):
            anonymous = client_for().get(kaart.service_a.url)
            assert BUTTON not in anonymous.content.decode()
        assert anonymous["X-Pact-Cache"] == "hit"
        # And the stored anonymous page is not what the case worker gets.
        again = client_for(cast.worker_b).get(kaart.service_a.url)
        assert "X-Pact-Cache" not in again
        assert BUTTON in again.content.decode()


class StartPageTests:
    def test_lists_the_cases_to_hand_over_and_logs_the_read(
        self, kaart, cast, gkb_case
    ):
        client = client_for(cast.worker_b)
        url = reverse("casusregie:handover_start") + f"?naar={cast.partner_a.uuid}"
        before = AccessLogEntry.objects.count()
        page = client.get(url)
        assert page.status_code == 200
        html = page.content.decode()
        assert gkb_case.reference in html and "Fam. Merel" in html
        form_url = reverse("casusregie:handover_create", args=[gkb_case.uuid])
        assert f"{form_url}?naar={cast.partner_a.uuid}" in html
        assert AccessLogEntry.objects.count() == before + 1

    def test_the_form_has_the_organisation_chosen(self, kaart, cast, gkb_case):
        client = client_for(cast.worker_b)
        form_url = reverse("casusregie:handover_create", args=[gkb_case.uuid])
        html = client.get(f"{form_url}?naar={cast.partner_a.uuid}").content.decode()
        assert f'<option value="{cast.partner_a.pk}" selected>' in html

    def test_a_case_already_being_handed_over_is_not_offered(
        self, kaart, cast, gkb_case
    ):
        services.handover_propose(
            case=gkb_case,
            actor=cast.worker_b,
            to_organisation=cast.partner_a,
            priorities="Eerst rust",
        )
        url = reverse("casusregie:handover_start") + f"?naar={cast.partner_a.uuid}"
        html = client_for(cast.worker_b).get(url).content.decode()
        assert gkb_case.reference not in html

    @pytest.mark.parametrize("who", ["editor_a", "coordinator_a", "pact_admin"])
    def test_people_who_may_not_start_one_get_a_404(self, kaart, cast, who):
        url = reverse("casusregie:handover_start") + f"?naar={cast.partner_a.uuid}"
        assert client_for(getattr(cast, who)).get(url).status_code == 404

    def test_an_unknown_organisation_is_a_404(self, kaart, cast):
        url = reverse("casusregie:handover_start")
        client = client_for(cast.worker_b)
        assert client.get(url + "?naar=niet-een-uuid").status_code == 404
        assert client.get(url).status_code == 404
