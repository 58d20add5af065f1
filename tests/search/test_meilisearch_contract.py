"""The exact requests the Meilisearch backend sends, per Meilisearch's documented API.

A real HTTP server in the test process (``fake_meilisearch.py``) answers like
Meilisearch and records what arrives. The integration test at the end runs against a
real server when ``MEILISEARCH_URL`` is set (see docs/search.md) and is skipped
otherwise; the whole backend suite in ``test_backends.py`` then runs against it too.
"""

from __future__ import annotations

import logging
import os
import socket

import pytest

from search import services
from search.backends.base import Query
from search.backends.meilisearch import MeilisearchBackend, index_settings
from tests.factories.search import make_document
from tests.search.fake_meilisearch import FakeMeilisearch

pytestmark = pytest.mark.django_db
INDEX = "pact_sociale_kaart"


@pytest.fixture
def fake():
    server = FakeMeilisearch().start()
    yield server
    server.stop()


@pytest.fixture
def backend(fake):
    return MeilisearchBackend(url=fake.url, api_key="zoek-sleutel", prefix="pact")


def calls(fake):
    return [(r.method, r.path) for r in fake.writes()]


class MeilisearchWritingContractTests:
    def test_first_write_creates_the_index_with_settings_then_adds_documents(
        self, fake, backend
    ):
        document = make_document(
            title="Schuldhulpverlening",
            locations=[{"lat": 52.99, "lng": 6.56}, {"lat": 53.0, "lng": 6.5}],
        )
        backend.upsert([document])
        assert calls(fake) == [
            ("GET", f"/indexes/{INDEX}"),
            ("POST", "/indexes"),
            ("PATCH", f"/indexes/{INDEX}/settings"),
            ("POST", f"/indexes/{INDEX}/documents"),
        ]
        get, create, settings, add = fake.writes()
        assert create.body == {"uid": INDEX, "primaryKey": "id"}
        assert settings.body == index_settings(services.synonym_cache.current().groups)
        assert add.query == {"primaryKey": "id"}
        sent = add.body[0]
        assert sent["id"] == document["id"]
        assert sent["_geo"] == {"lat": 52.99, "lng": 6.56}
        assert sent["sort_title"] == "schuldhulpverlening"
        assert {"schuld", "hulp", "verlening"} <= set(sent["terms"].split())
        assert all(
            r.headers["authorization"] == "Bearer zoek-sleutel" for r in fake.requests
        )
        assert all(
            r.headers["content-type"] == "application/json"
            for r in fake.requests
            if r.body is not None
        )

    def test_settings_declare_what_search_filters_sorts_and_tolerates(self):
        settings = index_settings(
            [["schulden", "geldzorgen", "rekeningen niet betalen"]]
        )
        assert settings["searchableAttributes"][0] == "title"
        assert {
            "municipalities",
            "categories",
            "target_groups",
            "is_free",
            "age_min",
            "age_max",
            "status",
            "_geo",
        } <= set(settings["filterableAttributes"])
        assert settings["sortableAttributes"] == ["_geo", "sort_title"]
        assert settings["typoTolerance"] == {
            "enabled": True,
            "minWordSizeForTypos": {"oneTypo": 5, "twoTypos": 8},
        }
        assert settings["synonyms"] == {
            "geldzorgen": ["schulden", "rekeningen niet betalen"],
            "rekeningen niet betalen": ["schulden", "geldzorgen"],
            "schulden": ["geldzorgen", "rekeningen niet betalen"],
        }
        assert "ik" in settings["stopWords"]

    def test_existing_index_is_written_without_recreating_it(self, fake, backend):
        fake.indexes.add(INDEX)
        backend.upsert([make_document()])
        backend.upsert([make_document()])
        assert calls(fake) == [
            ("GET", f"/indexes/{INDEX}"),
            ("POST", f"/indexes/{INDEX}/documents"),
            ("POST", f"/indexes/{INDEX}/documents"),
        ]

    def test_delete_sends_a_filter_on_ids(self, fake, backend):
        fake.indexes.add(INDEX)
        backend.delete(["service-1", 'service-"2'])
        request = fake.writes()[-1]
        assert (request.method, request.path) == (
            "POST",
            f"/indexes/{INDEX}/documents/delete",
        )
        assert request.body == {"filter": 'id IN ["service-1", "service-\\"2"]'}

    def test_synonym_change_patches_the_settings(self, fake, backend):
        fake.indexes.add(INDEX)
        backend.apply_settings(synonyms=[["kleding", "kledingbank"]])
        request = fake.writes()[-1]
        assert (request.method, request.path) == ("PATCH", f"/indexes/{INDEX}/settings")
        assert request.body["synonyms"] == {
            "kleding": ["kledingbank"],
            "kledingbank": ["kleding"],
        }

    def test_rebuild_fills_a_fresh_index_and_swaps_it_in(self, fake, backend):
        fake.indexes.add(INDEX)
        documents = [make_document(title=f"Aanbod {n}") for n in range(5)]
        assert backend.rebuild(iter(documents), batch_size=2) == 5
        sequence = calls(fake)
        fresh = fake.writes()[0].body["uid"]
        assert fresh.startswith(f"{INDEX}_rebuild_")
        assert sequence == [
            ("POST", "/indexes"),
            ("PATCH", f"/indexes/{fresh}/settings"),
            ("GET", f"/indexes/{INDEX}"),
            ("POST", f"/indexes/{fresh}/documents"),
            ("POST", f"/indexes/{fresh}/documents"),
            ("POST", f"/indexes/{fresh}/documents"),
            ("POST", "/swap-indexes"),
            ("DELETE", f"/indexes/{fresh}"),
        ]
        swap = [r for r in fake.writes() if r.path == "/swap-indexes"][0]
        assert swap.body == [{"indexes": [INDEX, fresh]}]
        # Every task was waited for before swapping: GET /tasks/{uid} came first.
        paths = [r.path for r in fake.requests]
        assert paths.index("/swap-indexes") > max(
            i
            for i, p in enumerate(paths)
            if p.startswith("/tasks/") and i < paths.index("/swap-indexes")
        )


