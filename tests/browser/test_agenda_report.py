"""A coordinator's first job in the agenda, on the demo data: coordinator.impuls logs in,
finds what he owes in the open round of the plan that runs now, finishes his draft and
submits it, at desktop width and on a 360 px phone. Screenshots go to var/screenshots/.
"""

from __future__ import annotations

import io
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.test_professionals import assert_fits, shot

PASSWORD = "demo-armoedepact"  # noqa: S105  (the demo's published password)
ACTION = "Adviesloket in Gieten, Rolde en Annen"


@pytest.fixture
def demo_agenda(site):
    """The demo's network and agenda. Seeded in a thread of its own: the submissions
    publish live events through ``async_to_sync``, which refuses the thread in which
    Playwright runs its event loop."""
    from django.db import connection

    from demo import agenda
    from demo.network import seed_network

    def seed():
        try:
            seed_network(stdout=io.StringIO())
            agenda.seed(stdout=io.StringIO())
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(seed).result()
    return site


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 360, "height": 740}]
)
def test_coordinator_reports_in_the_open_round_of_the_current_plan(
    demo_agenda, browser, viewport
):
    from agenda.models import Plan, Update

    site = demo_agenda
    plan = Plan.objects.get(slug="zelf-weer-aan-het-stuur-2")
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    page = context.new_page()
    page.goto(site + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("coordinator.impuls")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("main").get_by_role("link", name="Actieagenda", exact=True).click()
    page.goto(site + "/agenda/mijn/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wat moet ik invullen?")
    # The open round of the plan that runs now, with a draft and actions still to do,
    # and the update the pact admin returned with a question.
    heading = page.get_by_role("heading", level=2, name=re.compile(plan.title))
    expect(heading).to_be_visible()
    table = page.get_by_role("region", name=re.compile("kwartaal"))
    expect(table.get_by_role("row", name=re.compile(ACTION))).to_contain_text("Concept")
    expect(table.get_by_text("Nog niet begonnen").first).to_be_visible()
    expect(
        page.get_by_role("heading", name="Teruggestuurd met een vraag")
    ).to_be_visible()
    assert_fits(page)
    assert_accessible(page)
    shot(page, f"agenda-mijn-{viewport['width']}")

    table.get_by_role("link", name=ACTION).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Update voor")
    expect(page.get_by_text("Concept", exact=True)).to_be_visible()
    page.get_by_label("Voortgang in procenten").fill("75")
    story = page.get_by_label("Het verhaal achter de cijfers")
    story.fill("Drie locaties open; in december vooral vragen over energierekeningen.")
    assert_fits(page)
    assert_accessible(page)
    shot(page, f"agenda-update-{viewport['width']}")
    page.get_by_role("button", name="Indienen").click()
    expect(
        page.get_by_text(re.compile("ingediend", re.IGNORECASE)).first
    ).to_be_visible()

    update = Update.objects.get(
        action__plan=plan,
        action__title=ACTION,
        round__in=plan.rounds.all(),
        state="submitted",
        progress=75,
    )
    assert update.submitted_by.username == "coordinator.impuls"
    assert update.round.is_open()
    page.goto(site + "/agenda/mijn/")
    expect(
        page.get_by_role("region", name=re.compile("kwartaal")).get_by_role(
            "row", name=re.compile(ACTION)
        )
    ).to_contain_text("Ingediend")
    shot(page, f"agenda-mijn-na-indienen-{viewport['width']}")
    context.close()
