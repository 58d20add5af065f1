"""GET /api/search/: the contract of the JSON search."""

from __future__ import annotations

import pytest

from search.models import MissedSearch
from tests.factories.search import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def offerings(index, cast):
    return index(
        make_document(
            title="Jeugdfonds Sport & Cultuur",
            summary="Wij betalen de contributie van de sportclub.",
            organisation="Jeugdfonds Sport & Cultuur",
            municipalities=["aa-en-hunze", "assen"],
            categories=["meedoen"],
            age_min=4,
            age_max=17,
            is_free=False,
            locations=[{"lat": 53.0049, "lng": 6.7628}],
        ),
        make_document(
            title="Kledingbank Assen",
            municipalities=["assen"],
            categories=["kleding"],
            is_free=True,
            locations=[{"lat": 52.9953, "lng": 6.5604}],
        ),
    )


class SearchApiTests:
    def test_answers_total_results_and_facets(self, client, offerings):
        response = client.get(
            "/api/search/", {"q": "sport", "municipality": "assen", "age": "9"}
        )
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        data = response.json()
        assert data["total"] == 1
        result = data["results"][0]
        assert {
            "title",
            "summary",
            "url",
            "organisation",
            "kind",
            "municipalities",
            "distance_km",
        } <= set(result)
        assert result["title"] == "Jeugdfonds Sport & Cultuur"
        assert result["municipalities"] == ["Aa en Hunze", "Assen"]
        assert result["distance_km"] is None
        assert set(data["facets"]) == {
            "category",
            "municipality",
            "target_group",
            "is_free",
        }
        assert {
            "value": "meedoen",
            "label": "Meedoen",
            "count": 1,
            "selected": False,
        } in data["facets"]["category"]

    def test_near_a_postcode_sorts_by_distance(self, client, offerings):
        data = client.get("/api/search/", {"near": "9401 AB"}).json()
        assert [r["title"] for r in data["results"]] == [
            "Kledingbank Assen",
            "Jeugdfonds Sport & Cultuur",
        ]
        assert data["results"][0]["distance_km"] == pytest.approx(0.0, abs=0.1)
        assert data["near"]["label"] == "9401 Assen"

    def test_free_filter(self, client, offerings):
        data = client.get("/api/search/", {"free": "1"}).json()
        assert [r["title"] for r in data["results"]] == ["Kledingbank Assen"]

    @pytest.mark.parametrize(
        ("params", "field", "message"),
        [
            (
                {"age": "negen"},
                "age",
                "Vul de leeftijd in als een getal, bijvoorbeeld 9.",
            ),
            ({"age": "150"}, "age", "Vul een leeftijd in van 0 tot en met 120."),
            (
                {"municipality": "Assen Centrum"},
                "municipality",
                "geen geldige code voor gemeente",
            ),
            (
                {"municipality": "amsterdam"},
                "municipality",
                "Deze gemeente kennen we niet: amsterdam.",
            ),
            ({"near": "Assen"}, "near", "Vul een postcode in, zoals 9401 of 9401 AB"),
            ({"near": "1011"}, "near", "Postcode 1011 kennen we niet."),
            ({"free": "misschien"}, "free", "Gebruik free=1"),
            ({"page": "0"}, "page", "Het paginanummer begint bij 1."),
            ({"q": "x" * 201}, "q", "Uw zoekvraag is te lang."),
            ({"gemeente": "assen"}, "gemeente", "Onbekende parameter: gemeente."),
        ],
    )
    def test_bad_parameters_answer_400_with_a_dutch_message(
        self, client, offerings, params, field, message
    ):
        response = client.get("/api/search/", params)
        assert response.status_code == 400
        data = response.json()
        assert message in data["error"]
        assert field in data["errors"]

    def test_searches_that_find_nothing_are_counted_but_not_while_typing(
        self, client, offerings
    ):
        client.get("/api/search/", {"q": "parkeervergunning", "live": "1"})
        assert not MissedSearch.objects.exists()
        client.get("/api/search/", {"q": "parkeervergunning"})
        assert MissedSearch.objects.get().query == "parkeervergunning"

    def test_answers_are_not_cached(self, client, offerings):
        assert "no-store" in client.get("/api/search/", {"q": "sport"})["Cache-Control"]

    def test_only_get_is_allowed(self, client, offerings):
        assert client.post("/api/search/", {"q": "sport"}).status_code == 405
