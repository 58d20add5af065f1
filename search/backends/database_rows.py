"""Preparing documents for the database backend: the analysed fields and vocabulary
words of a document, its row, its facet rows and the attributes the filter sets keep."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from search.analysis import Decompounder, analyse_tokens, normalise
from search.backends.base import FACETS, Document
from search.backends.filters import DocumentFilters
from search.models import IndexedDocument, IndexedFacet, IndexedLocation

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
        "data": json_safe(document),
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


def json_safe(document: Document) -> dict:
    data: dict[str, Any] = dict(document)
    checked = data.get("last_checked_on")
    if checked is not None and not isinstance(checked, str):
        data["last_checked_on"] = checked.isoformat()
    return data


def batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
