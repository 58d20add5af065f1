"""The embedded backend's own machinery: sets of ids, the filter snapshot, its cost.

See docs/decisions/0024-search-with-sets-of-document-ids.md.
"""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from search import synonyms as synonym_cache
from search import vocabulary
from search.backends import bitsets, filters
from search.backends.base import Query
from search.backends.database import DatabaseBackend
from search.query import parse
from tests.factories.search import make_document

pytestmark = pytest.mark.django_db
database_only = pytest.mark.parametrize("search_backend", ["database"], indirect=True)


def query(text: str = "", **options) -> Query:
    parsed = parse(
        text, vocabulary=vocabulary.current(), synonyms=synonym_cache.current()
    )
    return Query(text=parsed.text, groups=parsed.groups, exact=parsed.exact, **options)


class BitsetTests:
    def test_members_round_trip_through_ids_and_words(self):
        ids = [0, 1, 63, 64, 65, 127, 128, 1000, 99_999]
        bits = bitsets.from_ids(ids)
        assert bitsets.members(bits) == ids
        words = {}
        for number in ids:
            words[number >> 6] = words.get(number >> 6, 0) | 1 << (number & 63)
        # Word 0 has bit 63 set: SQLite hands it over as a negative number.
        signed = [(n, w - (1 << 64) if w >= 1 << 63 else w) for n, w in words.items()]
        assert bitsets.from_words(signed) == bits

    def test_words_of_the_same_number_are_united(self):
        assert bitsets.from_words([(0, 1), (0, 4), (1, 1)]) == bitsets.from_ids(
            [0, 2, 64]
        )

    def test_aggregates_of_both_databases_read_the_same(self):
        assert bitsets.from_aggregate("3,1,200") == bitsets.from_aggregate([1, 3, 200])
        assert bitsets.from_aggregate(None) == 0

    def test_count_levels_orders_by_how_many_sets_hold_a_member(self):
        base = bitsets.from_ids(range(6))
        first, second = bitsets.from_ids([0, 1, 2]), bitsets.from_ids([1, 2, 3])
        levels = bitsets.count_levels(base, [first, second])
        assert [bitsets.members(level) for level in levels] == [
            [1, 2],
            [0, 3],
            [4, 5],
        ]


@database_only
class FilterSnapshotTests:
    def test_a_change_written_by_another_process_is_seen_at_the_next_search(
        self, search_backend, index
    ):
        reader, writer = DatabaseBackend(), DatabaseBackend()
        index(make_document(title="Kledingbank", municipalities=["assen"]))
        assert reader.search(query(municipalities=("assen",))).total == 1
        writer.upsert([make_document(title="Kledingbeurs", municipalities=["assen"])])
        page = reader.search(query("kleding", municipalities=("assen",)))
        assert sorted(hit.document["title"] for hit in page.hits) == [
            "Kledingbank",
            "Kledingbeurs",
        ]

    def test_a_deleted_document_disappears_from_counts_and_facets(
        self, search_backend, index
    ):
        gone, kept = (
            make_document(title="Weg", categories=["geld"]),
            make_document(title="Blijft", categories=["eten"]),
        )
        index(gone, kept)
        backend = DatabaseBackend()
        assert backend.search(query()).total == 2
        backend.delete([gone["id"]])
        page = backend.search(query())
        assert page.total == 1
        assert [v.value for v in page.facets["category"]] == ["eten"]

    def test_the_patched_sets_equal_sets_built_from_the_tables(
        self, search_backend, index
    ):
        first = make_document(
            categories=["noodfonds"], municipalities=["assen", "tynaarlo"], is_free=True
        )
        second = make_document(age_min=4, age_max=12, target_groups=["kinderen"])
        third = make_document(status="temporarily_closed", kind="organisation")
        index(first, second, third)
        index(
            {**first, "categories": ["eten"], "is_free": False},
            {**second, "age_max": None, "status": "ended"},
        )
        DatabaseBackend().delete([third["id"]])
        patched = filters.stored("default")
        built = filters.build(0, "default")
        assert patched is not None
        assert patched.sets == built.sets
        assert patched.labels == built.labels
        assert ("facet", "category", "noodfonds") not in patched.sets

    def test_stored_sets_survive_a_round_trip(self, search_backend, index):
        index(make_document(age_min=None, age_max=17), make_document(is_free=True))
        snapshot = filters.build(7, "default")
        again = filters.FilterSnapshot.from_bytes(snapshot.to_bytes(), 7, "default")
        assert again is not None
        assert (again.sets, again.labels) == (snapshot.sets, snapshot.labels)
        assert again.to_bytes() == snapshot.to_bytes()

    def test_unreadable_stored_sets_are_built_from_the_tables(
        self, search_backend, index
    ):
        from search.models import IndexState

        index(make_document(title="Kledingbank"))
        IndexState.objects.filter(pk=1).update(
            filters=b"\x05\x00\x00\x00{nee", documents_version=12
        )
        page = DatabaseBackend().search(query("kledingbank"))
        assert [hit.document["title"] for hit in page.hits] == ["Kledingbank"]

    def test_facet_labels_come_from_the_documents(self, search_backend, index):
        index(make_document(categories=["geld"], category_names=["Geld en schulden"]))
        page = DatabaseBackend().search(query())
        assert [(v.value, v.label, v.count) for v in page.facets["category"]] == [
            ("geld", "Geld en schulden", 1)
        ]


