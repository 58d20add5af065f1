"""The words of the index, cached per process: typo correction and compound parts.

The embedded index keeps a vocabulary table (``IndexedTerm``: every normalised word
of the indexed documents, and the parts of their compound words, with a document count).
Each process keeps one ``Vocabulary`` built from it and rebuilds it when
``IndexState.vocabulary_version`` moves (checked with one small query per search).

Typo correction uses SymSpell (``symspellpy``, symmetric delete spelling correction) over
that vocabulary: a word is only corrected towards a word that exists in the index, so a
correction can always find something.
"""

from __future__ import annotations

import bisect
import threading
from functools import cached_property

from symspellpy import SymSpell, Verbosity

from search.analysis import (
    STOPWORDS,
    Decompounder,
    _dutch_frequencies,
    stem,
)
from search.models import IndexedTerm, IndexState

# Up to this many characters no correction; then one edit; from LONG_WORD two edits.
SHORT_WORD = 4
LONG_WORD = 8
# A word this common in Dutch (Zipf 4: ten per million words) is taken as meant, even
# when the index does not contain it.
COMMON_DUTCH_WORD = 1e-5


class Vocabulary:
    def __init__(self, counts: dict[str, int], version: int = 0) -> None:
        self.counts = counts
        self.version = version
        self.sorted_words = sorted(counts)
        self.stems = {stem(word) for word in counts}
        self.decompounder = Decompounder(counts)

    @cached_property
    def _symspell(self):
        speller = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for word, count in self.counts.items():
            if len(word) > SHORT_WORD:
                speller.create_dictionary_entry(word, max(count, 1))
        return speller

    def knows(self, word: str) -> bool:
        """Is ``word`` a word of the index, or a form or compound of index words?"""
        if word in self.counts or word in STOPWORDS or word.isdigit():
            return True
        if stem(word) in self.stems:
            return True
        parts = self.decompounder.split(word)
        return bool(parts) and all(
            part in self.counts or stem(part) in self.stems for part in parts[:2]
        )

    def is_prefix(self, fragment: str) -> bool:
        """Does some index word start with ``fragment`` (typing in progress)?"""
        position = bisect.bisect_left(self.sorted_words, fragment)
        return position < len(self.sorted_words) and self.sorted_words[
            position
        ].startswith(fragment)

    def correct(self, word: str) -> str | None:
        """The index word ``word`` was probably meant to be, or None.

        Words of up to four letters are never corrected (too many near neighbours),
        and neither are common Dutch words the index happens not to contain.
        """
        if len(word) <= SHORT_WORD or not word.isalpha():
            return None
        if _dutch_frequencies().get(word, 0) >= COMMON_DUTCH_WORD:
            return None
        distance = 2 if len(word) >= LONG_WORD else 1
        suggestions = self._symspell.lookup(
            word, Verbosity.CLOSEST, max_edit_distance=distance, transfer_casing=False
        )
        if suggestions:
            return suggestions[0].term
        # A compound with a typo in one part: "schuldhlup" -> "schuld" + "hulp".
        return self._correct_compound(word, distance)

    def _correct_compound(self, word: str, distance: int) -> str | None:
        suggestions = self._symspell.lookup_compound(
            word, max_edit_distance=distance, transfer_casing=False
        )
        if not suggestions:
            return None
        best = suggestions[0]
        if best.distance == 0 or best.distance > distance:
            return None
        parts = best.term.split()
        if all(part in self.counts for part in parts):
            return "".join(parts)
        return None


_lock = threading.Lock()
_cached: Vocabulary | None = None


def current_version() -> int:
    version = (
        IndexState.objects.filter(pk=1)
        .values_list("vocabulary_version", flat=True)
        .first()
    )
    return version or 0


def current() -> Vocabulary:
    """This process's vocabulary, rebuilt when the index's vocabulary changed."""
    global _cached
    version = current_version()
    cached = _cached
    if cached is not None and cached.version == version:
        return cached
    with _lock:
        if _cached is None or _cached.version != version:
            _cached = load(version)
        return _cached


def load(version: int) -> Vocabulary:
    counts = dict(
        IndexedTerm.objects.filter(document_count__gt=0).values_list(
            "term", "document_count"
        )
    )
    return Vocabulary(counts, version)


def forget() -> None:
    """Drop this process's cached vocabulary (tests, after a flush)."""
    global _cached
    _cached = None
