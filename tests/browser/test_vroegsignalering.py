"""A partner works its queue on a phone: the queue (360 px), a household with the
reasons of its score, a home visit with contact, help accepted, a case opened."""

from __future__ import annotations

from pathlib import Path

from django.test import Client

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture
def queue_world(site):
    from tests.casusregie.conftest import drop_access_log_rows
    from tests.personas import build_cast
    from tests.vroegsignalering.conftest import csv_bytes, row
    from vroegsignalering import services
    from vroegsignalering.constants import RoutingCondition

    cast = build_cast()
    services.routing_rule_add(
        municipality=cast.municipality,
        actor=cast.regisseur,
        organisation=cast.partner_a,
        condition=RoutingCondition.EVERYONE,
        position=1,
    )
    services.capacity_set(
        organisation=cast.partner_a,
        actor=cast.coordinator_a,
        visits_per_week=1,
        calls_per_week=1,
    )
    services.signals_import(
        data=csv_bytes(
            row(amount="1.850,00", months="3"),
            row(creditor="Essent", kind="energie", amount="420,00"),
            row(number="40", creditor="WMD", kind="water", amount="90,00"),
            row(number="41", creditor="Zilveren Kruis", kind="zorgverzekering"),
        ),
        municipality=cast.municipality,
        actor=cast.regisseur,
    )
    yield site, cast
    drop_access_log_rows()


def _page(browser, base_url, user, width):
    client = Client()
    client.force_login(user)
    context = browser.new_context(
        locale="nl-NL", viewport={"width": width, "height": 800}
    )
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": base_url,
            }
        ]
    )
    return context, context.new_page()


class QueueBrowserTests:
    def test_partner_works_its_queue_on_a_phone(self, queue_world, browser):
        base_url, cast = queue_world
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        context, page = _page(browser, base_url, cast.worker_a, 360)
        page.goto(base_url + "/vroegsignalering/")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Signalen van betalingsachterstanden"
        )
        first = page.get_by_role("link", name="9461 AB 12")
        expect(first).to_be_visible()
        assert_accessible(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"the queue scrolls sideways at 360 px ({width} px)"
        page.screenshot(path=SCREENSHOTS / "vroeg-queue-360.png", full_page=True)

        first.click()
        expect(
            page.get_by_text("Huurachterstand: de woning is in gevaar")
        ).to_be_visible()
        assert_accessible(page)
        page.screenshot(path=SCREENSHOTS / "vroeg-household-360.png", full_page=True)

        page.get_by_label("Wat heeft u gedaan?").select_option("huisbezoek")
        page.get_by_role("radio", name="Ja").check()
        page.get_by_label("Door een ervaringsdeskundige").check()
        page.get_by_role("button", name="Vastleggen").click()
        expect(page.get_by_text("De poging is vastgelegd.")).to_be_visible()

        page.get_by_label("Wat wil de inwoner bereiken?").fill("Weer rust in huis")
        page.get_by_role("button", name="Hulp aanvaard: casus openen").click()
        expect(page.get_by_text("de casus staat in casusregie")).to_be_visible()
        page.get_by_role("link", name="Naar de casus").click()
        expect(page.get_by_text("Weer rust in huis")).to_be_visible()
        context.close()

    def test_desktop_queue_and_letter(self, queue_world, browser):
        base_url, cast = queue_world
        context, page = _page(browser, base_url, cast.regisseur, 1280)
        page.goto(base_url + "/vroegsignalering/")
        expect(page.get_by_role("columnheader", name="Partner")).to_be_visible()
        page.screenshot(path=SCREENSHOTS / "vroeg-queue-desktop.png", full_page=True)
        page.get_by_role("link", name="9461 AB 41").click()
        page.get_by_role("link", name="Brief maken (om af te drukken)").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Wij willen u helpen met uw rekeningen"
        )
        assert_accessible(page)
        page.screenshot(path=SCREENSHOTS / "vroeg-letter-desktop.png", full_page=True)
        context.close()
