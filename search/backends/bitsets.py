"""Sets of document ids as Python integers: bit n is set when document n is in the set.

The embedded backend counts and ranks with these (see ``docs/decisions/0024-*.md``):
intersecting, uniting and counting sets of 100,000 documents costs microseconds
(``a & b``, ``a | b``, ``a.bit_count()``), where the same work in SQL visits every
matching row again for every facet value.

The database hands sets over as 64-bit words, one row per word:
``SELECT id >> 6, <OR of 1 << (id & 63)> ... GROUP BY 1`` (see ``word_sql``), about fifty
times fewer rows than one per document.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress

WORD_BITS = 64
_MASK = (1 << WORD_BITS) - 1
_ZERO_ONE = bytes.maketrans(b"01", b"\x00\x01")


def word_sql(column: str, vendor: str) -> tuple[str, str]:
    """(word number, word) SQL expressions for the ids in ``column``, to GROUP BY 1."""
    if vendor == "postgresql":
        return f"{column} >> 6", f"bit_or(1::bigint << ({column} & 63)::int)"
    # SQLite has no bitwise aggregate; within one word every bit occurs once, so the
    # sum is the OR. Bit 63 reads as a negative number, which ``from_words`` undoes.
    return f"{column} >> 6", f"SUM(1 << ({column} & 63))"


def ids_sql(column: str, vendor: str) -> str:
    """An aggregate of the ids in ``column`` for ``from_aggregate``."""
    if vendor == "postgresql":
        return f"array_agg({column})"
    return f"group_concat({column})"


def from_aggregate(value: str | list[int] | None) -> int:
    """The set of an ``ids_sql`` aggregate: a list (PostgreSQL) or "1,2,3" (SQLite)."""
    if not value:
        return 0
    if isinstance(value, str):
        return from_ids(map(int, value.split(",")))
    return from_ids(value)


def from_words(rows: Iterable[tuple[int, int]]) -> int:
    """The set of (word number, 64-bit word) rows; words may repeat (they are ORed)."""
    words: dict[int, int] = {}
    for number, word in rows:
        number = int(number)
        words[number] = words.get(number, 0) | (int(word) & _MASK)
    if not words:
        return 0
    buffer = bytearray(8 * (max(words) + 1))
    for number, word in words.items():
        buffer[8 * number : 8 * number + 8] = word.to_bytes(8, "little")
    return int.from_bytes(buffer, "little")


def from_ids(ids: Iterable[int]) -> int:
    ids = list(ids)
    if not ids:
        return 0
    buffer = bytearray(max(ids) // 8 + 1)
    for number in ids:
        buffer[number >> 3] |= 1 << (number & 7)
    return int.from_bytes(buffer, "little")


def members(bits: int) -> list[int]:
    """The ids in the set, ascending."""
    if bits <= 0:
        return []
    # The binary digits, lowest bit first, as bytes 0/1: compress() does the rest in C.
    flags = bin(bits)[:1:-1].encode().translate(_ZERO_ONE)
    return list(compress(range(len(flags)), flags))


def union(sets: Iterable[int]) -> int:
    result = 0
    for bits in sets:
        result |= bits
    return result


def count_levels(base: int, sets: list[int]) -> list[int]:
    """The members of ``base`` by how many of ``sets`` they are in: most first.

    Returns ``len(sets) + 1`` sets: in all of them, in all but one, ..., in none.
    """
    levels = [base]  # levels[k]: in exactly k of the sets seen so far
    for bits in sets:
        shifted = [0] * (len(levels) + 1)
        for k, level in enumerate(levels):
            shifted[k] |= level & ~bits
            shifted[k + 1] |= level & bits
        levels = shifted
    return levels[::-1]
