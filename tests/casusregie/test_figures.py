"""The regisseur's figures: his municipality by default, a period with the period before
it (trends), and the same figures as CSV. Counts only, no persons."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from casusregie import selectors, services
from tests.casusregie.test_views import client_for
from tests.factories.casusregie import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_municipalities(case_a, consent_b, cast):
    """A hand-over in the regisseur's municipality, and a case in another one."""
    handover = services.handover_propose(
        case=case_a,
        actor=cast.worker_a,
        to_organisation=cast.partner_b,
        priorities="Rust",
    )
    services.handover_accept(handover=handover, actor=cast.worker_b)
    CaseFactory(
        actor=cast.worker_b,
        organisation=cast.partner_b,
        municipality=cast.other_municipality,
    )
    return cast


def test_figures_open_on_the_regisseurs_own_municipality(two_municipalities):
    cast = two_municipalities
    page = client_for(cast.regisseur).get(reverse("casusregie:figures"))
    assert page.context["chosen"] == cast.municipality
    assert page.context["period"].key == "12m"
    everywhere = client_for(cast.regisseur).get(
        reverse("casusregie:figures") + "?gemeente="
    )
    assert everywhere.context["chosen"] is None
    assert (
        everywhere.context["data"]["cases_open"]
        == page.context["data"]["cases_open"] + 1
    )


def test_a_coordinator_sees_all_municipalities_by_default(two_municipalities):
    page = client_for(two_municipalities.coordinator_a).get(
        reverse("casusregie:figures")
    )
    assert page.context["chosen"] is None


def test_period_and_the_period_before_it(two_municipalities):
    cast = two_municipalities
    page = client_for(cast.regisseur).get(reverse("casusregie:figures") + "?periode=3m")
    trends = {
        str(label): (now, before) for label, now, before in page.context["trends"]
    }
    assert trends["Overdrachten voorgesteld"] == (1, 0)
    assert "Vergeleken met de periode ervoor" in page.content.decode()


def test_periods_end_now_and_compare_equal_lengths():
    now = timezone.make_aware(datetime.datetime(2026, 12, 7, 12))
    months = selectors.figures_period("3m", now=now)
    assert months.since.date() == datetime.date(2026, 10, 1)
    assert months.previous_since.date() == datetime.date(2026, 7, 1)
    assert months.previous_until == months.since
    year = selectors.figures_period("jaar", now=now)
    assert year.previous_since.date() == datetime.date(2025, 1, 1)
    assert year.previous_until.date() == datetime.date(2025, 12, 7)
    assert selectors.figures_period("onzin", now=now).key == "12m"
    assert selectors.figures_period("alles", now=now).since is None


def test_figures_as_csv_for_a_spreadsheet(two_municipalities):
    cast = two_municipalities
    response = client_for(cast.regisseur).get(
        reverse("casusregie:figures") + "?formaat=csv&periode=12m"
    )
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert text.splitlines()[0] == f"Gemeente;{cast.municipality}"
    assert "Overdrachten voorgesteld;1;0" in text
    assert cast.worker_a.username not in text