@database_only
class PrecisionTests:
    """Decision 0080: several words narrow; category names are filters, not words."""

    def titles(self, text: str) -> list[str]:
        page = DatabaseBackend().search(query(text))
        return sorted(hit.document["title"] for hit in page.hits)

    def test_documents_with_every_word_are_the_only_results(
        self, search_backend, index
    ):
        index(
            make_document(title="Voedselpakket", body="te weinig geld voor eten"),
            make_document(title="Verjaardagsbox", body="geen geld voor een feest"),
            make_document(title="Kledingbank", body="kleding als er weinig geld is"),
        )
        assert self.titles("geen geld voor eten") == ["Voedselpakket"]

    def test_with_no_document_holding_every_word_the_most_words_count(
        self, search_backend, index
    ):
        index(
            make_document(title="Voedselpakket", body="eten"),
            make_document(title="Kledingbank", body="kleding"),
            make_document(title="Bibliotheek", body="boeken"),
        )
        assert self.titles("eten kleding ") == ["Kledingbank", "Voedselpakket"]

    def test_a_category_name_does_not_make_a_page_match(self, search_backend, index):
        index(
            make_document(
                title="Verjaardagsbox",
                body="slingers en een cadeautje",
                categories=["eten-en-kleding"],
                category_names=["Eten en kleding"],
            ),
            make_document(title="Voedselpakket", body="eten"),
        )
        assert self.titles("eten ") == ["Voedselpakket"]


@database_only
class SearchCostTests:
    def test_the_number_of_queries_does_not_grow_with_the_matches(
        self, search_backend, index
    ):
        backend = DatabaseBackend()

        def documents(numbers):
            # Different scores: ties at the end of the page cost one query more.
            return [
                make_document(title="Voedselbank", body="voedselbank " * n)
                for n in numbers
            ]

        index(*documents(range(3)))
        backend.search(query("voedselbank"))  # snapshot and vocabulary loaded

        def queries() -> int:
            with CaptureQueriesContext(connection) as captured:
                page = backend.search(query("voedselbank"))
            assert page.hits
            return len(captured)

        few = queries()
        index(*documents(range(3, 60)))
        backend.search(query("voedselbank"))
        assert queries() == few

    @pytest.mark.skipif(
        connection.vendor != "postgresql", reason="a PostgreSQL planner setting"
    )
    def test_the_planner_setting_of_the_match_queries_does_not_leak(
        self, search_backend, index
    ):
        index(make_document(title="Voedselbank"))
        DatabaseBackend().search(query("voedselbank"))
        with connection.cursor() as cursor:
            cursor.execute("SHOW enable_seqscan")
            assert cursor.fetchone()[0] == "on"
