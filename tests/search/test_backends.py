"""The backend contract, run against every configured backend (see conftest.py).

Documents are plain dicts of the sociale kaart contract's shape: the backends' real
input. Queries are parsed the way ``search_site`` parses them.
"""

from __future__ import annotations

import pytest

from search import services, vocabulary
from search import synonyms as synonym_cache
from search.backends.base import Query
from search.query import parse
from tests.factories.search import make_document

pytestmark = pytest.mark.django_db


def run(backend, text: str = "", **options) -> tuple[int, list[str], dict]:
    parsed = parse(
        text, vocabulary=vocabulary.current(), synonyms=synonym_cache.current()
    )
    query = Query(text=parsed.text, groups=parsed.groups, **options)
    page = backend.search(query)
    facets = {
        name: {item.value: item.count for item in items}
        for name, items in page.facets.items()
    }
    return page.total, [hit.document["title"] for hit in page.hits], facets


class BackendMatchingTests:
    def test_a_word_of_the_title_finds_the_document(self, search_backend, index):
        index(make_document(title="Voedselbank Assen"), make_document(title="Zwemles"))
        total, titles, _f = run(search_backend, "voedselbank")
        assert (total, titles) == (1, ["Voedselbank Assen"])

    def test_another_form_of_a_word_finds_it(self, search_backend, index):
        index(make_document(title="Hulp bij schulden"))
        assert run(search_backend, "schuld")[1] == ["Hulp bij schulden"]

    def test_part_of_a_compound_word_finds_the_compound(self, search_backend, index):
        index(
            make_document(title="Fietsenstalling bij het station"),
            make_document(title="Schuldhulpverlening"),
        )
        assert run(search_backend, "stalling")[1] == ["Fietsenstalling bij het station"]
        assert run(search_backend, "schulden")[1] == ["Schuldhulpverlening"]

    def test_the_beginning_of_a_word_finds_it_while_typing(self, search_backend, index):
        index(
            make_document(title="Voedselbank Assen"), make_document(title="Kledingbank")
        )
        assert run(search_backend, "voedselb")[1] == ["Voedselbank Assen"]

    def test_words_in_summary_body_keywords_and_organisation_are_searched(
        self, search_backend, index
    ):
        index(
            make_document(title="A", summary="Hulp bij een aanvraag"),
            make_document(title="B", body="Wij komen bij u thuis langs."),
            make_document(title="C", keywords=["budgetcoach"]),
            make_document(title="D", organisation="Humanitas"),
        )
        assert run(search_backend, "aanvraag")[1] == ["A"]
        assert run(search_backend, "thuis")[1] == ["B"]
        assert run(search_backend, "budgetcoach")[1] == ["C"]
        assert run(search_backend, "humanitas")[1] == ["D"]

    def test_a_title_match_ranks_above_a_body_match(self, search_backend, index):
        index(
            make_document(
                title="Inloopspreekuur", body="Ook voor vragen over kleding."
            ),
            make_document(
                title="Kledingbank", body="Gratis kleding voor het hele gezin."
            ),
        )
        assert run(search_backend, "kleding")[1][0] == "Kledingbank"

    def test_a_word_in_the_keywords_ranks_above_repetitions_in_the_text(
        self, search_backend, index
    ):
        index(
            make_document(
                title="Spreekuur",
                summary="Vragen over de energierekening? De energierekening samen "
                "bekijken.",
                body="Bij een hoge energierekening helpen we met de energierekening.",
            ),
            make_document(title="Thuisadministratie", keywords=["energierekening"]),
        )
        assert run(search_backend, "energierekening")[1][0] == "Thuisadministratie"

    def test_documents_matching_more_query_words_rank_first(
        self, search_backend, index
    ):
        index(
            make_document(title="Betalen met de pas", summary="Betalen in de winkel."),
            make_document(title="Huur", summary="Kunt u de huur niet betalen?"),
        )
        assert run(search_backend, "huur betalen")[1][0] == "Huur"

    def test_unknown_words_find_nothing(self, search_backend, index):
        index(make_document(title="Voedselbank"))
        assert run(search_backend, "qwxzv")[0] == 0


