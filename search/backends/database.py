# ruff: noqa: S608  (SQL here is built from constant names and %s placeholders only;
# every value travels as a query parameter)
"""The embedded search backend: full-text search inside the project's own database.

No extra server. Documents are stored flat (``IndexedDocument``) with their facet values
and locations in side tables; the full text goes to the database's own engine:

* PostgreSQL: a weighted ``tsvector`` column with a GIN index (``simple`` configuration:
  the text arrives already analysed by ``search/analysis.py``, with the same Snowball
  Dutch stemmer PostgreSQL's ``dutch`` configuration uses), ranked with ``ts_rank``;
* SQLite: an FTS5 table ranked with ``bm25``.

Text is analysed in Python for both, so the two databases find the same documents:
stems, compound parts (see ``analysis.Decompounder``), and words that matched as
prefixes. Ranking: first the number of query words a document matches (a page that
matches "huur" and "betalen" beats one that matches only "betalen"), then, when a
point is given, distance, then the engine's text score, then the title.

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
from search.models import (
    IndexedDocument,
    IndexedFacet,
    IndexedLocation,
    IndexedTerm,
    IndexState,
)

# Full-text fields, most important first, with their weight.
FIELDS = ("title", "keywords", "summary", "meta", "body")
SQLITE_WEIGHTS = (10.0, 6.0, 4.0, 3.0, 1.0)
POSTGRES_WEIGHT_CLASS = {
    "title": "A",
    "keywords": "A",
    "summary": "B",
    "meta": "B",
    "body": "D",
}
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
FTS_TABLE = "pactsearch_fts"
KM_PER_DEGREE = 111.2


# --- Preparing documents -----------------------------------------------------------------


def prepare(document: Document, decompounder: Decompounder) -> dict:
    """The analysed fields and vocabulary words of one document."""
    meta_parts = [
        document.get("organisation") or "",
        *document.get("category_names", []),
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


# --- Full-text dialects --------------------------------------------------------------------


class _Dialect:
    """How one database stores and matches the analysed text."""

    def write(self, cursor, rows: list[tuple[int, dict]]) -> None:
        raise NotImplementedError

    def remove(self, cursor, ids: list[int]) -> None:
        raise NotImplementedError

    def source(
        self, query: Query, *, ranked: bool = True
    ) -> tuple[str, list, str, str, list[str]]:
        """(SQL with CTEs and FROM, params, score, words matched, typed words matched)."""
        raise NotImplementedError


class _Sqlite(_Dialect):
    def write(self, cursor, rows):
        self.remove(cursor, [pk for pk, _ in rows])
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(FIELDS)}) "
            f"VALUES (%s, {', '.join(['%s'] * len(FIELDS))})",
            [
                (pk, *(analysed.get(name, "") for name in FIELDS))
                for pk, analysed in rows
            ],
        )

    def remove(self, cursor, ids):
        for chunk in _batched(ids, CHUNK):
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )

    def source(self, query, *, ranked=True):
        params: list = [_fts5_expression(query.groups)]
        rank = (
            f", bm25({FTS_TABLE}, {', '.join(str(w) for w in SQLITE_WEIGHTS)}) AS rank"
            if ranked
            else ""
        )
        ctes = [
            f"hits AS (SELECT rowid AS id{rank} "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
        ]
        matched = "1"
        if ranked and len(query.groups) > 1:
            flags = []
            for number, group in enumerate(query.groups):
                ctes.append(
                    f"g{number} AS (SELECT rowid AS id FROM {FTS_TABLE} "
                    f"WHERE {FTS_TABLE} MATCH %s)"
                )
                params.append(_fts5_expression((group,)))
                flags.append(f"(d.id IN g{number})")
            matched = " + ".join(flags)
        exact = []
        for number, alternative in enumerate(query.exact if ranked else ()):
            ctes.append(
                f"ex{number} AS (SELECT rowid AS id FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s)"
            )
            params.append(_fts5_alternative(alternative))
            exact.append(f"(d.id IN ex{number})")
        source = (
            f"WITH {', '.join(ctes)} SELECT {{columns}} FROM hits "
            f"JOIN {DOCUMENT_TABLE} d ON d.id = hits.id {{join}}"
        )
        return source, params, "(-hits.rank)", matched, exact


class _Postgres(_Dialect):
    def write(self, cursor, rows):
        vector = " || ".join(
            f"setweight(to_tsvector('simple', %s), '{POSTGRES_WEIGHT_CLASS[name]}')"
            for name in FIELDS
        )
        cursor.executemany(
            f"UPDATE {DOCUMENT_TABLE} SET search_vector = {vector} WHERE id = %s",
            [
                (*(analysed.get(name, "") for name in FIELDS), pk)
                for pk, analysed in rows
            ],
        )

    def remove(self, cursor, ids):
        """The vector lives in the document row: deleting the row removes it."""

    def source(self, query, *, ranked=True):
        params: list = [_tsquery_expression(query.groups)]
        columns = ["to_tsquery('simple', %s) AS q_all"]
        matched = "1"
        if ranked and len(query.groups) > 1:
            flags = []
            for number, group in enumerate(query.groups):
                columns.append(f"to_tsquery('simple', %s) AS q{number}")
                params.append(_tsquery_expression((group,)))
                flags.append(f"(d.search_vector @@ q.q{number})::int")
            matched = " + ".join(flags)
        exact = []
        for number, alternative in enumerate(query.exact if ranked else ()):
            columns.append(f"to_tsquery('simple', %s) AS qx{number}")
            params.append(_tsquery_alternative(alternative))
            exact.append(f"(d.search_vector @@ q.qx{number})::int")
        source = (
            f"WITH q AS (SELECT {', '.join(columns)}) SELECT {{columns}} "
            f"FROM {DOCUMENT_TABLE} d CROSS JOIN q {{join}} "
            "WHERE d.search_vector @@ q.q_all"
        )
        return source, params, "ts_rank(d.search_vector, q.q_all)", matched, exact


def _fts5_alternative(alternative) -> str:
    terms = [f'"{term}"' for term in alternative.terms]
    if alternative.prefix:
        terms[-1] += "*"
    return terms[0] if len(terms) == 1 else "(" + " AND ".join(terms) + ")"


def _fts5_expression(groups) -> str:
    return " OR ".join(
        "(" + " OR ".join(_fts5_alternative(a) for a in group.alternatives) + ")"
        for group in groups
    )


def _tsquery_alternative(alternative) -> str:
    terms = [f"'{term}'" for term in alternative.terms]
    if alternative.prefix:
        terms[-1] += ":*"
    return terms[0] if len(terms) == 1 else "(" + " & ".join(terms) + ")"


def _tsquery_expression(groups) -> str:
    return " | ".join(
        "(" + " | ".join(_tsquery_alternative(a) for a in group.alternatives) + ")"
        for group in groups
    )


# --- The backend -------------------------------------------------------------------------


class DatabaseBackend(SearchBackend):
    name = "database"

    def __init__(self, using: str = "default") -> None:
        self.using = using

    @property
    def connection(self):
        return connections[self.using]

    @property
    def dialect(self) -> _Dialect:
        vendor = self.connection.vendor
        if vendor == "postgresql":
            return _Postgres()
        if vendor == "sqlite":
            return _Sqlite()
        raise NotImplementedError(
            f"The database search backend needs SQLite or PostgreSQL, not {vendor}."
        )

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
            for doc_id, document in unique.items():
                values = document_row(document, prepared[doc_id])
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
                self.dialect.write(
                    cursor, [(ids[d], prepared[d]["analysed"]) for d in changed]
                )
            _vocabulary_apply(delta, self.using)

    def _write_side_tables(
        self, documents: dict[str, Document], ids: dict[str, int]
    ) -> None:
        """Replace the facet values and locations of these documents (plain SQL: the
        ORM's per-object overhead dominated bulk indexing)."""
        facets, locations = [], []
        for doc_id, document in documents.items():
            pk = ids[doc_id]
            record: dict[str, Any] = dict(document)
            for facet, (values_key, labels_key) in FACETS.items():
                values: list[str] = record.get(values_key) or []
                labels: list[str] = record.get(labels_key) or []
                for position, value in enumerate(dict.fromkeys(values)):
                    label = labels[position] if position < len(labels) else value
                    facets.append((pk, facet, value[:100], str(label)[:200]))
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
            self.dialect.remove(cursor, ids)
        for chunk in _batched(ids, CHUNK):
            IndexedDocument.objects.using(self.using).filter(id__in=chunk).delete()
        _vocabulary_apply(delta, self.using)

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

    # --- Reading ---------------------------------------------------------------------------

    def search(self, query: Query) -> ResultPage:
        """Count, facets and the page: three queries over the same matching set.

        Counting and facets use the match without ranking (no bm25/ts_rank per row);
        only the page query ranks.
        """
        where, where_params = _filters(query)
        if query.has_text:
            plain, plain_params, *_unused = self.dialect.source(query, ranked=False)
            ranked, ranked_params, score, matched, exact = self.dialect.source(query)
        else:
            plain = ranked = f"SELECT {{columns}} FROM {DOCUMENT_TABLE} d {{join}}"
            plain_params, ranked_params, score, matched, exact = [], [], "0", "0", []
        if where:
            condition = " AND ".join(where)
            plain, ranked = (
                sql
                + (" AND " if " WHERE " in sql.split("{join}")[1] else " WHERE ")
                + condition
                for sql in (plain, ranked)
            )
        with self.connection.cursor() as cursor:
            total, free_count = self._count(cursor, plain, (plain_params, where_params))
            rows = (
                self._page(
                    cursor,
                    query,
                    ranked,
                    (ranked_params, where_params),
                    score,
                    matched,
                    exact,
                )
                if total
                else []
            )
            facets = (
                self._facets(cursor, plain, (plain_params, where_params))
                if query.with_facets and total
                else {}
            )
        if query.with_facets:
            facets[FREE_FACET] = [FacetValue("true", free_count)] if free_count else []
        documents = IndexedDocument.objects.using(self.using).in_bulk(
            [pk for pk, _s in rows]
        )
        hits = []
        for pk, row_score in rows:
            document = documents[pk]
            data = document.data
            hits.append(
                Hit(
                    doc_id=document.doc_id,
                    document=data,
                    score=float(row_score or 0),
                    distance_km=distance_km(data.get("locations") or [], query.near),
                )
            )
        return ResultPage(total=total, hits=hits, facets=facets, backend=self.name)

    def _count(self, cursor, source, params) -> tuple[int, int]:
        cursor.execute(
            source.format(
                columns="COUNT(*), SUM(CASE WHEN d.is_free THEN 1 ELSE 0 END)", join=""
            ),
            params[0] + params[1],
        )
        total, free = cursor.fetchone()
        return int(total or 0), int(free or 0)

    def _page(self, cursor, query, source, params, score, matched, exact):
        # Constant expressions would read as column numbers in ORDER BY: leave them out.
        order = [f"({matched}) DESC"] if len(query.groups) > 1 else []
        order += [f"({flag}) DESC" for flag in exact]
        extra: list = []
        columns = f"d.id, {score}"
        if query.near:
            lat, lng = query.near
            scale = math.cos(math.radians(lat))
            distance = (
                f"(SELECT MIN((l.lat - %s) * (l.lat - %s) + (l.lng - %s) * (l.lng - %s) * %s) "
                f"FROM {LOCATION_TABLE} l WHERE l.document_id = d.id)"
            )
            columns += f", {distance} AS distance"
            extra = [lat, lat, lng, lng, scale * scale]
            order.append("distance NULLS LAST")
        if query.has_text:
            order.append(f"{score} DESC")
        order += ["d.sort_title", "d.id"]
        sql = (
            source.format(columns=columns, join="")
            + f" ORDER BY {', '.join(order)} LIMIT %s OFFSET %s"
        )
        cursor.execute(sql, params[0] + extra + params[1] + [query.limit, query.offset])
        return [(row[0], row[1]) for row in cursor.fetchall()]

    def _facets(self, cursor, source, params) -> dict[str, list[FacetValue]]:
        sql = source.format(
            columns="f.facet, f.value, MIN(f.label), COUNT(*)",
            join=f"JOIN {FACET_TABLE} f ON f.document_id = d.id",
        )
        cursor.execute(sql + " GROUP BY f.facet, f.value", params[0] + params[1])
        facets: dict[str, list[FacetValue]] = {name: [] for name in FACETS}
        for facet, value, label, count in cursor.fetchall():
            if facet in facets:
                facets[facet].append(
                    FacetValue(value=value, count=int(count), label=label)
                )
        for values in facets.values():
            values.sort(
                key=lambda item: (-item.count, normalise(item.label or item.value))
            )
        return facets


def _filters(query: Query) -> tuple[list[str], list]:
    where: list[str] = []
    params: list = []
    if query.statuses:
        where.append(f"d.status IN ({', '.join(['%s'] * len(query.statuses))})")
        params += list(query.statuses)
    if query.kinds:
        where.append(f"d.kind IN ({', '.join(['%s'] * len(query.kinds))})")
        params += list(query.kinds)
    if query.is_free is not None:
        where.append("d.is_free = %s")
        params.append(query.is_free)
    if query.age is not None:
        where.append(
            "(d.age_min IS NULL OR d.age_min <= %s) AND (d.age_max IS NULL OR d.age_max >= %s)"
        )
        params += [query.age, query.age]
    for facet, values in (
        ("municipality", query.municipalities),
        ("category", query.categories),
        ("target_group", query.target_groups),
    ):
        if values:
            where.append(
                f"d.id IN (SELECT document_id FROM {FACET_TABLE} WHERE facet = %s "
                f"AND value IN ({', '.join(['%s'] * len(values))}))"
            )
            params += [facet, *values]
    return where, params


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


def _vocabulary_changed(using: str) -> None:
    _state(using)
    IndexState.objects.using(using).filter(pk=1).update(
        vocabulary_version=random.randint(1, 2**62)  # noqa: S311 (a cache token, not a secret)
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
