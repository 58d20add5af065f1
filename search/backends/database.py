# ruff: noqa: S608  (SQL here is built from constant names and %s placeholders only;
# every value travels as a query parameter)
"""The embedded search backend: full-text search inside the project's own database.

No extra server. Documents are stored flat (``IndexedDocument``) with their facet values
and locations in side tables; the full text goes to the database's own engine
(``search/backends/fulltext.py``): a weighted ``tsvector`` with a GIN index on
PostgreSQL (``simple`` configuration: the text arrives already analysed by
``search/analysis.py``, with the same Snowball Dutch stemmer PostgreSQL's ``dutch``
configuration uses), an FTS5 table on SQLite.

Text is analysed in Python for both, so the two databases find the same documents:
stems, compound parts (see ``analysis.Decompounder``), and words that matched as
prefixes.

Searching works on sets of document ids (decision 24): the full-text engine says which
documents match, each process keeps the filter attributes and facet values of every
document in memory (``search/backends/filters.py``), and the order is decided part by
part (``search/backends/ranking.py``), so that only the page's part is scored and only
the page's documents are read.

Why not Wagtail's own database backend: it indexes model instances field by field and
has no facets, typo tolerance, compound words or distance. See
``docs/decisions/0020-embedded-search-backend.md``.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from django.db import connections, transaction

from search import vocabulary
from search.analysis import Decompounder, analyse_tokens, normalise
from search.backends import filters, ranking
from search.backends.base import (
    FACETS,
    FREE_FACET,
    Document,
    FacetValue,
    Hit,
    Query,
    ResultPage,
    SearchBackend,
)
from search.backends.filters import DocumentFilters, SnapshotCache
from search.backends.fulltext import FTS_TABLE, FullText, for_vendor
from search.models import (
    IndexedDocument,
    IndexedFacet,
    IndexedLocation,
    IndexedTerm,
    IndexState,
)

CHUNK = 500
UPDATE_FIELDS = [
    "kind",
    "page_id",
    "title",
    "sort_title",
    "is_free",
    "age_min",
    "age_max",
    "status",
    "data",
    "analysed",
    "words",
]
DOCUMENT_TABLE = IndexedDocument._meta.db_table
FACET_TABLE = IndexedFacet._meta.db_table
LOCATION_TABLE = IndexedLocation._meta.db_table


# --- Preparing documents -----------------------------------------------------------------


def prepare(document: Document, decompounder: Decompounder) -> dict:
    """The analysed fields and vocabulary words of one document."""
    # Category names are filters (facets), not words of the page: a "voor" or "eten"
    # in "Eten en kleding" made a birthday box match "geen geld voor eten" (decision
    # 0080).
    meta_parts = [
        document.get("organisation") or "",
        *document.get("target_group_names", []),
        *document.get("municipality_names", []),
    ]
    if document.get("is_free"):
        meta_parts.append("gratis kosteloos")
    texts = {
        "title": document.get("title") or "",
        "keywords": " ".join(document.get("keywords") or []),
        "summary": document.get("summary") or "",
        "meta": " ".join(meta_parts),
        "body": document.get("body") or "",
    }
    analysed = {}
    words: set[str] = set()
    for name, text in texts.items():
        tokens = normalise(text).split()
        stems, parts = analyse_tokens(tokens, decompounder)
        analysed[name] = " ".join(stems + parts)
        for token in set(tokens):
            if len(token) >= 3 and token.isalpha():
                words.add(token)
                words.update(decompounder.split(token))
    return {"analysed": analysed, "words": sorted(w for w in words if len(w) <= 100)}


def document_row(document: Document, prepared: dict) -> dict:
    title = (document.get("title") or "")[:255]
    return {
        "kind": document.get("kind") or "",
        "page_id": document.get("page_id"),
        "title": title,
        "sort_title": normalise(title)[:255],
        "is_free": bool(document.get("is_free")),
        "age_min": document.get("age_min"),
        "age_max": document.get("age_max"),
        "status": document.get("status") or "active",
        "data": _json_safe(document),
        "analysed": prepared["analysed"],
        "words": " ".join(prepared["words"]),
    }


def facet_rows(document: Document) -> list[tuple[str, str, str]]:
    """(facet, value, label) of a document, each value once."""
    record: dict[str, Any] = dict(document)
    rows = []
    for facet, (values_key, labels_key) in FACETS.items():
        values: list[str] = record.get(values_key) or []
        labels: list[str] = record.get(labels_key) or []
        for position, value in enumerate(dict.fromkeys(values)):
            label = labels[position] if position < len(labels) else value
            rows.append((facet, value[:100], str(label)[:200]))
    return rows


def document_filters(values: dict, document: Document) -> DocumentFilters:
    """What the filter snapshot needs of a document row (``document_row``)."""
    return DocumentFilters(
        status=values["status"],
        kind=values["kind"],
        is_free=values["is_free"],
        age_min=values["age_min"],
        age_max=values["age_max"],
        facets=tuple(facet_rows(document)),
    )


def _json_safe(document: Document) -> dict:
    data: dict[str, Any] = dict(document)
    checked = data.get("last_checked_on")
    if checked is not None and not isinstance(checked, str):
        data["last_checked_on"] = checked.isoformat()
    return data


def _batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


# --- The backend -------------------------------------------------------------------------


class DatabaseBackend(SearchBackend):
    name = "database"

    def __init__(self, using: str = "default") -> None:
        self.using = using
        self._filters = SnapshotCache(using)

    @property
    def connection(self):
        return connections[self.using]

    @property
    def fulltext(self) -> FullText:
        return for_vendor(self.connection.vendor)

    # --- Writing ---------------------------------------------------------------------------

    def upsert(self, documents: Sequence[Document]) -> None:
        """Add or replace documents; rows whose content did not change are not written."""
        unique = {document["id"]: document for document in documents}
        if not unique:
            return
        decompounder = vocabulary.current().decompounder
        prepared = {
            doc_id: prepare(doc, decompounder) for doc_id, doc in unique.items()
        }
        with transaction.atomic(using=self.using):
            objects = IndexedDocument.objects.using(self.using)
            existing = {
                row.doc_id: row
                for row in objects.filter(doc_id__in=list(unique)).only(
                    "id", "doc_id", "words", "data", "analysed"
                )
            }
            delta: Counter[str] = Counter()
            to_create, to_update = [], []
            attributes: dict[str, DocumentFilters] = {}
            for doc_id, document in unique.items():
                values = document_row(document, prepared[doc_id])
                attributes[doc_id] = document_filters(values, document)
                row = existing.get(doc_id)
                if row is None:
                    to_create.append(IndexedDocument(doc_id=doc_id, **values))
                elif row.data == values["data"] and row.analysed == values["analysed"]:
                    continue
                else:
                    delta.subtract(set(row.words.split()))
                    for name, value in values.items():
                        setattr(row, name, value)
                    to_update.append(row)
                delta.update(prepared[doc_id]["words"])
            if not to_create and not to_update:
                return
            objects.bulk_create(to_create, batch_size=CHUNK)
            if to_update:
                objects.bulk_update(to_update, UPDATE_FIELDS, batch_size=CHUNK)
            changed = [row.doc_id for row in to_create + to_update]
            ids = dict(objects.filter(doc_id__in=changed).values_list("doc_id", "id"))
            self._write_side_tables({d: unique[d] for d in changed}, ids)
            with self.connection.cursor() as cursor:
                self.fulltext.write(
                    cursor, [(ids[d], prepared[d]["analysed"]) for d in changed]
                )
            _vocabulary_apply(delta, self.using)
            _documents_changed(self.using, {ids[d]: attributes[d] for d in changed})

    def _write_side_tables(
        self, documents: dict[str, Document], ids: dict[str, int]
    ) -> None:
        """Replace the facet values and locations of these documents (plain SQL: the
        ORM's per-object overhead dominated bulk indexing)."""
        facets, locations = [], []
        for doc_id, document in documents.items():
            pk = ids[doc_id]
            facets += [(pk, *row) for row in facet_rows(document)]
            for location in document.get("locations") or []:
                lat, lng = location.get("lat"), location.get("lng")
                if lat is not None and lng is not None:
                    locations.append((pk, float(lat), float(lng)))
        with self.connection.cursor() as cursor:
            for chunk in _batched(list(ids.values()), CHUNK):
                marks = ", ".join(["%s"] * len(chunk))
                for table in (FACET_TABLE, LOCATION_TABLE):
                    cursor.execute(
                        f"DELETE FROM {table} WHERE document_id IN ({marks})", chunk
                    )
            if facets:
                cursor.executemany(
                    f"INSERT INTO {FACET_TABLE} (document_id, facet, value, label) "
                    "VALUES (%s, %s, %s, %s)",
                    facets,
                )
            if locations:
                cursor.executemany(
                    f"INSERT INTO {LOCATION_TABLE} (document_id, lat, lng) "
                    "VALUES (%s, %s, %s)",
                    locations,
                )

    def delete(self, doc_ids: Sequence[str]) -> None:
        doc_ids = list(dict.fromkeys(doc_ids))
        if not doc_ids:
            return
        with transaction.atomic(using=self.using):
            self._delete_rows(
                IndexedDocument.objects.using(self.using).filter(doc_id__in=doc_ids)
            )

    def _delete_rows(self, queryset) -> None:
        delta: Counter[str] = Counter()
        ids = []
        for pk, words in queryset.values_list("id", "words"):
            ids.append(pk)
            delta.subtract(set(words.split()))
        if not ids:
            return
        with self.connection.cursor() as cursor:
            self.fulltext.remove(cursor, ids)
        for chunk in _batched(ids, CHUNK):
            IndexedDocument.objects.using(self.using).filter(id__in=chunk).delete()
        _vocabulary_apply(delta, self.using)
        _documents_changed(self.using, dict.fromkeys(ids))

    def rebuild(self, documents, *, batch_size=500, progress=None) -> int:
        """Upsert everything, then drop the documents that were not seen.

        Searches keep answering throughout: each batch commits on its own and the index
        is never empty. Unchanged documents are not rewritten, so rebuilding an index
        that is up to date writes nothing. The vocabulary is recounted at the end, which
        also repairs any drift from concurrent edits.
        """
        seen: set[str] = set()
        for batch in _batched(documents, batch_size):
            self.upsert(batch)
            seen.update(document["id"] for document in batch)
            if progress:
                progress(len(batch))
        objects = IndexedDocument.objects.using(self.using)
        stale = [
            pk
            for pk, doc_id in objects.values_list("id", "doc_id")
            if doc_id not in seen
        ]
        for chunk in _batched(stale, CHUNK):
            with transaction.atomic(using=self.using):
                self._delete_rows(objects.filter(id__in=chunk))
        vocabulary_recount(self.using)
        _filters_check(self.using)
        with self.connection.cursor() as cursor:
            self.fulltext.tidy(cursor)
        return len(seen)

    def document_ids(self) -> set[str]:
        return set(
            IndexedDocument.objects.using(self.using).values_list("doc_id", flat=True)
        )

    def clear(self) -> None:
        with transaction.atomic(using=self.using):
            with self.connection.cursor() as cursor:
                if self.connection.vendor == "sqlite":
                    cursor.execute(f"DELETE FROM {FTS_TABLE}")
            IndexedDocument.objects.using(self.using).all().delete()
            IndexedTerm.objects.using(self.using).all().delete()
            _vocabulary_changed(self.using)
            _documents_changed(self.using, None)

    # --- Reading ---------------------------------------------------------------------------

    def search(self, query: Query) -> ResultPage:
        """Filter, count, facet and rank with sets of document ids (decision 24).

        The database finds the documents matching the words (one query per word group
        and per typed form, answered from the full-text index alone) and scores the
        documents of the part of the ranking the page falls in; filters and facet
        counts come from this process's ``FilterSnapshot``. Only the page's documents
        are read from the document table.
        """
        snapshot = self._filters.current()
        allowed = snapshot.allowed(query)
        with self.connection.cursor() as cursor:
            match = (
                ranking.TextMatch.find(self.fulltext, cursor, query)
                if query.has_text
                else None
            )
            result = match.best_level(allowed) if match else allowed
            total = result.bit_count()
            ranked = (
                ranking.page(query, result, match, snapshot)
                if total and query.limit > 0
                else []
            )
        facets: dict[str, list[FacetValue]] = {}
        if query.with_facets:
            if total:
                facets = snapshot.facet_counts(result)
            free_count = (result & snapshot.free).bit_count()
            facets[FREE_FACET] = [FacetValue("true", free_count)] if free_count else []
        documents = (
            IndexedDocument.objects.using(self.using)
            .only("id", "doc_id", "data")
            .in_bulk([pk for pk, _s in ranked])
        )
        hits = [
            Hit(
                doc_id=documents[pk].doc_id,
                document=documents[pk].data,
                score=float(score),
                distance_km=distance_km(
                    documents[pk].data.get("locations") or [], query.near
                ),
            )
            for pk, score in ranked
            if pk in documents  # removed since the snapshot was taken
        ]
        return ResultPage(total=total, hits=hits, facets=facets, backend=self.name)


def distance_km(locations: list, near: tuple[float, float] | None) -> float | None:
    """Great-circle distance in km from ``near`` to the closest location, or None."""
    if not near or not locations:
        return None
    lat1, lng1 = map(math.radians, near)
    best = None
    for location in locations:
        try:
            lat2, lng2 = (
                math.radians(float(location["lat"])),
                math.radians(float(location["lng"])),
            )
        except (KeyError, TypeError, ValueError):
            continue
        a = (
            math.sin((lat2 - lat1) / 2) ** 2
            + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
        )
        km = 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
        best = km if best is None else min(best, km)
    return None if best is None else round(best, 1)


# --- Index state and vocabulary -------------------------------------------------------------


def _state(using: str = "default") -> IndexState:
    state, _created = IndexState.objects.using(using).get_or_create(pk=1)
    return state


def _new_version() -> int:
    return random.randint(1, 2**62)  # noqa: S311 (a cache token, not a secret)


def _vocabulary_changed(using: str) -> None:
    _state(using)
    IndexState.objects.using(using).filter(pk=1).update(
        vocabulary_version=_new_version()
    )


def _documents_changed(
    using: str, changes: dict[int, DocumentFilters | None] | None
) -> None:
    """Patch the stored filter sets for these documents (None: removed) and give the
    index a new ``documents_version``, inside the writing transaction.

    The row is locked first, so concurrent writers patch one after the other. With
    ``changes`` None, or no stored sets yet, the sets are built from the tables,
    which already hold this transaction's writes.
    """
    _state(using)
    current = filters.stored(using, for_update=True) if changes is not None else None
    if current is not None and changes is not None:
        snapshot = current.patched(changes)
    else:
        snapshot = filters.build(0, using)
    IndexState.objects.using(using).filter(pk=1).update(
        documents_version=_new_version(), filters=snapshot.to_bytes()
    )


def _filters_check(using: str) -> None:
    """Build the filter sets from the tables and store them if the patched ones differ
    (after a rebuild: repairs any drift, and a label that changed for all documents)."""
    with transaction.atomic(using=using):
        _state(using)
        current = filters.stored(using, for_update=True)
        built = filters.build(0, using).to_bytes()
        if current is None or current.to_bytes() != built:
            IndexState.objects.using(using).filter(pk=1).update(
                documents_version=_new_version(), filters=built
            )


def _vocabulary_apply(delta: Counter, using: str) -> None:
    """Add ``delta`` to the document counts of the vocabulary (inside a transaction).

    One upsert per word (``INSERT ... ON CONFLICT DO UPDATE``, atomic per row on both
    databases), then words no document uses any more are dropped. The cached
    vocabularies of all processes are told to reload only when words came or went.
    """
    changed = {term: amount for term, amount in delta.items() if amount}
    if not changed:
        return
    table = IndexedTerm._meta.db_table
    set_changed = False
    connection = connections[using]
    with connection.cursor() as cursor:
        for chunk in _batched(sorted(changed), CHUNK):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"SELECT term FROM {table} WHERE term IN ({marks})", chunk)
            known = {row[0] for row in cursor.fetchall()}
            set_changed = set_changed or len(known) < len(chunk)
            added = [(term, changed[term]) for term in chunk if changed[term] > 0]
            removed = [
                (changed[term], changed[term], term)
                for term in chunk
                if changed[term] < 0
            ]
            if added:
                cursor.executemany(
                    f"INSERT INTO {table} (term, document_count) VALUES (%s, %s) "
                    "ON CONFLICT (term) DO UPDATE SET "
                    f"document_count = {table}.document_count + excluded.document_count",
                    added,
                )
            if removed:
                # Never below zero (the column is unsigned), even after drift.
                cursor.executemany(
                    f"UPDATE {table} SET document_count = CASE "
                    "WHEN document_count + %s < 0 THEN 0 "
                    "ELSE document_count + %s END WHERE term = %s",
                    removed,
                )
            cursor.execute(
                f"DELETE FROM {table} WHERE document_count <= 0 AND term IN ({marks})",
                chunk,
            )
            set_changed = set_changed or cursor.rowcount > 0
    if set_changed:
        _vocabulary_changed(using)


def vocabulary_recount(using: str = "default") -> None:
    """Recount the vocabulary from the indexed documents (after a rebuild)."""
    counts: Counter[str] = Counter()
    for words in (
        IndexedDocument.objects.using(using)
        .values_list("words", flat=True)
        .iterator(chunk_size=2000)
    ):
        counts.update(words.split())
    with transaction.atomic(using=using):
        current = dict(
            IndexedTerm.objects.using(using).values_list("term", "document_count")
        )
        if current == counts:
            return
        IndexedTerm.objects.using(using).all().delete()
        IndexedTerm.objects.using(using).bulk_create(
            [
                IndexedTerm(term=term, document_count=count)
                for term, count in counts.items()
            ],
            batch_size=CHUNK,
        )
        _vocabulary_changed(using)
