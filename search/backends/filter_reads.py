# ruff: noqa: S608  (SQL here is built from constant table and column names only)
"""Reads of the document and location tables that a filter snapshot loads only when a
search needs them: the order of the titles, a few titles' sort keys, the locations."""

from __future__ import annotations

from django.db import connections

from search.models import IndexedDocument, IndexedLocation

DOCUMENT_TABLE = IndexedDocument._meta.db_table
LOCATION_TABLE = IndexedLocation._meta.db_table


def title_order_read(using: str) -> dict[int, int]:
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT id FROM {DOCUMENT_TABLE} ORDER BY sort_title, id")
        return {row[0]: position for position, row in enumerate(cursor.fetchall())}


def sort_titles_read(using: str, ids: list[int]) -> dict[int, object]:
    if not ids:
        return {}
    found: dict[int, object] = {}
    with connections[using].cursor() as cursor:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            cursor.execute(
                f"SELECT id, sort_title FROM {DOCUMENT_TABLE} "
                f"WHERE id IN ({', '.join(['%s'] * len(chunk))})",
                chunk,
            )
            found.update(cursor.fetchall())
    return found


def locations_read(using: str) -> tuple[dict, dict]:
    """(documents with one location: point, documents with several: points).

    Points are the fetched (document, lat, lng) rows themselves: building a new object
    per row made loading 100,000 locations several times slower.
    """
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT document_id, lat, lng FROM {LOCATION_TABLE}")
        rows = cursor.fetchall()
    single: dict[int, tuple] = {}
    again = []
    for row in rows:
        if row[0] in single:
            again.append(row)
        else:
            single[row[0]] = row
    several: dict[int, list[tuple]] = {}
    for row in again:
        several.setdefault(row[0], [single[row[0]]]).append(row)
    for document in several:
        del single[document]
    return single, several
