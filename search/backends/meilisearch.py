"""The Meilisearch backend, for a region-sized index (switched on by ``MEILISEARCH_URL``).

Uses the official ``meilisearch`` client. Everything Meilisearch needs is set by code
(``index_settings``): searchable, filterable and sortable attributes, Dutch stop words,
the synonyms pact admins keep in the admin, typo tolerance and ``_geo`` for distance.

Meilisearch tolerates typos, matches prefixes and applies synonyms itself. It does not
stem Dutch or split compound words, so every document carries a ``terms`` attribute with
the stems and compound parts our own analysis finds ("schuldhulpverlening" adds
"schuld", "hulp", "verlening"): a search for "schuld" or "stalling" finds compounds here
too. Highlighting and distances shown are computed by the service layer, the same for
both backends.

Faults (server down, timeout, missing index, a 5xx answer) raise ``BackendUnavailable``;
the service layer then answers from the database backend.

The requests this module sends are pinned by ``tests/search/test_meilisearch_contract.py``
against Meilisearch's documented API.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from itertools import islice

import meilisearch
import requests
from meilisearch.errors import (
    MeilisearchApiError,
    MeilisearchCommunicationError,
    MeilisearchError,
    MeilisearchTimeoutError,
)

from search import synonyms as synonym_cache
from search import vocabulary
from search.analysis import STOPWORDS, normalise, stem
from search.backends.base import (
    FACETS,
    FREE_FACET,
    BackendUnavailable,
    Document,
    FacetValue,
    Hit,
    Query,
    ResultPage,
    SearchBackend,
)
from search.backends.database import distance_km

# Our facet names and the document attribute Meilisearch counts for each.
FACET_ATTRIBUTES = {name: keys[0] for name, keys in FACETS.items()}
SEARCHABLE = [
    "title",
    "keywords",
    "summary",
    "organisation",
    "category_names",
    "target_group_names",
    "municipality_names",
    "terms",
    "body",
]
FILTERABLE = [
    "id",
    "kind",
    "status",
    "municipalities",
    "categories",
    "target_groups",
    "is_free",
    "age_min",
    "age_max",
    "_geo",
]
SORTABLE = ["_geo", "sort_title"]
TASK_TIMEOUT_MS = 120_000
TIMEOUT_SECONDS = 3


def index_settings(synonyms: list[list[str]]) -> dict:
    """The complete settings of the index (applied with one PATCH)."""
    return {
        "searchableAttributes": SEARCHABLE,
        "filterableAttributes": FILTERABLE,
        "sortableAttributes": SORTABLE,
        "displayedAttributes": ["*"],
        "stopWords": sorted(STOPWORDS),
        "synonyms": synonym_map(synonyms),
        "typoTolerance": {
            "enabled": True,
            "minWordSizeForTypos": {"oneTypo": 5, "twoTypos": 8},
        },
        "faceting": {"maxValuesPerFacet": 200},
        "pagination": {"maxTotalHits": 10_000},
    }


def synonym_map(groups: list[list[str]]) -> dict[str, list[str]]:
    """Mutual synonyms in Meilisearch's form: every term maps to all others."""
    mapping: dict[str, list[str]] = {}
    for group in groups:
        terms = [normalise(term) for term in group if normalise(term)]
        for term in terms:
            others = mapping.setdefault(term, [])
            others.extend(t for t in terms if t != term and t not in others)
    return dict(sorted(mapping.items()))


def to_meilisearch(document: Document, decompounder) -> dict:
    """The document as Meilisearch stores it: ours plus ``terms``, ``_geo`` and a sort key."""
    words = normalise(
        " ".join(
            [
                document.get("title") or "",
                document.get("summary") or "",
                " ".join(document.get("keywords") or []),
            ]
        )
    ).split()
    terms: list[str] = []
    for word in words:
        for part in decompounder.split(word):
            terms += [part, stem(part)]
        terms.append(stem(word))
    converted = dict(document)
    converted["terms"] = " ".join(dict.fromkeys(t for t in terms if t not in words))
    converted["sort_title"] = normalise(document.get("title") or "")
    locations = document.get("locations") or []
    if locations:
        converted["_geo"] = {
            "lat": float(locations[0]["lat"]),
            "lng": float(locations[0]["lng"]),
        }
    return converted