class MeilisearchSearchContractTests:
    def test_search_body_carries_query_filters_facets_page_and_distance_sort(
        self, fake, backend
    ):
        fake.indexes.add(INDEX)
        backend.search(
            Query(
                text="gratis sporten",
                municipalities=("assen", "tynaarlo"),
                categories=("sport",),
                target_groups=("kinderen",),
                is_free=True,
                age=9,
                near=(52.99, 6.56),
                offset=20,
                limit=10,
            )
        )
        request = fake.requests[-1]
        assert (request.method, request.path) == ("POST", f"/indexes/{INDEX}/search")
        assert request.body == {
            "q": "gratis sporten",
            "hitsPerPage": 10,
            "page": 3,
            "filter": [
                'status IN ["active", "temporarily_closed"]',
                'municipalities IN ["assen", "tynaarlo"]',
                'categories IN ["sport"]',
                'target_groups IN ["kinderen"]',
                "is_free = true",
                "(age_min IS NULL OR age_min <= 9)",
                "(age_max IS NULL OR age_max >= 9)",
            ],
            "matchingStrategy": "last",
            "attributesToRetrieve": ["*"],
            "facets": ["categories", "municipalities", "target_groups", "is_free"],
            "sort": ["_geoPoint(52.990000, 6.560000):asc"],
        }

    def test_browsing_without_words_sorts_by_title(self, fake, backend):
        fake.indexes.add(INDEX)
        backend.search(Query())
        assert fake.requests[-1].body["sort"] == ["sort_title:asc"]
        assert fake.requests[-1].body["q"] == ""

    def test_answer_becomes_hits_total_and_facets(self, fake, backend):
        fake.indexes.add(INDEX)
        document = make_document(
            title="Kledingbank", locations=[{"lat": 52.99, "lng": 6.56}]
        )
        fake.search_answer = {
            "hits": [
                {
                    **document,
                    "terms": "kleding bank",
                    "sort_title": "kledingbank",
                    "_geo": {"lat": 52.99, "lng": 6.56},
                    "_geoDistance": 120,
                    "_rankingScore": 0.9,
                }
            ],
            "query": "kleding",
            "processingTimeMs": 1,
            "hitsPerPage": 10,
            "page": 1,
            "totalPages": 2,
            "totalHits": 11,
            "facetDistribution": {
                "categories": {"kleding": 11},
                "municipalities": {"assen": 9, "tynaarlo": 2},
                "target_groups": {},
                "is_free": {"true": 7, "false": 4},
            },
        }
        page = backend.search(Query(text="kleding", near=(52.99, 6.56)))
        assert page.total == 11
        assert page.hits[0].document == document
        assert page.hits[0].distance_km == 0.0
        assert [(f.value, f.count) for f in page.facets["municipality"]] == [
            ("assen", 9),
            ("tynaarlo", 2),
        ]
        assert [(f.value, f.count) for f in page.facets["is_free"]] == [("true", 7)]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def indexed_in_database(db):
    services.database_backend().clear()
    services.database_backend().upsert([make_document(title="Kledingbank Assen")])


