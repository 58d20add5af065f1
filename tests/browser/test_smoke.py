"""The site serves over a real browser; the base layout is accessible and keyboard-usable."""

from playwright.sync_api import expect

from tests.browser.axe import assert_accessible


class SmokeTests:
    def test_home_page_renders_in_dutch_and_passes_axe(self, site, page):
        page.goto(site + "/")
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)

    def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(self, site, page):
        page.goto(site + "/")
        page.keyboard.press("Tab")
        expect(page.get_by_role("link", name="Naar de inhoud")).to_be_focused()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"

    def test_phone_width_has_no_horizontal_scroll(self, site, page):
        page.set_viewport_size({"width": 360, "height": 740})
        page.goto(site + "/")
        assert page.evaluate(
            "document.documentElement.scrollWidth <= window.innerWidth"
        )

    def test_language_switch_without_javascript(self, site, browser):
        context = browser.new_context(java_script_enabled=False, locale="nl-NL")
        page = context.new_page()
        page.goto(site + "/")
        page.select_option("#language-select", "en")
        page.get_by_role("button", name="Kies taal").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
        expect(page.get_by_role("link", name="Skip to content")).to_be_attached()
        context.close()
