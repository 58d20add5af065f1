# ruff: noqa: S608  (SQL here is built from constant table and column names only)
"""What the embedded backend filters, counts and sorts on, held in memory per process.

A ``FilterSnapshot`` holds, for every indexed document, the attributes a search filters
on, as sets of document ids (``search/backends/bitsets.py``): status, kind, free of
charge, age range and every facet value (with its label); and, loaded on first use,
the locations and the order of the titles. Filtering and counting facets are then set
operations in Python instead of joins over every matching row, which is what made
searching slow at 10,000 documents and more (decision 24).

The sets are kept up to date by the writers: every write to the index patches the
stored sets (``IndexState.filters``, about 12 bytes per document per set) for the
documents it changed and gives ``IndexState.documents_version`` a new value, in the
writing transaction. A process whose snapshot has another version loads the stored
sets (one row); only when there are none (a fresh index) is a snapshot built from the
document and facet tables. ``rebuild`` builds them afresh at the end and stores them
when they differ, so a patching mistake cannot outlive the next ``search_reindex``.

A search sees the index as it was at that version, plus any document the full-text
engine already finds but the snapshot does not know, which is left out. The title order,
sort keys and locations a snapshot loads on first use are read in ``filter_reads.py``.
"""

from __future__ import annotations

import json
import math
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connections

from search.analysis import normalise
from search.backends import bitsets
from search.backends.base import FACETS, FacetValue, Query
from search.backends.filter_reads import (
    locations_read,
    sort_titles_read,
    title_order_read,
)
from search.models import IndexedDocument, IndexedFacet, IndexState

DOCUMENT_TABLE = IndexedDocument._meta.db_table
FACET_TABLE = IndexedFacet._meta.db_table
FORMAT = 1
EVERYTHING = ("everything",)
FREE = ("free",)

# A set's key: EVERYTHING, FREE, ("status", s), ("kind", k), ("age", min, max),
# ("facet", facet, value).
Key = tuple


class DocumentFilters(NamedTuple):
    """The filter attributes of one document, as a writer knows them."""

    status: str
    kind: str
    is_free: bool
    age_min: int | None
    age_max: int | None
    facets: tuple[tuple[str, str, str], ...]  # (facet, value, label)

    def set_keys(self) -> Iterable[Key]:
        yield EVERYTHING
        yield ("status", self.status)
        yield ("kind", self.kind)
        if self.is_free:
            yield FREE
        yield ("age", self.age_min, self.age_max)
        for facet, value, _label in self.facets:
            yield ("facet", facet, value)


