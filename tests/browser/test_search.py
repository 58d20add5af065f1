"""Search in a real browser: without JavaScript, with live results, by keyboard, axe-clean."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible


@pytest.fixture
def indexed(site):
    """A few offerings in the search index of the live server's database."""
    from search import services, starter, vocabulary
    from search import synonyms as synonym_cache
    from tests.factories.pact import MunicipalityFactory
    from tests.factories.search import make_document

    starter.ensure()
    MunicipalityFactory(name="Assen", slug="assen", cbs_code="GM0106")
    vocabulary.forget()
    synonym_cache.forget()
    services.backends_forget()
    services.database_backend().clear()
    services.index_documents(
        [
            make_document(
                title="Voedselpakket",
                summary="Elke week gratis boodschappen als u te weinig geld heeft voor eten.",
                organisation="Voedselbank Hart van Drenthe",
                categories=["eten-en-kleding"],
                category_names=["Eten en kleding"],
            ),
            make_document(
                title="Kleding uitzoeken",
                summary="Gratis kleding en schoenen voor uzelf en uw kinderen.",
                organisation="Kledingbank Assen",
                categories=["eten-en-kleding"],
                category_names=["Eten en kleding"],
            ),
            make_document(
                title="Schuldhulpverlening",
                summary="Hulp als u schulden heeft en er zelf niet meer uitkomt.",
                organisation="Gemeentelijke Kredietbank Drenthe",
                categories=["geld-en-schulden"],
                category_names=["Geld en schulden"],
            ),
        ]
    )
    return site


class SearchWithoutJavaScriptTests:
    def test_search_from_the_home_page_with_a_plain_form(self, indexed, browser):
        context = browser.new_context(java_script_enabled=False, locale="nl-NL")
        page = context.new_page()
        page.goto(indexed + "/")
        page.get_by_role("searchbox").first.fill("schuldhlup")
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"/zoeken/\?q=schuldhlup"))
        expect(
            page.get_by_role("heading", name=re.compile("1 resultaat"))
        ).to_be_visible()
        expect(page.get_by_role("link", name="Schuldhulpverlening")).to_be_visible()
        expect(page.get_by_text("U typte “schuldhlup”")).to_be_visible()
        context.close()

    def test_facet_checkbox_and_apply_button_filter_without_javascript(
        self, indexed, browser
    ):
        context = browser.new_context(java_script_enabled=False, locale="nl-NL")
        page = context.new_page()
        page.goto(indexed + "/zoeken/")
        # Without JavaScript the filters stay folded (a plain <details>): open them.
        page.locator("summary", has_text="Filters").click()
        page.get_by_label(re.compile("Geld en schulden")).check()
        page.get_by_role("button", name="Filters toepassen").click()
        expect(page.locator("summary", has_text="(1 gekozen)")).to_be_visible()
        expect(
            page.get_by_role("heading", name=re.compile("1 resultaat"))
        ).to_be_visible()
        context.close()


class LiveSearchTests:
    def test_results_appear_while_typing_and_the_count_is_announced(
        self, indexed, page
    ):
        page.goto(indexed + "/zoeken/?q=")
        page.locator("#search-q").press_sequentially("voedselb", delay=40)
        expect(page.get_by_role("link", name="Voedselpakket")).to_be_visible()
        expect(page.locator("#search-status")).to_have_text(re.compile("1 resultaat"))
        expect(page).to_have_url(re.compile(r"q=voedselb"))

    def test_keyboard_only_search_and_filter(self, indexed, page):
        page.goto(indexed + "/zoeken/")
        for _ in range(30):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "search-q":
                break
        assert page.evaluate("document.activeElement.id") == "search-q"
        page.keyboard.type("gratis")
        page.keyboard.press("Enter")
        expect(
            page.get_by_role("heading", name=re.compile("3 resultaten"))
        ).to_be_visible()
        checkbox = page.get_by_label(re.compile("Eten en kleding"))
        checkbox.focus()
        page.keyboard.press("Space")
        expect(checkbox).to_be_checked()
        expect(
            page.get_by_role("heading", name=re.compile("2 resultaten"))
        ).to_be_visible()
        first = page.locator(".search-result a").first
        first.focus()
        expect(first).to_be_focused()


class SearchAccessibilityTests:
    def test_search_page_with_results_passes_axe(self, indexed, page):
        page.goto(indexed + "/zoeken/?q=kleding")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)

    def test_empty_result_and_error_pages_pass_axe(self, indexed, page):
        page.goto(indexed + "/zoeken/?q=parkeervergunning")
        assert_accessible(page)
        page.goto(indexed + "/zoeken/?q=kleding&age=twaalf")
        expect(page.get_by_role("alert")).to_be_visible()
        assert_accessible(page)

    def test_phone_width_has_no_horizontal_scroll(self, indexed, page):
        page.set_viewport_size({"width": 360, "height": 740})
        page.goto(indexed + "/zoeken/?q=kleding")
        assert page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth"
        )


PHONE = {"width": 360, "height": 740}


class SearchOnAPhoneTests:
    """Issue 11: on a 360 px phone the results come first, the filters fold away."""

    def test_a_resident_sees_a_result_in_the_first_screen(self, indexed, browser):
        context = browser.new_context(viewport=PHONE, locale="nl-NL")
        page = context.new_page()
        page.goto(indexed + "/zoeken/?q=kleding")
        count = page.get_by_role("heading", name=re.compile("resultaat|resultaten"))
        first = page.locator(".search-result").first
        expect(first).to_be_visible()
        assert count.bounding_box()["y"] < PHONE["height"]
        assert first.bounding_box()["y"] < PHONE["height"], first.bounding_box()
        # The filters are folded: one line, the checkboxes hidden until opened.
        expect(page.get_by_label(re.compile("Eten en kleding"))).to_be_hidden()
        assert_accessible(page)
        context.close()

    def test_filters_open_by_keyboard_and_show_how_many_are_chosen(
        self, indexed, browser
    ):
        context = browser.new_context(viewport=PHONE, locale="nl-NL")
        page = context.new_page()
        page.goto(indexed + "/zoeken/?q=gratis")
        summary = page.locator("summary", has_text="Filters")
        summary.focus()
        page.keyboard.press("Enter")
        checkbox = page.get_by_label(re.compile("Eten en kleding"))
        expect(checkbox).to_be_visible()
        checkbox.focus()
        page.keyboard.press("Space")
        expect(summary).to_contain_text("(1 gekozen)")
        expect(
            page.get_by_role("heading", name=re.compile("2 resultaten"))
        ).to_be_visible()
        assert_accessible(page)
        context.close()

    def test_without_javascript_the_first_result_is_in_the_first_screen_too(
        self, indexed, browser
    ):
        context = browser.new_context(
            viewport=PHONE, locale="nl-NL", java_script_enabled=False
        )
        page = context.new_page()
        page.goto(indexed + "/zoeken/?q=kleding&municipality=assen")
        expect(page.locator("summary", has_text="(1 gekozen)")).to_be_visible()
        assert page.locator(".search-result").first.bounding_box()["y"] < 740
        context.close()

    def test_a_filter_to_correct_is_shown_open(self, indexed, browser):
        context = browser.new_context(viewport=PHONE, locale="nl-NL")
        page = context.new_page()
        page.goto(indexed + "/zoeken/?q=kleding&age=twaalf")
        expect(page.locator("#search-age")).to_be_visible()
        context.close()