class MeilisearchFallbackTests:
    def test_unreachable_server_falls_back_to_the_database_and_logs_without_the_query(
        self, settings, indexed_in_database, anonymous, caplog
    ):
        settings.SEARCH_BACKEND = "meilisearch"
        settings.MEILISEARCH_URL = f"http://127.0.0.1:{closed_port()}"
        with caplog.at_level(logging.WARNING, logger="search"):
            results = services.search_site("kledingbank", user=anonymous)
        assert [r.title for r in results.results] == ["Kledingbank Assen"]
        assert results.backend == "database"
        assert "meilisearch" in caplog.text
        assert "kledingbank" not in caplog.text.lower()

    def test_server_error_falls_back_too(
        self, settings, fake, indexed_in_database, anonymous
    ):
        fake.indexes.add(INDEX)
        fake.search_status = 500
        settings.SEARCH_BACKEND = "meilisearch"
        settings.MEILISEARCH_URL = fake.url
        results = services.search_site("kledingbank", user=anonymous)
        assert results.backend == "database"
        assert results.total == 1

    def test_writes_go_on_in_the_database_when_meilisearch_is_down(self, settings, db):
        settings.SEARCH_BACKEND = "meilisearch"
        settings.MEILISEARCH_URL = f"http://127.0.0.1:{closed_port()}"
        document = make_document(title="Nieuw")
        services.index_documents([document])
        assert document["id"] in services.database_backend().document_ids()

    def test_answers_from_meilisearch_when_it_is_up(
        self, settings, fake, indexed_in_database, anonymous
    ):
        fake.indexes.add(INDEX)
        settings.SEARCH_BACKEND = "meilisearch"
        settings.MEILISEARCH_URL = fake.url
        results = services.search_site("iets", user=anonymous)
        assert results.backend == "meilisearch"


@pytest.mark.meilisearch
@pytest.mark.skipif(
    not os.environ.get("MEILISEARCH_URL"),
    reason="needs a Meilisearch server: set MEILISEARCH_URL (docs/search.md)",
)
class MeilisearchIntegrationTests:
    def test_settings_arrive_as_sent(self, db):
        backend = MeilisearchBackend(
            url=os.environ["MEILISEARCH_URL"],
            api_key=os.environ.get("MEILISEARCH_API_KEY"),
            prefix="pactcontract",
        )
        try:
            backend.apply_settings(synonyms=[["kleding", "kledingbank"]])
            backend.wait()
            stored = backend.client.index(backend.index_uid).get_settings()
            assert (
                stored["filterableAttributes"]
                and "_geo" in stored["sortableAttributes"]
            )
            assert stored["synonyms"] == {
                "kleding": ["kledingbank"],
                "kledingbank": ["kleding"],
            }
        finally:
            backend.drop()
