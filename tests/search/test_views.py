"""The search page /zoeken/ without JavaScript, and its live fragment."""

from __future__ import annotations

import logging

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from config.logging import StripQueryStrings
from tests.factories.search import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def offerings(index, cast):
    return index(
        *[
            make_document(
                title=f"Kledingbank {n:02d}",
                municipalities=["assen"],
                categories=["kleding"],
            )
            for n in range(12)
        ],
        make_document(
            title="Voedselbank",
            municipalities=["aa-en-hunze"],
            categories=["eten"],
            status="temporarily_closed",
        ),
    )


class SearchPageTests:
    def test_get_form_shows_results_with_highlights_count_and_facets(
        self, client, offerings
    ):
        response = client.get("/zoeken/", {"q": "kledingbank"})
        assertContains(response, "12 resultaten voor “kledingbank”")
        assertContains(response, "<mark>Kledingbank</mark> 00", html=False)
        assertContains(response, 'name="q" value="kledingbank"', html=False)
        assertContains(
            response,
            'type="checkbox" id="search-municipality-assen" name="municipality" value="assen"',
            html=False,
        )
        assertContains(
            response, 'Assen <span class="search-facet__count">(12)</span>', html=False
        )
        assertContains(response, 'role="status"', html=False)

    def test_pagination_links_keep_the_query_and_filters(self, client, offerings):
        response = client.get("/zoeken/", {"q": "kledingbank", "municipality": "assen"})
        assertContains(
            response, "?q=kledingbank&amp;municipality=assen&amp;page=2", html=False
        )
        second = client.get(
            "/zoeken/", {"q": "kledingbank", "municipality": "assen", "page": "2"}
        )
        assertContains(second, 'start="11"', html=False)
        assertContains(second, "Kledingbank</mark> 11", html=False)

    def test_checked_facet_filters_the_results(self, client, offerings):
        response = client.get("/zoeken/", {"category": "eten"})
        assertContains(response, "1 resultaat")
        assertContains(response, "Tijdelijk gesloten")
        assertContains(response, 'value="eten" checked', html=False)

    def test_nothing_found_gives_advice(self, client, offerings):
        response = client.get("/zoeken/", {"q": "parkeervergunning"})
        assertContains(response, "We vonden niets dat hierbij past.")

    def test_bad_input_keeps_what_was_typed_and_explains(self, client, offerings):
        response = client.get("/zoeken/", {"q": "kleding", "age": "twaalf"})
        assert response.status_code == 400
        assertContains(
            response,
            "Vul de leeftijd in als een getal, bijvoorbeeld 9.",
            status_code=400,
        )
        assertContains(
            response, 'name="q" value="kleding"', status_code=400, html=False
        )
        assertContains(response, 'aria-invalid="true"', status_code=400, html=False)

    def test_without_parameters_everything_can_be_browsed(self, client, offerings):
        assertContains(client.get("/zoeken/"), "13 resultaten")

    def test_live_fragment_has_results_and_facets_and_is_not_a_full_page(
        self, client, offerings
    ):
        response = client.get(
            "/zoeken/", {"q": "voedselb", "fragment": "1", "live": "1"}
        )
        assertContains(response, 'id="search-fragment-results"', html=False)
        assertContains(response, 'id="search-fragment-facets"', html=False)
        assertNotContains(response, "<html", html=False)

    def test_page_loads_the_script_deferred_and_works_without_it(
        self, client, offerings
    ):
        response = client.get("/zoeken/")
        assertContains(response, 'src="/static/search/search.js" defer', html=False)
        assertContains(response, 'method="get" action="/zoeken/"', html=False)


class SearchWordsStayOutOfLogsTests:
    def test_request_lines_lose_their_query_string(self):
        record = logging.LogRecord(
            "django.request",
            logging.WARNING,
            __file__,
            1,
            "Not Found: %s",
            ("/zoeken/?q=ik+kan+mijn+huur+niet+betalen",),
            None,
        )
        StripQueryStrings().filter(record)
        assert "huur" not in record.getMessage()

    def test_the_console_handler_uses_the_filter(self, settings):
        assert "no_query_strings" in settings.LOGGING["handlers"]["console"]["filters"]
