"""Sociale kaart in a real browser: a resident finds help by keyboard only, uses "Wat
past bij mij?", filters by municipality; axe-core finds no serious violations on any
public page type; phones of 360 px and browsers without JavaScript work."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible

MAX_TABS = 80
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture
def kaart_site(site):
    """A small sociale kaart: GKB (debt help, Assen and Aa en Hunze) and Attenta
    (Aa en Hunze) with a children's scheme under 130% of the social minimum."""
    from pact.constants import OrganisationKind
    from socialekaart import services
    from socialekaart.constants import AgeSubject, HouseholdType
    from tests.factories.pact import MunicipalityFactory, OrganisationFactory
    from tests.factories.socialekaart import NORMS_2024

    assen = MunicipalityFactory(name="Assen", slug="assen", cbs_code="GM0106")
    aah = MunicipalityFactory(name="Aa en Hunze", slug="aa-en-hunze", cbs_code="GM1680")
    gkb = OrganisationFactory(
        name="Gemeentelijke Kredietbank Drenthe",
        short_name="GKB",
        slug="gkb",
        kind=OrganisationKind.KETENPARTNER,
        municipalities=[assen, aah],
    )
    attenta = OrganisationFactory(name="Attenta", slug="attenta", municipalities=[aah])
    index = services.kaart_structure_ensure()
    services.norm_period_upsert(
        valid_from=datetime.date(2024, 1, 1), amounts=NORMS_2024
    )
    money = services.category_upsert(
        slug="geld-en-schulden",
        name="Geld en schulden",
        description="Hulp als u schulden heeft.",
        sort_order=1,
    )
    children = services.category_upsert(
        slug="kinderen-en-jongeren",
        name="Kinderen en jongeren",
        description="Zodat uw kind mee kan doen.",
        sort_order=2,
    )
    location = {
        "name": "Kantoor",
        "street_address": "Voorbeeldstraat 1",
        "postal_code": "9401 AA",
        "city": "Assen",
        "latitude": Decimal("52.99"),
        "longitude": Decimal("6.56"),
        "opening_hours": [
            (
                "period",
                {
                    "days": ["1", "2"],
                    "opens": datetime.time(9),
                    "closes": datetime.time(12),
                    "note": "",
                },
            )
        ],
        "is_wheelchair_accessible": True,
    }
    gkb_page = services.organisation_page_create(
        parent=index,
        organisation=gkb,
        summary="Hulp bij schulden.",
        phone="0592-000 700",
        locations=[location],
    )
    attenta_page = services.organisation_page_create(
        parent=index, organisation=attenta, summary="Sociaal werk.", locations=[]
    )
    services.service_page_create(
        organisation_page=gkb_page,
        title="Schuldhulpverlening",
        summary="Hulp als u schulden heeft en er zelf niet meer uitkomt.",
        categories=[money],
        municipalities=[assen, aah],
        location_names=["Kantoor"],
        application_steps=[
            ("step", {"text": "Bel de GKB."}),
            ("step", {"text": "U krijgt een gesprek."}),
        ],
        required_documents=[
            ("document", {"document": "Uw bankafschriften", "note": ""})
        ],
    )
    services.service_page_create(
        organisation_page=attenta_page,
        title="Kindpakket",
        summary="Sport en schoolspullen voor uw kind.",
        categories=[children],
        municipalities=[aah],
        rules=[
            {
                "income_limit_percent": 130,
                "age_subject": AgeSubject.CHILD,
                "min_age": 4,
                "max_age": 17,
                "household_types": [
                    HouseholdType.SINGLE_PARENT,
                    HouseholdType.COUPLE_WITH_CHILDREN,
                ],
            }
        ],
    )
    services.service_page_create(
        organisation_page=gkb_page,
        title="Budgetbeheer",
        summary="Wij betalen uw vaste lasten.",
        categories=[money],
        municipalities=[assen],
        is_free=False,
        cost_description="Een kleine bijdrage per maand.",
    )
    return site