def _quoted(values: Iterable[str]) -> str:
    return "[" + ", ".join(json.dumps(str(value)) for value in values) + "]"


def search_parameters(query: Query) -> dict:
    """The body of ``POST /indexes/{uid}/search`` for ``query``."""
    filters = []
    if query.statuses:
        filters.append(f"status IN {_quoted(query.statuses)}")
    if query.kinds:
        filters.append(f"kind IN {_quoted(query.kinds)}")
    for attribute, values in (
        ("municipalities", query.municipalities),
        ("categories", query.categories),
        ("target_groups", query.target_groups),
    ):
        if values:
            filters.append(f"{attribute} IN {_quoted(values)}")
    if query.is_free is not None:
        filters.append(f"is_free = {'true' if query.is_free else 'false'}")
    if query.age is not None:
        filters.append(f"(age_min IS NULL OR age_min <= {int(query.age)})")
        filters.append(f"(age_max IS NULL OR age_max >= {int(query.age)})")
    parameters: dict = {
        "q": query.text,
        "hitsPerPage": query.limit,
        "page": query.offset // max(query.limit, 1) + 1,
        "filter": filters,
        "matchingStrategy": "last",
        "attributesToRetrieve": ["*"],
    }
    if query.with_facets:
        parameters["facets"] = [*FACET_ATTRIBUTES.values(), FREE_FACET]
    if query.near:
        lat, lng = query.near
        parameters["sort"] = [f"_geoPoint({lat:.6f}, {lng:.6f}):asc"]
    elif not query.text:
        parameters["sort"] = ["sort_title:asc"]
    return parameters


