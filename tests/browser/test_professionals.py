"""Professionals' first jobs in a real browser: a case worker logs in from the home
page, lands in casusregie and logs out again (shared office computers), at desktop
width and on a 360 px phone. Screenshots go to var/screenshots/ for a person to look at.
"""

from __future__ import annotations

import re
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


@pytest.fixture
def inbox(site, cast):
    """What GKB's case worker (worker_b) finds in the morning: two proposals from
    Attenta alike but for their households, and a case GKB accepted months ago without
    a first contact since."""
    import datetime

    from django.utils import timezone

    from casusregie import services
    from tests.factories.casusregie import CaseFactory

    def propose(case, at):
        services.consent_record(
            case=case,
            actor=cast.worker_a,
            organisation=cast.partner_b,
            scope="Doelen en de overdrachtsnotitie",
            given_on=timezone.localtime(at).date(),
            at=at,
        )
        return services.handover_propose(
            case=case,
            actor=cast.worker_a,
            to_organisation=cast.partner_b,
            priorities="Eerst de deurwaarder weg",
            at=at,
        )

    now = timezone.now()
    proposals = []
    for label in ("Fam. Zonnebloem (fictief)", "Fam. Klaproos (fictief)"):
        case = CaseFactory(
            actor=cast.worker_a,
            organisation=cast.partner_a,
            municipality=cast.municipality,
            label=label,
            at=now - datetime.timedelta(days=3),
        )
        services.case_record_first_contact(
            case=case, actor=cast.worker_a, at=now - datetime.timedelta(days=3)
        )
        proposals.append((case, propose(case, now - datetime.timedelta(hours=2))))
    months_ago = now - datetime.timedelta(days=108)
    late = CaseFactory(
        actor=cast.worker_a,
        organisation=cast.partner_a,
        municipality=cast.municipality,
        label="Fam. Berk (fictief)",
        at=months_ago - datetime.timedelta(days=5),
    )
    services.case_record_first_contact(
        case=late, actor=cast.worker_a, at=months_ago - datetime.timedelta(days=5)
    )
    handover = propose(late, months_ago - datetime.timedelta(days=1))
    services.handover_accept(handover=handover, actor=cast.worker_b, at=months_ago)
    return cast, proposals, late


@pytest.mark.parametrize(
    "viewport", [{"width": 1280, "height": 900}, {"width": 360, "height": 740}]
)
def test_a_case_worker_works_through_the_inbox(site, inbox, browser, viewport):
    cast, proposals, late = inbox
    width = viewport["width"]
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    page = context.new_page()
    page.goto(site + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("worker_b")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(site + "/casusregie/")

    # "Casusregie" once in the header.
    expect(
        page.locator("header").get_by_role("link", name=re.compile("^Casusregie"))
    ).to_have_count(1)
    # Each proposal says which case and household it is about.
    incoming = page.locator("#cr-incoming li")
    expect(incoming).to_have_count(2)
    for case, _handover in proposals:
        expect(incoming.filter(has_text=case.reference)).to_contain_text(case.label)
        expect(incoming.filter(has_text=case.reference)).to_contain_text("van Attenta")
    # The case GKB accepted months ago is flagged, in the inbox and the case list.
    waiting = page.locator("#cr-inbox li", has_text=late.reference)
    expect(waiting.first).to_contain_text("Eerste contact te laat")
    expect(
        page.get_by_role("table").get_by_role("row", name=re.compile(late.reference))
    ).to_contain_text("Eerste contact te laat")
    assert_fits(page)
    assert_accessible(page)
    shot(page, f"casusregie-inbox-{width}")

    # Open the late case, record a first contact before the proposal: refused, said why.
    waiting.first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Fam. Berk")
    contact = page.get_by_label("Wanneer was het eerste contact?")
    contact.fill("2020-01-06T10:00")
    page.get_by_role("button", name="Eerste contact vastleggen").click()
    expect(page.locator(".message--error")).to_contain_text(
        "kan niet eerder zijn dan het voorstel tot overdracht"
    )
    assert_fits(page)
    shot(page, f"casusregie-first-contact-refused-{width}")

    # The consent form shows today's date in the date input.
    page.get_by_text("Toestemming vastleggen", exact=True).first.click()
    given_on = page.get_by_label("Gegeven op")
    from django.utils import timezone

    expect(given_on).to_have_value(timezone.localdate().isoformat())

    # A first contact today is recorded; the flag goes.
    page.get_by_label("Wanneer was het eerste contact?").fill(
        timezone.localtime().strftime("%Y-%m-%dT%H:%M")
    )
    page.get_by_role("button", name="Eerste contact vastleggen").click()
    expect(page.locator(".message--success")).to_contain_text(
        "Het eerste contact is vastgelegd"
    )
    page.goto(site + "/casusregie/")
    expect(page.get_by_text("Eerste contact te laat")).to_have_count(0)
    context.close()