def tab_to(page, locator, max_tabs=MAX_TABS):
    """Press Tab until ``locator`` has focus (keyboard only, like a person would)."""
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"could not reach {locator} with the Tab key")


class ResidentJourneyTests:
    def test_finds_debt_help_from_the_home_page_with_the_keyboard_only(
        self, kaart_site, page
    ):
        page.goto(kaart_site + "/")
        tab_to(page, page.get_by_role("link", name="Geld en schulden"))
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", level=1)).to_have_text("Geld en schulden")
        tab_to(page, page.get_by_role("link", name="Schuldhulpverlening"))
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", level=1)).to_have_text("Schuldhulpverlening")
        expect(page.get_by_role("heading", name="Zo vraagt u het aan")).to_be_visible()
        expect(page.get_by_text("Uw bankafschriften")).to_be_visible()

    def test_what_fits_me_with_the_keyboard_only(self, kaart_site, page):
        page.goto(kaart_site + "/wat-past-bij-mij/")
        tab_to(page, page.get_by_label("In welke gemeente woont u?"))
        page.keyboard.type("Aa en Hunze")
        # A radio group is one tab stop; the arrow keys choose within it.
        tab_to(page, page.get_by_label("Alleenstaand", exact=True))
        page.keyboard.press("ArrowDown")
        expect(page.get_by_label("Alleenstaande ouder")).to_be_checked()
        tab_to(
            page,
            page.get_by_label("Wat is het netto inkomen van uw huishouden per maand?"),
        )
        page.keyboard.type("1400")
        tab_to(page, page.get_by_label("Hoe oud zijn uw kinderen?"))
        page.keyboard.type("8")
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", level=1)).to_have_text("Dit past bij u")
        expect(
            page.get_by_text(
                "Uw inkomen is lager dan € 1.616, de grens voor deze regeling"
            )
        ).to_be_visible()
        assert "1400" not in page.url  # the answers never go into the address
        assert_accessible(page)

    def test_filters_by_municipality_with_the_keyboard_only(self, kaart_site, page):
        page.goto(kaart_site + "/hulp/")
        expect(page.get_by_role("link", name="Budgetbeheer")).to_be_visible()
        tab_to(page, page.get_by_label("Gemeente"))
        page.keyboard.type("Aa en Hunze")
        tab_to(page, page.get_by_role("button", name="Toon hulp"))
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"gemeente=aa-en-hunze"))
        expect(page.get_by_role("link", name="Kindpakket")).to_be_visible()
        expect(page.get_by_role("link", name="Budgetbeheer")).to_have_count(0)
        assert_accessible(page)


class AccessibilityTests:
    @pytest.mark.parametrize(
        "path",
        [
            "/",
            "/hulp/",
            "/categorie/geld-en-schulden/",
            "/organisaties/",
            "/organisaties/gkb/",
            "/organisaties/gkb/schuldhulpverlening/",
            "/organisaties/gkb/schuldhulpverlening/fout-melden/",
            "/organisaties/gkb/schuldhulpverlening/voor-de-inwoner/",
            "/wat-past-bij-mij/",
        ],
    )
    def test_public_page_has_no_serious_violations(self, kaart_site, page, path):
        response = page.goto(kaart_site + path)
        assert response.status == 200
        assert_accessible(page)

    def test_form_errors_and_report_thanks_have_no_serious_violations(
        self, kaart_site, page, no_report_delay
    ):
        page.goto(kaart_site + "/wat-past-bij-mij/")
        page.get_by_role("button", name="Kijk wat bij mij past").click()
        expect(page.get_by_text("Kies de gemeente waar u woont.").first).to_be_visible()
        assert_accessible(page)
        page.goto(kaart_site + "/organisaties/gkb/schuldhulpverlening/fout-melden/")
        page.get_by_label("Het telefoonnummer klopt niet").check()
        page.get_by_role("button", name="Verstuur melding").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Bedankt voor uw melding"
        )
        assert_accessible(page)


