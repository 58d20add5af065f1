"""Professionals' first jobs in a real browser: a case worker logs in from the home
page, lands in casusregie and logs out again (shared office computers), at desktop
width and on a 360 px phone. Screenshots go to var/screenshots/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible

SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PASSWORD = "test-wachtwoord-123"


OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > width + 1)
        .slice(0, 10)
        .map((e) => `${e.tagName}.${e.className}`);
}"""


def assert_fits(page) -> None:
    """Nothing sticks out to the right (no sideways scrolling on a phone).

    Waits for the page's stylesheets first: the URL and the heading are there as soon
    as the document arrives, and a loaded machine measured the case table before
    casusregie.css (which turns it into cards on a phone) had been applied.
    """
    page.wait_for_load_state("load")
    assert page.evaluate(OVERFLOW) == []


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def casework(site, cast):
    """Attenta (worker_a) leads a case and proposes a hand-over to GKB (worker_b)."""
    from casusregie import services
    from tests.factories.casusregie import CaseFactory

    case = CaseFactory(
        actor=cast.worker_a,
        organisation=cast.partner_a,
        municipality=cast.municipality,
        label="Fam. Zonnebloem (fictief)",
        goals=["Eerst de deurwaarder weg"],
    )
    services.case_record_first_contact(case=case, actor=cast.worker_a)
    return cast, case


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 360, "height": 740}]
)
def test_case_worker_logs_in_from_the_home_page_and_out_again(
    site, casework, browser, viewport
):
    cast, case = casework
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    page = context.new_page()
    page.goto(site + "/")
    page.get_by_role("link", name="Inloggen voor professionals").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Inloggen voor professionals"
    )
    assert_accessible(page)
    shot(page, f"login-{viewport['width']}")
    page.get_by_label("Gebruikersnaam").fill("worker_a")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    expect(page).to_have_url(site + "/casusregie/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Casusregie")
    expect(page.get_by_role("link", name=case.reference)).to_be_visible()
    assert_fits(page)
    assert_accessible(page)
    shot(page, f"casusregie-{viewport['width']}")

    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(site + "/inloggen/")
    expect(page.get_by_text("U bent uitgelogd")).to_be_visible()
    shot(page, f"logged-out-{viewport['width']}")
    # Back in the browser history shows no case data (never cached, login again).
    page.goto(site + "/casusregie/")
    expect(page).to_have_url(site + "/inloggen/?next=/casusregie/")
    context.close()


def test_a_coordinator_chooses_where_to_work(site, cast, page):
    page.goto(site + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("coordinator_a")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn werk")
    for name in ("Casusregie", "Actieagenda", "Beheer"):
        expect(
            page.get_by_role("main").get_by_role("link", name=name, exact=True)
        ).to_be_visible()
    assert_accessible(page)
    shot(page, "mijn-werk-1280")
