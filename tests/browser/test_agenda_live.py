"""Agenda in a real browser: the pact dashboard updates live when a partner submits, and
the public agenda pages pass axe-core, work at phone width and without JavaScript.

The live dashboard needs websockets, which pytest-django's live server (WSGI) does not
serve: these tests run Daphne in a child process (``daphne.testing.DaphneProcess``, as
channels' ``ChannelsLiveServerTestCase`` does). The child must see the test database, so
on SQLite the test database is a file here instead of in memory.
"""

from __future__ import annotations

import datetime
from functools import partial

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible


@pytest.fixture
def daphne_server(transactional_db, wagtail_site):
    from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
    from django.db import connection

    from channels.testing.live import make_application, set_database_connection
    from daphne.testing import DaphneProcess

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.fail(
            "The agenda browser tests need a file test database (tests/browser/conftest.py).",
            pytrace=False,
        )
    process = DaphneProcess(
        "localhost",
        partial(make_application, static_wrapper=ASGIStaticFilesHandler),
        setup=set_database_connection,
    )
    process.start()
    assert process.ready.wait(timeout=30), "Daphne did not start"
    yield f"http://localhost:{process.port.value}"
    process.terminate()
    process.join()


@pytest.fixture
def live_plan(cast):
    """A published plan running this year and next, with quarterly rounds (one is open now)."""
    from agenda import services
    from agenda.constants import OwnerRole
    from tests.factories.agenda import BuildingBlockFactory, PlanFactory, action

    today = datetime.date.today()
    plan = PlanFactory(
        pact=cast.pact,
        slug="live",
        title="Samen tegen armoede",
        starts_on=datetime.date(today.year, 1, 1),
        ends_on=datetime.date(today.year + 1, 12, 31),
    )
    block = BuildingBlockFactory(
        plan=plan, number=3, title="Eenvoudige toegang", main=True
    )
    services.rounds_create_quarterly(plan=plan)
    action(
        plan,
        "Adviesloket verstevigen",
        owners=[(cast.partner_a, OwnerRole.LEAD)],
        timing="Doorlopend",
        block=block,
    )
    action(
        plan,
        "Schuldhulp sneller starten",
        owners=[(cast.partner_b, OwnerRole.LEAD)],
        timing=f"{today.year} - {today.year + 1}",
        block=block,
    )
    return plan


def login(browser, base_url, user):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="nl-NL")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": base_url,
            }
        ]
    )
    return context


class LiveDashboardTests:
    def test_submission_by_a_partner_appears_on_the_open_dashboard_without_reload(
        self, daphne_server, browser, cast, live_plan
    ):
        from agenda.selectors import round_current

        dashboard_url = (
            f"{daphne_server}/agenda/{live_plan.pact.slug}/{live_plan.slug}/"
        )
        admin = login(browser, daphne_server, cast.pact_admin).new_page()
        admin.goto(dashboard_url)
        expect(admin.locator("#dashboard-live")).to_have_attribute(
            "data-live", "connected", timeout=10_000
        )
        admin.evaluate("window.__notReloaded = true")
        expect(admin.locator("[data-figure=submitted]")).to_have_text("0")

        action = live_plan.actions.get(title="Adviesloket verstevigen")
        round_ = round_current(live_plan)
        partner = login(browser, daphne_server, cast.coordinator_a).new_page()
        partner.goto(f"{daphne_server}/agenda/actie/{action.uuid}/ronde/{round_.uuid}/")
        partner.get_by_label("Op schema").check()
        partner.get_by_label("Voortgang in procenten").fill("40")
        partner.get_by_label("Het verhaal achter de cijfers").fill(
            "Het loket is nu vier uur per week open."
        )
        partner.get_by_role("button", name="Indienen").click()
        expect(partner.get_by_text("Uw update is ingediend")).to_be_visible()

        expect(admin.locator("#recent-updates")).to_contain_text(
            "Adviesloket verstevigen", timeout=10_000
        )
        expect(admin.locator("[data-figure=submitted]")).to_have_text("1")
        expect(admin.locator("#live-status")).to_have_text(
            "Het overzicht is bijgewerkt."
        )
        assert admin.evaluate("window.__notReloaded === true")

    def test_coordinator_cannot_open_the_update_form_of_another_organisation(
        self, daphne_server, browser, cast, live_plan
    ):
        from agenda.selectors import round_current

        action = live_plan.actions.get(title="Schuldhulp sneller starten")
        page = login(browser, daphne_server, cast.coordinator_a).new_page()
        response = page.goto(
            f"{daphne_server}/agenda/actie/{action.uuid}/ronde/{round_current(live_plan).uuid}/"
        )
        assert response.status == 404


class PublicPagesTests:
    PAGES = [
        "",
        "kwartaal/",
        "bouwstenen/",
        "organisaties/",
        "organisaties/attenta/",
        "tijdlijn/",
    ]

    def test_public_pages_pass_axe_and_fit_a_phone(
        self, daphne_server, page, live_plan
    ):
        base = f"{daphne_server}/agenda/{live_plan.pact.slug}/{live_plan.slug}/"
        page.set_viewport_size({"width": 360, "height": 740})
        for path in ["/agenda/", *[base + p for p in self.PAGES]]:
            url = path if path.startswith("http") else daphne_server + path
            response = page.goto(url)
            assert response.status == 200, url
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            assert_accessible(page)
            assert page.evaluate(
                "document.documentElement.scrollWidth <= window.innerWidth"
            ), url
        action = live_plan.actions.first()
        page.goto(f"{daphne_server}/agenda/actie/{action.uuid}/")
        assert_accessible(page)

    def test_timeline_is_a_real_table_and_works_without_javascript(
        self, daphne_server, browser, live_plan
    ):
        context = browser.new_context(java_script_enabled=False, locale="nl-NL")
        page = context.new_page()
        page.goto(
            f"{daphne_server}/agenda/{live_plan.pact.slug}/{live_plan.slug}/tijdlijn/"
        )
        table = page.get_by_role("table").first
        expect(table.get_by_role("columnheader").nth(1)).to_contain_text("Q1")
        expect(table.get_by_role("rowheader").first).to_contain_text(
            "Adviesloket verstevigen"
        )
        page.goto(
            f"{daphne_server}/agenda/{live_plan.pact.slug}/{live_plan.slug}/kwartaal/"
        )
        page.select_option("#kwartaal", index=5)
        page.get_by_role("button", name="Toon").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Q2")
        context.close()