class MeilisearchBackend(SearchBackend):
    name = "meilisearch"

    def __init__(
        self,
        *,
        url: str,
        api_key: str | None = None,
        prefix: str = "pact",
        timeout: int = TIMEOUT_SECONDS,
    ) -> None:
        self.client = meilisearch.Client(url, api_key or None, timeout=timeout)
        self.index_uid = f"{prefix}_sociale_kaart"
        self._ready = False
        self._tasks: list[int] = []

    # --- Plumbing ---------------------------------------------------------------------------

    def _call(self, action):
        try:
            return action()
        except (
            MeilisearchCommunicationError,
            MeilisearchTimeoutError,
            requests.RequestException,
        ) as error:
            raise BackendUnavailable(str(type(error).__name__)) from error
        except MeilisearchApiError as error:
            if error.status_code >= 500 or error.code in {
                "index_not_found",
                "invalid_search_filter",
                "invalid_search_facets",
                "invalid_search_sort",
            }:
                raise BackendUnavailable(
                    error.code or str(error.status_code)
                ) from error
            raise
        except MeilisearchError as error:
            raise BackendUnavailable(type(error).__name__) from error

    def _track(self, task) -> None:
        self._tasks.append(task.task_uid)

    def wait(self) -> None:
        """Wait until every task this backend enqueued is processed (tests, rebuild)."""
        tasks, self._tasks = self._tasks, []
        for uid in tasks:
            self._call(
                lambda uid=uid: self.client.wait_for_task(
                    uid, timeout_in_ms=TASK_TIMEOUT_MS
                )
            )

    def _ensure_index(self) -> None:
        if self._ready:
            return
        try:
            self.client.get_raw_index(self.index_uid)
        except MeilisearchApiError as error:
            if error.code != "index_not_found":
                raise BackendUnavailable(
                    error.code or str(error.status_code)
                ) from error
            self._create(self.index_uid)
        except (MeilisearchError, requests.RequestException) as error:
            raise BackendUnavailable(type(error).__name__) from error
        self._ready = True

    def _create(self, uid: str, synonyms: list[list[str]] | None = None) -> None:
        groups = synonyms if synonyms is not None else synonym_cache.current().groups
        self._track(
            self._call(lambda: self.client.create_index(uid, {"primaryKey": "id"}))
        )
        self._track(
            self._call(
                lambda: self.client.index(uid).update_settings(index_settings(groups))
            )
        )

    # --- Writing --------------------------------------------------------------------------------

    def upsert(self, documents: Sequence[Document]) -> None:
        if not documents:
            return
        self._ensure_index()
        decompounder = vocabulary.current().decompounder
        payload = [to_meilisearch(document, decompounder) for document in documents]
        index = self.client.index(self.index_uid)
        self._track(self._call(lambda: index.add_documents(payload, primary_key="id")))

    def delete(self, doc_ids: Sequence[str]) -> None:
        if not doc_ids:
            return
        self._ensure_index()
        index = self.client.index(self.index_uid)
        expression = f"id IN {_quoted(doc_ids)}"
        self._track(self._call(lambda: index.delete_documents(filter=expression)))

    def apply_settings(self, *, synonyms: list[list[str]]) -> None:
        self._ensure_index()
        index = self.client.index(self.index_uid)
        self._track(self._call(lambda: index.update_settings(index_settings(synonyms))))

    def rebuild(self, documents, *, batch_size=500, progress=None) -> int:
        """Fill a fresh index, then swap it with the live one (Meilisearch's zero-downtime way)."""
        fresh = f"{self.index_uid}_rebuild_{int(time.time())}"
        self._create(fresh, synonym_cache.current().groups)
        self._ensure_index()
        decompounder = vocabulary.current().decompounder
        index = self.client.index(fresh)
        total = 0
        iterator = iter(documents)
        while batch := list(islice(iterator, batch_size)):
            payload = [to_meilisearch(document, decompounder) for document in batch]
            self._track(
                self._call(
                    lambda payload=payload: index.add_documents(
                        payload, primary_key="id"
                    )
                )
            )
            total += len(batch)
            if progress:
                progress(len(batch))
        self.wait()
        self._track(
            self._call(
                lambda: self.client.swap_indexes([{"indexes": [self.index_uid, fresh]}])
            )
        )
        self.wait()
        self._track(self._call(lambda: self.client.delete_index(fresh)))
        return total

    def document_ids(self) -> set[str]:
        index = self.client.index(self.index_uid)
        ids: set[str] = set()
        offset = 0
        while True:
            page = self._call(
                lambda offset=offset: index.get_documents(
                    {"fields": ["id"], "offset": offset, "limit": 1000}
                )
            )
            ids.update(str(document.id) for document in page.results)
            offset += len(page.results)
            if not page.results or offset >= page.total:
                return ids

    def clear(self) -> None:
        self._ensure_index()
        index = self.client.index(self.index_uid)
        self._track(self._call(index.delete_all_documents))
        self.wait()

    def drop(self) -> None:
        """Delete the index itself (integration tests clean up with this)."""
        self._track(self._call(lambda: self.client.delete_index(self.index_uid)))
        self.wait()
        self._ready = False

    # --- Reading --------------------------------------------------------------------------------

    def search(self, query: Query) -> ResultPage:
        parameters = search_parameters(query)
        text = parameters.pop("q")
        index = self.client.index(self.index_uid)
        answer = self._call(lambda: index.search(text, parameters))
        hits = [
            Hit(
                doc_id=str(hit["id"]),
                document={
                    k: v
                    for k, v in hit.items()
                    if not k.startswith("_") and k not in {"terms", "sort_title"}
                },
                score=float(hit.get("_rankingScore") or 0),
                distance_km=distance_km(hit.get("locations") or [], query.near),
            )
            for hit in answer.get("hits", [])
        ]
        total = int(
            answer.get("totalHits", answer.get("estimatedTotalHits", len(hits)))
        )
        facets: dict[str, list[FacetValue]] = {}
        if query.with_facets:
            distribution = answer.get("facetDistribution") or {}
            for name, attribute in FACET_ATTRIBUTES.items():
                counts = distribution.get(attribute) or {}
                facets[name] = sorted(
                    (FacetValue(value, int(count)) for value, count in counts.items()),
                    key=lambda item: (-item.count, item.value),
                )
            free = (distribution.get(FREE_FACET) or {}).get("true", 0)
            facets[FREE_FACET] = [FacetValue("true", int(free))] if free else []
        return ResultPage(total=total, hits=hits, facets=facets, backend=self.name)