@pytest.fixture
def no_report_delay(monkeypatch):
    """A person takes a few seconds to fill in a report and faster ones are refused
    (tests/socialekaart/test_reports.py checks that); the live server runs in this
    process, so the browser tests lift the minimum instead of sleeping."""
    monkeypatch.setattr("socialekaart.forms.REPORT_MIN_SECONDS", 0)


class PhoneAndNoScriptTests:
    @pytest.mark.parametrize(
        "path",
        ["/", "/organisaties/gkb/schuldhulpverlening/", "/wat-past-bij-mij/", "/hulp/"],
    )
    def test_no_horizontal_scroll_at_360_pixels(self, kaart_site, page, path):
        page.set_viewport_size({"width": 360, "height": 740})
        page.goto(kaart_site + path)
        assert page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth"
        )

    def test_what_fits_me_and_report_work_without_javascript(
        self, kaart_site, browser, no_report_delay
    ):
        context = browser.new_context(java_script_enabled=False, locale="nl-NL")
        page = context.new_page()
        page.goto(kaart_site + "/wat-past-bij-mij/")
        page.select_option("#id_gemeente", "aa-en-hunze")
        page.get_by_label("Alleenstaande ouder").check()
        page.get_by_label("Ik weet mijn inkomen niet").check()
        page.get_by_label("Hoe oud zijn uw kinderen?").fill("8")
        page.get_by_role("button", name="Kijk wat bij mij past").click()
        expect(page.get_by_role("heading", name="Dit past misschien")).to_be_visible()
        page.goto(kaart_site + "/organisaties/gkb/fout-melden/")
        page.get_by_label("Iets anders klopt niet").check()
        page.get_by_role("button", name="Verstuur melding").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Bedankt voor uw melding"
        )
        context.close()

    def test_professional_sees_notes_and_the_summary_for_the_resident(
        self, kaart_site, page
    ):
        from pact.constants import Role
        from pact.models import Organisation
        from socialekaart.models import ServicePage
        from tests.factories.pact import UserFactory

        service = ServicePage.objects.get(slug="schuldhulpverlening")
        service.professional_notes = "Alleen voor professionals zichtbaar."
        service.save_revision().publish()
        UserFactory(
            username="hulpverlener",
            roles=[(Organisation.objects.get(slug="attenta"), Role.CASE_WORKER)],
        )
        page.goto(kaart_site + service.url)
        expect(page.get_by_text("Alleen voor professionals zichtbaar.")).to_have_count(
            0
        )
        page.goto(kaart_site + "/inloggen/")
        page.fill("#id_username", "hulpverlener")
        page.fill("#id_password", "test-wachtwoord-123")
        page.get_by_role("button", name="Inloggen").click()
        page.goto(kaart_site + service.url)
        expect(page.get_by_text("Alleen voor professionals zichtbaar.")).to_be_visible()
        # A case worker may start a warm hand-over to the offering's organisation.
        page.get_by_role(
            "link", name="Warme overdracht naar Gemeentelijke Kredietbank Drenthe"
        ).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Warme overdracht naar Gemeentelijke Kredietbank Drenthe"
        )
        page.go_back()
        page.get_by_role(
            "link", name="Samenvatting voor de inwoner (printen of sturen)"
        ).click()
        expect(page.locator("#summary-text")).to_contain_text("Uw bankafschriften")
        expect(page.locator("#summary-text")).to_contain_text("Voor wie?")
        expect(page.locator("#summary-short")).to_contain_text("Schuldhulpverlening")
        expect(page.get_by_role("link", name="Open in WhatsApp")).to_have_attribute(
            "href", re.compile(r"^https://wa\.me/\?text=Schuldhulpverlening")
        )
        expect(page.get_by_role("link", name="Open als sms")).to_have_attribute(
            "href", re.compile(r"^sms:\?&body=Schuldhulpverlening")
        )
        assert page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth"
        )


