"""A warm hand-over between two people of two organisations, in two browser contexts:
the receiver's dashboard shows the proposal arrive live (websocket), without reloading.

The pages are served by daphne (HTTP and websockets) in a thread of this process, so it
shares the in-memory test database; pytest-django's live_server speaks no websockets."""

from __future__ import annotations

import datetime
import socket
import threading
import time

from django.test import Client

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def asgi_server():
    """daphne in a thread (one per test process: Twisted's reactor cannot restart)."""
    from daphne.endpoints import build_endpoint_description_strings
    from daphne.server import Server

    from config.asgi import application

    port = _free_port()
    server = Server(
        application=application,
        endpoints=build_endpoint_description_strings(host="127.0.0.1", port=port),
        signal_handlers=False,
        verbosity=0,
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    from twisted.internet import reactor

    reactor.callFromThread(reactor.stop)


@pytest.fixture
def world(transactional_db):
    from casusregie import services
    from tests.casusregie.conftest import drop_access_log_rows
    from tests.conftest import ensure_wagtail_tree
    from tests.factories.casusregie import CaseFactory
    from tests.personas import build_cast

    ensure_wagtail_tree()
    cast = build_cast()
    case = CaseFactory(
        actor=cast.worker_a,
        organisation=cast.partner_a,
        municipality=cast.municipality,
        label="Fam. Zonnebloem (fictief)",
        goals=["Eerst de deurwaarder weg", "Weer rustig slapen"],
    )
    services.case_record_first_contact(case=case, actor=cast.worker_a)
    services.consent_record(
        case=case,
        actor=cast.worker_a,
        organisation=cast.partner_b,
        scope="Doelen en de overdrachtsnotitie",
        given_on=datetime.date.today(),
    )
    yield cast, case
    drop_access_log_rows()


def logged_in_page(browser, base_url, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="nl-NL")
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


class CasusregieBrowserTests:
    def test_handover_arrives_live_at_the_receiver_and_is_accepted(
        self, asgi_server, world, browser
    ):
        cast, case = world
        receiver_context, receiver = logged_in_page(browser, asgi_server, cast.worker_b)
        proposer_context, proposer = logged_in_page(browser, asgi_server, cast.worker_a)

        receiver.goto(asgi_server + "/casusregie/")
        expect(
            receiver.get_by_role("heading", name="Overdrachten naar ons")
        ).to_be_visible()
        expect(receiver.locator("#cr-incoming")).to_have_count(0)
        assert_accessible(receiver)
        # The websocket connects after load; casusregie.js marks the page when it has.
        expect(receiver.locator("html[data-live=connected]")).to_have_count(1)

        proposer.goto(f"{asgi_server}/casusregie/casussen/{case.uuid}/")
        expect(proposer.get_by_role("heading", level=1)).to_contain_text(
            "Fam. Zonnebloem"
        )
        assert_accessible(proposer)
        proposer.get_by_role("link", name="Regie overdragen").click()
        proposer.get_by_label("Naar organisatie").select_option(
            label="Gemeentelijke Kredietbank Drenthe"
        )
        proposer.get_by_label("Wat vindt de inwoner zelf belangrijk?").fill(
            "Eerst de deurwaarder weg, dan pas de rest."
        )
        proposer.get_by_label("Volgende afspraak met de inwoner").fill(
            "Dinsdag 10:00 huisbezoek"
        )
        assert_accessible(proposer)
        proposer.get_by_role("button", name="Voorstel versturen").click()
        expect(proposer.get_by_test_id("handover-status")).to_have_text("Voorgesteld")

        # Live: no reload on the receiver's side.
        incoming = receiver.locator("#cr-incoming a")
        expect(incoming).to_have_count(1, timeout=10_000)
        expect(incoming).to_contain_text(f"{case.reference} · Fam. Zonnebloem")
        expect(receiver.locator("#cr-incoming li")).to_contain_text("van Attenta")
        expect(receiver.locator("#cr-badge")).to_have_text("1", timeout=10_000)

        incoming.click()
        expect(
            receiver.get_by_text("Eerst de deurwaarder weg, dan pas de rest.")
        ).to_be_visible()
        assert_accessible(receiver)
        receiver.get_by_role("button", name="Accepteren en de regie overnemen").click()
        expect(receiver.get_by_test_id("handover-status")).to_contain_text(
            "Geaccepteerd"
        )
        receiver.get_by_role("link", name=case.reference).click()
        expect(receiver.get_by_test_id("lead")).to_contain_text(
            "Gemeentelijke Kredietbank Drenthe"
        )

        receiver_context.close()
        proposer_context.close()

    def test_case_page_works_on_a_phone_without_horizontal_scroll(
        self, asgi_server, world, browser
    ):
        cast, case = world
        context, page = logged_in_page(browser, asgi_server, cast.worker_a)
        page.set_viewport_size({"width": 360, "height": 740})
        page.goto(f"{asgi_server}/casusregie/casussen/{case.uuid}/")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth"
        )
        context.close()