@dataclass
class FilterSnapshot:
    version: int
    using: str
    sets: dict[Key, int] = field(default_factory=dict)
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    _by_age: dict[int, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _title_order: dict[int, int] | None = None
    _locations: tuple[dict, dict] | None = None
    _located: int = 0

    # --- Filtering and counting -----------------------------------------------------

    @property
    def everything(self) -> int:
        return self.sets.get(EVERYTHING, 0)

    @property
    def free(self) -> int:
        return self.sets.get(FREE, 0)

    def allowed(self, query: Query) -> int:
        """The documents that pass the query's filters (not its words)."""
        sets = self.sets
        bits = bitsets.union(sets.get(("status", s), 0) for s in query.statuses)
        if query.kinds:
            bits &= bitsets.union(sets.get(("kind", k), 0) for k in query.kinds)
        if query.is_free is True:
            bits &= self.free
        elif query.is_free is False:
            bits &= ~self.free
        if query.age is not None:
            bits &= self.of_age(query.age)
        for facet, values in (
            ("municipality", query.municipalities),
            ("category", query.categories),
            ("target_group", query.target_groups),
        ):
            if values:
                bits &= bitsets.union(sets.get(("facet", facet, v), 0) for v in values)
        return bits

    def of_age(self, age: int) -> int:
        """Documents for this age: ``age_min <= age <= age_max``, a missing limit open."""
        found = self._by_age.get(age)
        if found is None:
            found = bitsets.union(
                bits
                for key, bits in self.sets.items()
                if key[0] == "age"
                and (key[1] is None or key[1] <= age)
                and (key[2] is None or key[2] >= age)
            )
            self._by_age[age] = found
        return found

    def facet_counts(self, result: int) -> dict[str, list[FacetValue]]:
        """Per facet the values present in ``result``, most frequent first."""
        counted: dict[str, list[FacetValue]] = {name: [] for name in FACETS}
        for key, bits in self.sets.items():
            if key[0] != "facet" or key[1] not in counted:
                continue
            count = (result & bits).bit_count()
            if count:
                label = self.labels.get((key[1], key[2]))
                counted[key[1]].append(FacetValue(key[2], count, label))
        for items in counted.values():
            items.sort(
                key=lambda item: (-item.count, normalise(item.label or item.value))
            )
        return counted

    # --- Sorting ----------------------------------------------------------------------

    def title_position(self, document: int) -> int:
        """Where the document's title comes in title order (browsing without words)."""
        if self._title_order is None:
            with self._lock:
                if self._title_order is None:
                    self._title_order = title_order_read(self.using)
        return self._title_order.get(document, len(self._title_order))

    def title_keys(self, ids: Iterable[int]) -> dict[int, object]:
        """Sort keys by title for a few documents (ties), without the whole order."""
        if self._title_order is not None:
            return {document: self.title_position(document) for document in ids}
        return sort_titles_read(self.using, list(ids))

    @property
    def located(self) -> int:
        """The documents with at least one location."""
        self._load_locations()
        return self._located

    def nearness(self, ids: list[int], near: tuple[float, float]) -> dict[int, float]:
        """Per document a number that grows with the distance from ``near`` to its
        closest location (for sorting; infinite without a location).

        The squared distance on a flat map scaled by the cosine of the latitude: the
        order matches great-circle distance within a region.
        """
        single, several = self._load_locations()
        lat, lng = near
        scale = math.cos(math.radians(lat)) ** 2
        nearness = {
            document: (point[1] - lat) ** 2 + (point[2] - lng) ** 2 * scale
            for document in ids
            if (point := single.get(document)) is not None
        }
        for document in ids:
            if document not in nearness:
                nearness[document] = min(
                    (
                        (point[1] - lat) ** 2 + (point[2] - lng) ** 2 * scale
                        for point in several.get(document, ())
                    ),
                    default=math.inf,
                )
        return nearness

    def _load_locations(self) -> tuple[dict, dict]:
        """(documents with one location: (id, lat, lng), with more: list of those)."""
        if self._locations is None:
            with self._lock:
                if self._locations is None:
                    single, several = locations_read(self.using)
                    self._located = bitsets.from_ids([*single, *several])
                    self._locations = (single, several)
        return self._locations

    # --- Keeping up to date -----------------------------------------------------------

    def patched(self, changes: dict[int, DocumentFilters | None]) -> FilterSnapshot:
        """A copy with these documents' attributes replaced (None: removed)."""
        added: defaultdict[Key, list[int]] = defaultdict(list)
        labels = dict(self.labels)
        for document, found in changes.items():
            if found is None:
                continue
            for key in found.set_keys():
                added[key].append(document)
            for facet, value, label in found.facets:
                labels.setdefault((facet, value), label)
        keep = ~bitsets.from_ids(changes)
        sets = {}
        for key in self.sets.keys() | added.keys():
            bits = (self.sets.get(key, 0) & keep) | bitsets.from_ids(added.get(key, ()))
            if bits:
                sets[key] = bits
        labels = {
            pair: label for pair, label in labels.items() if ("facet", *pair) in sets
        }
        return FilterSnapshot(
            version=self.version, using=self.using, sets=sets, labels=labels
        )

    def to_bytes(self) -> bytes:
        """The sets and labels, in a stable order (equal snapshots, equal bytes)."""
        keys = sorted(self.sets, key=json.dumps)
        chunks = [
            self.sets[key].to_bytes((self.sets[key].bit_length() + 7) // 8, "little")
            for key in keys
        ]
        header = json.dumps(
            {
                "format": FORMAT,
                "sets": [
                    [list(key), len(chunk)]
                    for key, chunk in zip(keys, chunks, strict=True)
                ],
                "labels": sorted([*pair, label] for pair, label in self.labels.items()),
            },
            separators=(",", ":"),
        ).encode()
        return len(header).to_bytes(4, "little") + header + b"".join(chunks)

    @classmethod
    def from_bytes(
        cls, data: bytes | memoryview, version: int, using: str
    ) -> FilterSnapshot | None:
        """The snapshot ``to_bytes`` stored, or None when it cannot be read."""
        try:
            data = bytes(data)
            size = int.from_bytes(data[:4], "little")
            header = json.loads(data[4 : 4 + size])
            if header.get("format") != FORMAT:
                return None
            sets, position = {}, 4 + size
            for key, length in header["sets"]:
                sets[tuple(key)] = int.from_bytes(
                    data[position : position + length], "little"
                )
                position += length
            labels = {(facet, value): label for facet, value, label in header["labels"]}
        except (ValueError, KeyError, TypeError):
            return None
        return cls(version=version, using=using, sets=sets, labels=labels)


# --- Building -------------------------------------------------------------------------


def build(version: int, using: str) -> FilterSnapshot:
    """Read the filter attributes and facets of every indexed document (two queries).

    Both queries read an index in its own order (``pactsearch_doc_filters``, the facet
    index) and hand over the ids per group in one string or array.
    """
    connection = connections[using]
    sets: defaultdict[Key, int] = defaultdict(int)
    labels = {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT status, kind, is_free, age_min, age_max, "
            f"{bitsets.ids_sql('id', connection.vendor)} FROM {DOCUMENT_TABLE} "
            "GROUP BY status, kind, is_free, age_min, age_max"
        )
        for status, kind, is_free, age_min, age_max, ids in cursor.fetchall():
            members = bitsets.from_aggregate(ids)
            attributes = DocumentFilters(
                status, kind, bool(is_free), age_min, age_max, ()
            )
            for key in attributes.set_keys():
                sets[key] |= members
        # The label of the value's first document: one row read per value, where
        # MIN(label) would read every row of the table.
        cursor.execute(
            f"SELECT f.facet, f.value, {bitsets.ids_sql('f.document_id', connection.vendor)}, "
            f"(SELECT l.label FROM {FACET_TABLE} l WHERE l.facet = f.facet "
            "AND l.value = f.value ORDER BY l.document_id LIMIT 1) "
            f"FROM {FACET_TABLE} f GROUP BY f.facet, f.value"
        )
        for facet, value, ids, label in cursor.fetchall():
            sets[("facet", facet, value)] = bitsets.from_aggregate(ids)
            labels[(facet, value)] = label
    return FilterSnapshot(
        version=version,
        using=using,
        sets={key: bits for key, bits in sets.items() if bits},
        labels=labels,
    )


# --- The stored sets and the per-process cache --------------------------------------------


def stored(using: str, *, for_update: bool = False) -> FilterSnapshot | None:
    """The snapshot the writers keep in ``IndexState``, at its version."""
    rows = IndexState.objects.using(using).filter(pk=1)
    if for_update:
        rows = rows.select_for_update()
    row = rows.values_list("documents_version", "filters").first()
    if row is None or not row[1]:
        return None
    return FilterSnapshot.from_bytes(row[1], version=row[0], using=using)


class SnapshotCache:
    """One snapshot per process and database, replaced when the index changes."""

    def __init__(self, using: str) -> None:
        self.using = using
        self._lock = threading.Lock()
        self._snapshot: FilterSnapshot | None = None

    def current(self) -> FilterSnapshot:
        version = documents_version(self.using)
        snapshot = self._snapshot
        if snapshot is not None and snapshot.version == version:
            return snapshot
        with self._lock:
            if self._snapshot is None or self._snapshot.version != version:
                self._snapshot = stored(self.using) or build(version, self.using)
            return self._snapshot

    def forget(self) -> None:
        self._snapshot = None


def documents_version(using: str) -> int:
    version = (
        IndexState.objects.using(using)
        .filter(pk=1)
        .values_list("documents_version", flat=True)
        .first()
    )
    return version or 0