class PrintAndEnglishTests:
    def test_print_keeps_the_content_and_drops_navigation_and_forms(
        self, kaart_site, page
    ):
        page.goto(kaart_site + "/organisaties/gkb/schuldhulpverlening/")
        page.emulate_media(media="print")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        expect(page.get_by_text("Bel de GKB.")).to_be_visible()
        expect(page.get_by_text("Uw bankafschriften")).to_be_visible()
        for hidden in (".site-nav", ".share", ".breadcrumbs", ".page-meta a"):
            expect(page.locator(hidden).first).to_be_hidden()
        page.goto(kaart_site + "/hulp/")
        expect(page.locator("form.filters")).to_be_hidden()
        expect(page.get_by_role("link", name="Schuldhulpverlening")).to_be_visible()

    @pytest.mark.parametrize(
        "path",
        ["/", "/organisaties/gkb/schuldhulpverlening/", "/wat-past-bij-mij/"],
    )
    def test_english_pages_are_english_and_accessible(self, kaart_site, browser, path):
        context = browser.new_context(locale="en-GB")
        page = context.new_page()
        page.goto(kaart_site + path)
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.get_by_role("link", name="Skip to content")).to_have_count(1)
        assert_accessible(page)
        context.close()


@pytest.fixture
def assen_children(kaart_site):
    """Assen's child schemes with amounts: two fit a single parent with EUR 1,600 and
    children of 6 and 13 (130% of the 2024 norm is EUR 1,616), one does not (120%)."""
    from pact.models import Municipality
    from socialekaart import services
    from socialekaart.constants import AgeSubject, BenefitUnit, HouseholdType
    from socialekaart.models import Category, OrganisationPage

    assen = Municipality.objects.get(slug="assen")
    children = Category.objects.get(slug="kinderen-en-jongeren")
    gkb_page = OrganisationPage.objects.get(slug="gkb")
    child_rule = {
        "age_subject": AgeSubject.CHILD,
        "min_age": 0,
        "max_age": 17,
        "household_types": [
            HouseholdType.SINGLE_PARENT,
            HouseholdType.COUPLE_WITH_CHILDREN,
        ],
        "benefit_unit": BenefitUnit.CHILD,
    }
    for title, percent, amount in (
        ("Kindpakket Assen", 130, Decimal(300)),
        ("Verjaardagsbox", None, Decimal(35)),
        ("Leergeld", 120, Decimal(100)),
    ):
        services.service_page_create(
            organisation_page=gkb_page,
            title=title,
            summary="Zodat uw kind mee kan doen.",
            categories=[children],
            municipalities=[assen],
            rules=[
                {
                    **child_rule,
                    "income_limit_percent": percent,
                    "benefit_amount": amount,
                }
            ],
        )
    return kaart_site


