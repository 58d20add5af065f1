# ruff: noqa: S608  (SQL here is built from constant table and column names only)
"""What the embedded backend filters, counts and sorts on, held in memory per process.

A ``FilterSnapshot`` holds, for every indexed document, the attributes a search filters
or sorts on, as sets of document ids (``search/backends/bitsets.py``): status, kind,
free of charge, age range, every facet value (with its label), and, loaded on first
use, the locations and the order of the titles. Filtering and counting facets are then
set operations in Python instead of joins over every matching row, which is what made
searching slow at 10,000 documents and more (decision 24).

A snapshot belongs to one ``IndexState.documents_version``: every write to the index
changes that number, and the next search in each process builds a new snapshot
(about a second per 100,000 documents on the development machine). Between the two, a
search sees the index as it was when the snapshot was taken, plus any document the
full-text engine already finds but the snapshot does not know, which is left out.
"""

from __future__ import annotations

import math
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from search.analysis import normalise
from search.backends import bitsets
from search.backends.base import FACETS, FacetValue, Query
from search.models import IndexedDocument, IndexedFacet, IndexedLocation

DOCUMENT_TABLE = IndexedDocument._meta.db_table
FACET_TABLE = IndexedFacet._meta.db_table
LOCATION_TABLE = IndexedLocation._meta.db_table
# Placed after every known title when a document is newer than the snapshot.
UNKNOWN_TITLE = 1 << 62


@dataclass
class FilterSnapshot:
    version: int
    using: str
    everything: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    free: int = 0
    # (age_min, age_max, documents with exactly these limits); None is open.
    age_ranges: list[tuple[int | None, int | None, int]] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    _by_age: dict[int, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _title_order: dict[int, int] | None = None
    _locations: tuple[dict, dict] | None = None
    _located: int = 0

    # --- Filtering and counting -----------------------------------------------------

    def allowed(self, query: Query) -> int:
        """The documents that pass the query's filters (not its words)."""
        bits = bitsets.union(self.by_status.get(s, 0) for s in query.statuses)
        if query.kinds:
            bits &= bitsets.union(self.by_kind.get(k, 0) for k in query.kinds)
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
                known = self.facets.get(facet, {})
                bits &= bitsets.union(known.get(value, 0) for value in values)
        return bits

    def of_age(self, age: int) -> int:
        """Documents for this age: ``age_min <= age <= age_max``, a missing limit open."""
        found = self._by_age.get(age)
        if found is None:
            found = bitsets.union(
                bits
                for low, high, bits in self.age_ranges
                if (low is None or low <= age) and (high is None or high >= age)
            )
            self._by_age[age] = found
        return found

    def facet_counts(self, result: int) -> dict[str, list[FacetValue]]:
        """Per facet the values present in ``result``, most frequent first."""
        counted: dict[str, list[FacetValue]] = {name: [] for name in FACETS}
        for facet, values in self.facets.items():
            if facet not in counted:
                continue
            for value, bits in values.items():
                count = (result & bits).bit_count()
                if count:
                    label = self.labels.get((facet, value))
                    counted[facet].append(FacetValue(value, count, label))
        for items in counted.values():
            items.sort(
                key=lambda item: (-item.count, normalise(item.label or item.value))
            )
        return counted

    # --- Sorting ----------------------------------------------------------------------

    def title_position(self, document: int) -> int:
        """Where the document's title comes in title order (for ties)."""
        if self._title_order is None:
            with self._lock:
                if self._title_order is None:
                    self._title_order = _title_order(self.using)
        return self._title_order.get(document, UNKNOWN_TITLE)

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
                    single, several = _locations(self.using)
                    self._located = bitsets.from_ids([*single, *several])
                    self._locations = (single, several)
        return self._locations


# --- Building -------------------------------------------------------------------------


def build(version: int, using: str) -> FilterSnapshot:
    """Read the filter attributes and facets of every indexed document (two queries).

    Both queries read an index in its own order (``pactsearch_doc_filters``, the facet
    index) and hand over the ids per group in one string or array.
    """
    from django.db import connections

    connection = connections[using]
    snapshot = FilterSnapshot(version=version, using=using)
    ages: defaultdict[tuple, int] = defaultdict(int)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT status, kind, is_free, age_min, age_max, "
            f"{bitsets.ids_sql('id', connection.vendor)} FROM {DOCUMENT_TABLE} "
            "GROUP BY status, kind, is_free, age_min, age_max"
        )
        for status, kind, is_free, age_min, age_max, ids in cursor.fetchall():
            members = bitsets.from_aggregate(ids)
            snapshot.everything |= members
            snapshot.by_status[status] = snapshot.by_status.get(status, 0) | members
            snapshot.by_kind[kind] = snapshot.by_kind.get(kind, 0) | members
            if is_free:
                snapshot.free |= members
            ages[(age_min, age_max)] |= members
        snapshot.age_ranges = [(low, high, b) for (low, high), b in ages.items()]
        # The label of the value's first document: one row read per value, where
        # MIN(label) would read every row of the table.
        cursor.execute(
            f"SELECT f.facet, f.value, {bitsets.ids_sql('f.document_id', connection.vendor)}, "
            f"(SELECT l.label FROM {FACET_TABLE} l WHERE l.facet = f.facet "
            "AND l.value = f.value ORDER BY l.document_id LIMIT 1) "
            f"FROM {FACET_TABLE} f GROUP BY f.facet, f.value"
        )
        for facet, value, ids, label in cursor.fetchall():
            snapshot.facets.setdefault(facet, {})[value] = bitsets.from_aggregate(ids)
            snapshot.labels[(facet, value)] = label
    return snapshot


def _title_order(using: str) -> dict[int, int]:
    from django.db import connections

    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT id FROM {DOCUMENT_TABLE} ORDER BY sort_title, id")
        return {row[0]: position for position, row in enumerate(cursor.fetchall())}


def _locations(using: str) -> tuple[dict, dict]:
    """(documents with one location: point, documents with several: points).

    Points are the fetched (document, lat, lng) rows themselves: building a new object
    per row made loading 100,000 locations several times slower.
    """
    from django.db import connections

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
                self._snapshot = build(version, self.using)
            return self._snapshot

    def forget(self) -> None:
        self._snapshot = None


def documents_version(using: str) -> int:
    from search.models import IndexState

    version = (
        IndexState.objects.using(using)
        .filter(pk=1)
        .values_list("documents_version", flat=True)
        .first()
    )
    return version or 0