class BackendWritingTests:
    def test_indexing_again_replaces_the_document(self, search_backend, index):
        document = make_document(title="Zwemles voor kinderen")
        index(document)
        index({**document, "title": "Muziekles voor kinderen"})
        assert run(search_backend, "zwemles")[0] == 0
        assert run(search_backend, "muziekles")[1] == ["Muziekles voor kinderen"]
        assert search_backend.document_ids() == {document["id"]}

    def test_deleting_removes_and_ignores_unknown_ids(self, search_backend, index):
        keep, drop = make_document(title="Blijft"), make_document(title="Weg")
        index(keep, drop)
        services.remove_documents([drop["id"], "service-999999"])
        if hasattr(search_backend, "wait"):
            search_backend.wait()
        assert search_backend.document_ids() == {keep["id"]}
        assert run(search_backend, "weg")[0] == 0

    def test_rebuild_replaces_the_index_and_drops_what_is_gone(
        self, search_backend, index
    ):
        old, kept = make_document(title="Oud aanbod"), make_document(title="Blijvend")
        index(old, kept)
        renamed = {**kept, "title": "Blijvend, nieuwe naam"}
        fresh = make_document(title="Nieuw aanbod")
        count = search_backend.rebuild(iter([renamed, fresh]), batch_size=1)
        if hasattr(search_backend, "wait"):
            search_backend.wait()
        assert count == 2
        assert search_backend.document_ids() == {kept["id"], fresh["id"]}
        assert run(search_backend, "oud")[0] == 0
        assert run(search_backend, "naam")[1] == ["Blijvend, nieuwe naam"]


