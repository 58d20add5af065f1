"""The order of results in the embedded backend, computed from sets of document ids.

Only the documents that match the most of the query's words (groups) are results
(decision 0080): all of them when any document has them all. They are ordered by, in
turn (decision 20, refined by decisions 24 and 0080):

1. how many of the query's words (groups) a document matches (one level since 0080);
2. whether it contains the words as typed (``Query.exact``, strictest first);
3. with a point given: distance to its closest location, documents without one last;
4. whether the words occur in its title or keywords;
5. the engine's text score (``bm25`` / ``ts_rank``);
6. title, then id.

Criteria 1, 2 and 4 split the result into ordered parts with set operations
(``search/backends/bitsets.py``); parts before the requested page are only counted.
The text score, the expensive part, is computed only for the parts the page falls in,
so the cost follows the size of those parts rather than the number of matches.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise

from search.backends import bitsets
from search.backends.base import Query
from search.backends.filters import FilterSnapshot
from search.backends.fulltext import FullText

Ranked = list[tuple[int, float]]  # (document id, text score)
Order = Callable[[int, int, int], Ranked]  # (part, first position, end position)


@dataclass
class TextMatch:
    """The documents matching a query's words: per group, per typed form, in all."""

    fulltext: FullText
    cursor: object
    expression: str
    groups: list[int]
    exact: list[int]
    any: int
    _top_fields: int | None = field(default=None, repr=False)

    @classmethod
    def find(cls, fulltext: FullText, cursor, query: Query) -> TextMatch:
        expression = fulltext.expression(query.groups)
        per_group = (
            [fulltext.expression((group,)) for group in query.groups]
            if len(query.groups) > 1
            else [expression]
        )
        found = fulltext.matching(
            cursor, per_group + [fulltext.alternative(a) for a in query.exact]
        )
        groups = found[: len(per_group)]
        return cls(
            fulltext=fulltext,
            cursor=cursor,
            expression=expression,
            groups=groups,
            exact=found[len(per_group) :],
            any=bitsets.union(groups),
        )

    def best_level(self, allowed: int) -> int:
        """The allowed documents that match the most word groups (decision 0080).

        Every group when any document matches them all ("geen geld voor eten": food
        *and* money), else all but one, and so on: a query of several words narrows
        instead of widening, and a word found nowhere does not empty the result.
        """
        result = allowed & self.any
        if len(self.groups) < 2:
            return result
        for level in bitsets.count_levels(result, self.groups)[:-1]:
            if level:
                return level
        return 0

    def top_fields(self) -> int:
        """Documents with a query word in the title or keywords (queried once)."""
        if self._top_fields is None:
            self._top_fields = self.fulltext.matching(
                self.cursor, [self.expression], top_fields=True
            )[0]
        return self._top_fields

    def scores(self, ids: list[int]) -> dict[int, float]:
        return dict(self.fulltext.scores(self.cursor, self.expression, ids))

    def best(self, ids: list[int], count: int) -> dict[int, float]:
        """Scores of the ``count`` best of ``ids`` and of any tied with the last."""
        return dict(self.fulltext.best(self.cursor, self.expression, ids, count))


def page(
    query: Query, result: int, match: TextMatch | None, snapshot: FilterSnapshot
) -> Ranked:
    """The documents at positions ``query.offset`` to ``offset + limit`` of ``result``."""
    start, stop = query.offset, query.offset + query.limit
    chosen: Ranked = []
    position = 0
    for part, order in _parts(query, result, match, snapshot):
        size = part.bit_count()
        if not size:
            continue
        if position + size > start:
            chosen += order(part, max(0, start - position), min(size, stop - position))
        position += size
        if position >= stop:
            break
    return chosen


def _parts(
    query: Query, result: int, match: TextMatch | None, snapshot: FilterSnapshot
) -> Iterator[tuple[int, Order]]:
    """The result in ordered parts, each with how to order inside it (lazily)."""
    if match is None:
        inside: Order = partial(_by_title, snapshot)
    else:
        inside = partial(_by_score, match, snapshot)
    for tier in _tiers(result, match):
        if query.near:
            located = tier & snapshot.located
            yield located, partial(_by_distance, query.near, match, snapshot)
            tier &= ~located
        if match is None:
            yield tier, inside
        else:
            top = match.top_fields()
            yield tier & top, inside
            yield tier & ~top, inside


def _tiers(result: int, match: TextMatch | None) -> Iterator[int]:
    if match is None:
        yield result
        return
    if len(match.groups) > 1:
        # In every group, in all but one, ...; "in none" is empty within the result.
        levels = bitsets.count_levels(result, match.groups)[:-1]
    else:
        levels = [result]
    for level in levels:
        yield from _split(level, match.exact)


def _split(bits: int, flags: list[int]) -> Iterator[int]:
    """``bits`` in 2^n parts: in every flag set first, in none last."""
    if not flags:
        yield bits
    elif bits:
        yield from _split(bits & flags[0], flags[1:])
        yield from _split(bits & ~flags[0], flags[1:])


def _by_title(snapshot: FilterSnapshot, part: int, first: int, end: int) -> Ranked:
    nearest = heapq.nsmallest(
        end, bitsets.members(part), key=lambda d: (snapshot.title_position(d), d)
    )
    return [(document, 0.0) for document in nearest[first:end]]


def _by_score(
    match: TextMatch, snapshot: FilterSnapshot, part: int, first: int, end: int
) -> Ranked:
    scores = match.best(bitsets.members(part), end)
    best = _sorted(scores, lambda d: -scores[d], snapshot)
    return [(document, scores[document]) for document in best[first:end]]


def _by_distance(
    near: tuple[float, float],
    match: TextMatch | None,
    snapshot: FilterSnapshot,
    part: int,
    first: int,
    end: int,
) -> Ranked:
    ids = bitsets.members(part)
    distance = snapshot.nearness(ids, near)
    nearest = heapq.nsmallest(end, ids, key=distance.__getitem__)
    # Later criteria only decide between equal distances: look at those alone.
    boundary = distance[nearest[-1]] if nearest else math.inf
    candidates = [d for d in ids if distance[d] <= boundary]
    scores: dict[int, float] = {}
    if match is None:
        ordered = _sorted(candidates, distance.__getitem__, snapshot)
    else:
        scores = match.scores(candidates)
        top = match.top_fields()
        ordered = _sorted(
            candidates,
            lambda d: (distance[d], not (top >> d) & 1, -scores.get(d, 0.0)),
            snapshot,
        )
    return [(document, scores.get(document, 0.0)) for document in ordered[first:end]]


def _sorted(ids: Iterable[int], key: Callable, snapshot: FilterSnapshot) -> list[int]:
    """``ids`` by ``key``, then by title and id; titles are read for ties only."""
    ordered = sorted(ids, key=key)
    tied = {
        document
        for before, after in pairwise(ordered)
        if key(before) == key(after)
        for document in (before, after)
    }
    if not tied:
        return ordered
    titles = snapshot.title_keys(tied)
    return sorted(ordered, key=lambda d: (key(d), titles.get(d, ""), d))
