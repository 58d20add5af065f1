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

The backend class and distance are here; preparing documents is in
``search/backends/database_rows.py``, the index state and vocabulary counts in
``search/backends/database_state.py``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from django.db import connections, transaction

from search import vocabulary
from search.backends import ranking
from search.backends.base import (
    FREE_FACET,
    Document,
    FacetValue,
    Hit,
    Query,
    ResultPage,
    SearchBackend,
)
from search.backends.database_rows import (
    CHUNK,
    FACET_TABLE,
    LOCATION_TABLE,
    UPDATE_FIELDS,
    batched,
    document_filters,
    document_row,
    facet_rows,
    prepare,
)
from search.backends.database_state import (
    documents_changed,
    filters_check,
    vocabulary_apply,
    vocabulary_changed,
    vocabulary_recount,
)
from search.backends.filters import DocumentFilters, SnapshotCache
from search.backends.fulltext import FTS_TABLE, FullText, for_vendor
from search.models import IndexedDocument, IndexedTerm


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
            vocabulary_apply(delta, self.using)
            documents_changed(self.using, {ids[d]: attributes[d] for d in changed})

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
            for chunk in batched(list(ids.values()), CHUNK):
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
        for chunk in batched(ids, CHUNK):
            IndexedDocument.objects.using(self.using).filter(id__in=chunk).delete()
        vocabulary_apply(delta, self.using)
        documents_changed(self.using, dict.fromkeys(ids))

    def rebuild(self, documents, *, batch_size=500, progress=None) -> int:
        """Upsert everything, then drop the documents that were not seen.

        Searches keep answering throughout: each batch commits on its own and the index
        is never empty. Unchanged documents are not rewritten, so rebuilding an index
        that is up to date writes nothing. The vocabulary is recounted at the end, which
        also repairs any drift from concurrent edits.
        """
        seen: set[str] = set()
        for batch in batched(documents, batch_size):
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
        for chunk in batched(stale, CHUNK):
            with transaction.atomic(using=self.using):
                self._delete_rows(objects.filter(id__in=chunk))
        vocabulary_recount(self.using)
        filters_check(self.using)
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
            vocabulary_changed(self.using)
            documents_changed(self.using, None)

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