class BackendFilterTests:
    def test_municipality_filter_matches_any_chosen_municipality(
        self, search_backend, index
    ):
        index(
            make_document(title="A", municipalities=["assen", "tynaarlo"]),
            make_document(title="B", municipalities=["coevorden"]),
            make_document(title="C", municipalities=["aa-en-hunze"]),
        )
        assert sorted(run(search_backend, municipalities=("tynaarlo",))[1]) == ["A"]
        assert sorted(
            run(search_backend, municipalities=("tynaarlo", "coevorden"))[1]
        ) == ["A", "B"]

    def test_filters_on_different_facets_all_apply(self, search_backend, index):
        index(
            make_document(title="A", categories=["geld"], target_groups=["kinderen"]),
            make_document(title="B", categories=["geld"], target_groups=["ouderen"]),
            make_document(title="C", categories=["eten"], target_groups=["kinderen"]),
        )
        result = run(search_backend, categories=("geld",), target_groups=("kinderen",))
        assert result[1] == ["A"]

    @pytest.mark.parametrize(
        ("age", "expected"),
        [
            (9, ["Iedereen", "Kinderen 4-12", "Vanaf 6"]),
            (3, ["Iedereen"]),
            (40, ["Iedereen", "Vanaf 6"]),
        ],
    )
    def test_age_filter_treats_missing_limits_as_open(
        self, search_backend, index, age, expected
    ):
        index(
            make_document(title="Kinderen 4-12", age_min=4, age_max=12),
            make_document(title="Vanaf 6", age_min=6, age_max=None),
            make_document(title="Iedereen", age_min=None, age_max=None),
        )
        assert run(search_backend, age=age)[1] == expected

    def test_free_filter(self, search_backend, index):
        index(
            make_document(title="Gratis", is_free=True),
            make_document(title="Betaald", is_free=False),
        )
        assert run(search_backend, is_free=True)[1] == ["Gratis"]

    def test_ended_offerings_are_not_shown_and_temporarily_closed_are(
        self, search_backend, index
    ):
        index(
            make_document(title="Actief"),
            make_document(title="Tijdelijk dicht", status="temporarily_closed"),
            make_document(title="Gestopt", status="ended"),
        )
        assert run(search_backend)[1] == ["Actief", "Tijdelijk dicht"]

    def test_facet_counts_describe_the_filtered_results(self, search_backend, index):
        index(
            make_document(
                title="A", municipalities=["assen"], categories=["geld"], is_free=True
            ),
            make_document(
                title="B",
                municipalities=["assen", "tynaarlo"],
                categories=["eten"],
                is_free=False,
            ),
            make_document(
                title="C",
                municipalities=["coevorden"],
                categories=["geld"],
                is_free=True,
            ),
        )
        total, _titles, facets = run(search_backend, municipalities=("assen",))
        assert total == 2
        assert facets["municipality"] == {"assen": 2, "tynaarlo": 1}
        assert facets["category"] == {"geld": 1, "eten": 1}
        assert facets["is_free"] == {"true": 1}

    def test_pagination_returns_the_requested_window_and_the_total(
        self, search_backend, index
    ):
        index(*[make_document(title=f"Aanbod {n:02d}") for n in range(12)])
        total, titles, _f = run(search_backend, offset=10, limit=5)
        assert total == 12
        assert titles == ["Aanbod 10", "Aanbod 11"]

    def test_pages_of_a_ranked_search_follow_on_without_gaps_or_repeats(
        self, search_backend, index
    ):
        # Title matches, body matches, typed form or not: the ranking's parts, so that
        # page boundaries fall inside and between them. (Every document has both
        # words: one with only one of them is no result once others have both,
        # decision 0080.)
        index(
            *[make_document(title=f"Huur {n}", body="betalen") for n in range(4)],
            *[
                make_document(title=f"Aanbod {n}", body="huur betalen")
                for n in range(5)
            ],
            *[
                make_document(title=f"Regeling {n}", body="huurachterstand betalen")
                for n in range(3)
            ],
            *[make_document(title=f"Betalen {n}", body="huur") for n in range(4)],
        )
        total, everything, _f = run(search_backend, "huur betalen", limit=50)
        pages = [
            run(search_backend, "huur betalen", offset=offset, limit=5)[1]
            for offset in range(0, total, 5)
        ]
        assert total == 16
        assert [title for page in pages for title in page] == everything
        assert sorted(everything) == sorted(set(everything))


class BackendDistanceTests:
    def test_sort_by_distance_puts_the_nearest_first_and_unknown_places_last(
        self, search_backend, index
    ):
        index(
            make_document(
                title="Coevorden", locations=[{"lat": 52.6608, "lng": 6.7407}]
            ),
            make_document(title="Nergens", locations=[]),
            make_document(title="Assen", locations=[{"lat": 52.9953, "lng": 6.5604}]),
            make_document(title="Beilen", locations=[{"lat": 52.8608, "lng": 6.5112}]),
        )
        parsed = parse(
            "", vocabulary=vocabulary.current(), synonyms=synonym_cache.current()
        )
        page = search_backend.search(Query(groups=parsed.groups, near=(52.99, 6.56)))
        assert [hit.document["title"] for hit in page.hits] == [
            "Assen",
            "Beilen",
            "Coevorden",
            "Nergens",
        ]
        assert page.hits[0].distance_km == pytest.approx(0.6, abs=0.2)
        assert page.hits[2].distance_km == pytest.approx(38.6, abs=1.0)
        assert page.hits[3].distance_km is None

    def test_the_closest_of_several_locations_counts(self, search_backend, index):
        index(
            make_document(
                title="Overal",
                locations=[{"lat": 52.66, "lng": 6.74}, {"lat": 53.0, "lng": 6.56}],
            ),
            make_document(title="Beilen", locations=[{"lat": 52.86, "lng": 6.51}]),
        )
        page = search_backend.search(Query(near=(52.99, 6.56)))
        titles = [hit.document["title"] for hit in page.hits]
        if search_backend.name == "database":
            assert titles == ["Overal", "Beilen"]
        assert page.hits[titles.index("Overal")].distance_km < 2
