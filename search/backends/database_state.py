# ruff: noqa: S608  (SQL here is built from constant names and %s placeholders only;
# every value travels as a query parameter)
"""The database backend's index state (one ``IndexState`` row): the versions that tell
every process to reload its vocabulary or filter sets, the stored filter sets patched
on every write, and the vocabulary's document counts."""

from __future__ import annotations

import random
from collections import Counter

from django.db import connections, transaction

from search.backends import filters
from search.backends.database_rows import CHUNK, batched
from search.backends.filters import DocumentFilters
from search.models import IndexedDocument, IndexedTerm, IndexState


def index_state(using: str = "default") -> IndexState:
    state, _created = IndexState.objects.using(using).get_or_create(pk=1)
    return state


def new_version() -> int:
    return random.randint(1, 2**62)  # noqa: S311 (a cache token, not a secret)


def vocabulary_changed(using: str) -> None:
    index_state(using)
    IndexState.objects.using(using).filter(pk=1).update(
        vocabulary_version=new_version()
    )


def documents_changed(
    using: str, changes: dict[int, DocumentFilters | None] | None
) -> None:
    """Patch the stored filter sets for these documents (None: removed) and give the
    index a new ``documents_version``, inside the writing transaction.

    The row is locked first, so concurrent writers patch one after the other. With
    ``changes`` None, or no stored sets yet, the sets are built from the tables,
    which already hold this transaction's writes.
    """
    index_state(using)
    current = filters.stored(using, for_update=True) if changes is not None else None
    if current is not None and changes is not None:
        snapshot = current.patched(changes)
    else:
        snapshot = filters.build(0, using)
    IndexState.objects.using(using).filter(pk=1).update(
        documents_version=new_version(), filters=snapshot.to_bytes()
    )


def filters_check(using: str) -> None:
    """Build the filter sets from the tables and store them if the patched ones differ
    (after a rebuild: repairs any drift, and a label that changed for all documents)."""
    with transaction.atomic(using=using):
        index_state(using)
        current = filters.stored(using, for_update=True)
        built = filters.build(0, using).to_bytes()
        if current is None or current.to_bytes() != built:
            IndexState.objects.using(using).filter(pk=1).update(
                documents_version=new_version(), filters=built
            )


def vocabulary_apply(delta: Counter, using: str) -> None:
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
        for chunk in batched(sorted(changed), CHUNK):
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
        vocabulary_changed(using)


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
        vocabulary_changed(using)
