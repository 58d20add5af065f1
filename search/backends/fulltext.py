# ruff: noqa: S608  (SQL here is built from constant names and %s placeholders only;
# every value travels as a query parameter)
"""The full-text part of the embedded index, which differs per database.

* PostgreSQL: weighted ``tsvector`` columns on the document table with GIN indexes
  (``simple`` configuration: the text arrives analysed by ``search/analysis.py``),
  ``search_vector`` for every field and ``search_vector_a`` for the title and keywords
  only; scored with ``ts_rank``.
* SQLite: an FTS5 table whose rowid is the document id, scored with ``bm25``.

Each dialect answers three questions: which documents match an expression (as a set of
ids, ``search/backends/bitsets.py``), which match it in the title or keywords, and the
text score of given documents. Everything else (filters, facets, order) is decided
outside the database (``search/backends/database.py``, decision 24).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from django.db import ProgrammingError, transaction

from search.backends import bitsets
from search.backends.base import Alternative, TermGroup
from search.models import IndexedDocument

# Full-text fields, most important first, with their weight.
FIELDS = ("title", "keywords", "summary", "meta", "body")
TOP_FIELDS = ("title", "keywords")
SQLITE_WEIGHTS = (10.0, 6.0, 4.0, 3.0, 1.0)
POSTGRES_WEIGHT_CLASS = {
    "title": "A",
    "keywords": "A",
    "summary": "B",
    "meta": "B",
    "body": "D",
}
CHUNK = 500
DOCUMENT_TABLE = IndexedDocument._meta.db_table
FTS_TABLE = "pactsearch_fts"
GIN_INDEXES = ("pactsearch_document_vector", "pactsearch_document_vector_a")


class FullText:
    """How one database stores, matches and scores the analysed text."""

    def write(self, cursor, rows: list[tuple[int, dict]]) -> None:
        raise NotImplementedError

    def remove(self, cursor, ids: list[int]) -> None:
        raise NotImplementedError

    def expression(self, groups: Sequence[TermGroup]) -> str:
        """Any of the groups (each group: any of its alternatives)."""
        raise NotImplementedError

    def alternative(self, alternative: Alternative) -> str:
        raise NotImplementedError

    def matching(
        self, cursor, expressions: Sequence[str], *, top_fields: bool = False
    ) -> list[int]:
        """Per expression the set of documents matching it (in the title or keywords
        only, with ``top_fields``)."""
        raise NotImplementedError

    def scores(
        self, cursor, expression: str, ids: list[int], best: int | None = None
    ) -> list[tuple[int, float]]:
        """(id, text score) of these documents for ``expression``, best first; only the
        ``best`` first when given."""
        raise NotImplementedError

    def best(
        self, cursor, expression: str, ids: list[int], count: int
    ) -> list[tuple[int, float]]:
        """The ``count`` best scored of ``ids``, and every one tied with the last.

        The database sorts and cuts; only when a tie crosses the cut (documents with
        the same words as often) are all scores read, once.
        """
        rows = self.scores(cursor, expression, ids, best=count + 1)
        if len(rows) <= count:
            return rows
        if rows[count][1] != rows[count - 1][1]:
            return rows[:count]
        # Which of the tied rows the database cut off is arbitrary: keep them all.
        cut = rows[count - 1][1]
        return [row for row in self.scores(cursor, expression, ids) if row[1] >= cut]

    def tidy(self, cursor) -> None:
        """Bring the full-text index in shape after a bulk load (``rebuild``)."""


class SqliteFullText(FullText):
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
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )

    def alternative(self, alternative):
        terms = [f'"{term}"' for term in alternative.terms]
        if alternative.prefix:
            terms[-1] += "*"
        return terms[0] if len(terms) == 1 else "(" + " AND ".join(terms) + ")"

    def expression(self, groups):
        return " OR ".join(
            "(" + " OR ".join(self.alternative(a) for a in group.alternatives) + ")"
            for group in groups
        )

    def matching(self, cursor, expressions, *, top_fields=False):
        word, bits = bitsets.word_sql("rowid", "sqlite")
        found = []
        for expression in expressions:
            if top_fields:
                expression = f"{{{' '.join(TOP_FIELDS)}}} : ({expression})"
            cursor.execute(
                f"SELECT {word}, {bits} FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s GROUP BY 1",
                [expression],
            )
            found.append(bitsets.from_words(cursor.fetchall()))
        return found

    def scores(self, cursor, expression, ids, best=None):
        if not ids:
            return []
        weights = ", ".join(str(w) for w in SQLITE_WEIGHTS)
        # "+rowid": a plain rowid IN (...) makes FTS5 look every id up separately,
        # which is far slower than filtering the matches. bm25 is lower for better.
        # (Not named "rank": that is FTS5's own hidden column, with other weights.)
        cursor.execute(
            f"SELECT rowid, bm25({FTS_TABLE}, {weights}) AS score FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s "
            "AND +rowid IN (SELECT value FROM json_each(%s)) ORDER BY score LIMIT %s",
            [expression, json.dumps(ids), -1 if best is None else best],
        )
        return [(pk, -score) for pk, score in cursor.fetchall()]


class PostgresFullText(FullText):
    def write(self, cursor, rows):
        vector = " || ".join(
            f"setweight(to_tsvector('simple', %s), '{POSTGRES_WEIGHT_CLASS[name]}')"
            for name in FIELDS
        )
        cursor.executemany(
            f"UPDATE {DOCUMENT_TABLE} SET search_vector = {vector}, "
            "search_vector_a = setweight(to_tsvector('simple', %s), 'A') WHERE id = %s",
            [
                (
                    *(analysed.get(name, "") for name in FIELDS),
                    " ".join(analysed.get(name, "") for name in TOP_FIELDS),
                    pk,
                )
                for pk, analysed in rows
            ],
        )

    def remove(self, cursor, ids):
        """The vectors live in the document row: deleting the row removes them."""

    def alternative(self, alternative):
        terms = [f"'{term}'" for term in alternative.terms]
        if alternative.prefix:
            terms[-1] += ":*"
        return terms[0] if len(terms) == 1 else "(" + " & ".join(terms) + ")"

    def expression(self, groups):
        return " | ".join(
            "(" + " | ".join(self.alternative(a) for a in group.alternatives) + ")"
            for group in groups
        )

    def matching(self, cursor, expressions, *, top_fields=False):
        word, bits = bitsets.word_sql("id", "postgresql")
        column = "search_vector_a" if top_fields else "search_vector"
        found = []
        # The vectors are stored out of line (migration 0005), so a sequential scan
        # that tests every row's vector reads them all back; the planner does not know
        # that and picks one when many rows match. The GIN index answers these queries
        # exactly without reading a vector: insist on it, for these queries only (a
        # transaction-local setting, restored before the block ends).
        with transaction.atomic(using=cursor.db.alias):
            cursor.execute(
                "SELECT current_setting('enable_seqscan'), "
                "set_config('enable_seqscan', 'off', true)"
            )
            before = cursor.fetchone()[0]
            for expression in expressions:
                cursor.execute(
                    f"SELECT {word}, {bits} FROM {DOCUMENT_TABLE} "
                    f"WHERE {column} @@ to_tsquery('simple', %s) GROUP BY 1",
                    [expression],
                )
                found.append(bitsets.from_words(cursor.fetchall()))
            cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [before])
        return found

    def scores(self, cursor, expression, ids, best=None):
        if not ids:
            return []
        cursor.execute(
            f"SELECT id, ts_rank(search_vector, to_tsquery('simple', %s)) AS score "
            f"FROM {DOCUMENT_TABLE} WHERE id = ANY(%s) ORDER BY score DESC LIMIT %s",
            [expression, ids, best],
        )
        return [(pk, float(score)) for pk, score in cursor.fetchall()]

    def tidy(self, cursor):
        # New entries wait in each GIN index's pending list, which every query reads
        # in full until (auto)vacuum merges it: after a bulk load that made matching
        # several times slower. Merge them now.
        # Only the index's owner may: the application's database role (decision 0062)
        # leaves it to autovacuum.
        for index in GIN_INDEXES:
            try:
                with transaction.atomic():
                    cursor.execute(
                        "SELECT gin_clean_pending_list(%s::regclass)", [index]
                    )
            except ProgrammingError:
                return


def for_vendor(vendor: str) -> FullText:
    if vendor == "postgresql":
        return PostgresFullText()
    if vendor == "sqlite":
        return SqliteFullText()
    raise NotImplementedError(
        f"The database search backend needs SQLite or PostgreSQL, not {vendor}."
    )