class WhatFitsMeOnAPhoneTests:
    """Issue 11: a single parent in Assen (children of 6 and 13, EUR 1,600 a month) on
    a 360 px phone sees the child schemes with amounts; Back from an offering shows the
    answers again (no "resubmit the form"), and the server never sees the answers in
    an address."""

    def test_child_schemes_with_amounts_and_back_shows_the_answers(
        self, assen_children, page
    ):
        addresses = []
        page.on("request", lambda request: addresses.append(request.url))
        page.set_viewport_size({"width": 360, "height": 740})
        page.goto(assen_children + "/wat-past-bij-mij/")
        page.get_by_label("In welke gemeente woont u?").select_option("assen")
        page.get_by_label("Alleenstaande ouder").check()
        page.get_by_label("Wat is het netto inkomen van uw huishouden per maand?").fill(
            "1600"
        )
        page.get_by_label("Hoe oud zijn uw kinderen?").fill("6, 13")
        page.get_by_role("button", name="Kijk wat bij mij past").click()

        expect(page.get_by_role("heading", level=1)).to_have_text("Dit past bij u")
        fits = page.locator(".what-fits-card")
        expect(fits.first).to_contain_text("Kindpakket Assen")
        expect(fits.first).to_contain_text("€ 300,00 per kind per jaar")
        expect(fits.first).to_contain_text("Ongeveer € 600,00 per jaar")
        expect(
            page.locator(".what-fits-card", has_text="Verjaardagsbox")
        ).to_contain_text("€ 35,00 per kind per jaar")
        expect(page.locator(".what-fits-total")).to_contain_text(
            "Samen ongeveer € 670,00 per jaar"
        )
        expect(fits.first).to_contain_text("U heeft kinderen van 6 en 13 jaar")
        not_fitting = page.locator("details.not-fitting")
        expect(not_fitting).to_contain_text("Leergeld")
        assert page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth"
        )
        assert_accessible(page)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "what-fits-answer-360.png"), full_page=True)

        page.get_by_role("link", name="Kindpakket Assen").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Kindpakket Assen")
        page.go_back()
        expect(page.get_by_role("heading", level=1)).to_have_text("Dit past bij u")
        expect(page.locator(".what-fits-card").first).to_contain_text(
            "Kindpakket Assen"
        )
        expect(page.get_by_label("Hoe oud zijn uw kinderen?")).to_have_value("6, 13")
        expect(
            page.get_by_label("Wat is het netto inkomen van uw huishouden per maand?")
        ).to_have_value("1600")
        expect(page.get_by_label("Alleenstaande ouder")).to_be_checked()
        assert_accessible(page)
        page.screenshot(path=str(SHOTS / "what-fits-back-360.png"))

        # Keep or send: a link whose answers are after the "#", never sent to us.
        link = page.get_by_label("Link om te bewaren (met uw antwoorden)")
        expect(link).to_have_value(re.compile(r"#antwoorden=.*inkomen=1600"))
        assert not any("1600" in address for address in addresses)

    def test_a_kept_link_shows_the_answer_again(self, assen_children, page):
        addresses = []
        page.on("request", lambda request: addresses.append(request.url))
        page.goto(
            assen_children + "/wat-past-bij-mij/#antwoorden=gemeente=assen"
            "&huishouden=single_parent&inkomen=1600&kinderen=6%2C+13"
        )
        expect(page.get_by_role("heading", level=1)).to_have_text("Dit past bij u")
        expect(page.locator(".what-fits-total")).to_contain_text("€ 670,00")
        assert "#" not in page.url  # the answers left the address bar
        assert not any("1600" in address for address in addresses)


class CallOrWalkInTests:
    """Issue 11: the offering page starts with how to reach someone, "nu open" in
    Amsterdam time whatever the phone's time zone (decision 0081)."""

    URL = "/organisaties/gkb/schuldhulpverlening/"

    def open_at(self, kaart_site, browser, utc_time: str):
        context = browser.new_context(
            viewport={"width": 360, "height": 740},
            locale="nl-NL",
            timezone_id="America/New_York",
        )
        page = context.new_page()
        page.clock.set_fixed_time(utc_time)
        page.goto(kaart_site + self.URL)
        return context, page

    def test_open_now_on_a_monday_morning_in_amsterdam(self, kaart_site, browser):
        # Monday 7 December 2026, 10:00 in Amsterdam (04:00 in New York).
        context, page = self.open_at(kaart_site, browser, "2026-12-07T09:00:00Z")
        reach = page.get_by_role("region", name="Bel of loop binnen")
        expect(reach).to_be_visible()
        expect(reach.get_by_role("link", name="Bel 0592-000 700")).to_be_visible()
        expect(reach.get_by_text("Nu open, tot 12:00 uur")).to_be_visible()
        assert_accessible(page)
        context.close()

    def test_closed_in_the_afternoon_and_on_sunday(self, kaart_site, browser):
        context, page = self.open_at(kaart_site, browser, "2026-12-07T13:00:00Z")
        expect(page.get_by_text("Nu gesloten", exact=True)).to_be_visible()
        context.close()
        context, page = self.open_at(kaart_site, browser, "2026-12-06T09:00:00Z")
        expect(page.get_by_text("Vandaag gesloten")).to_be_visible()
        context.close()
