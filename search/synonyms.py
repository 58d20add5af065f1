"""Synonyms: the active ``SynonymGroup`` rows as a lookup table, cached per process.

A group is a set of phrases that mean the same ("schulden, geldzorgen, rekeningen niet
betalen"). Phrases are matched on stems, so "schuld" and "geldzorg" match too.
The cache is rebuilt when a group is added, changed or removed (one small query per
search compares the number of groups and the latest change).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count, Max, Q

from symspellpy import SymSpell, Verbosity

from search.analysis import stem, tokenize
from search.models import SynonymGroup
from search.vocabulary import LONG_WORD, SHORT_WORD

MAX_PHRASE_WORDS = 6


@dataclass
class SynonymTable:
    # stems of a phrase -> the phrases (as word lists) of every group it belongs to
    phrases: dict[tuple[str, ...], list[tuple[str, ...]]] = field(default_factory=dict)
    words: set[str] = field(default_factory=set)
    groups: list[list[str]] = field(default_factory=list)
    version: tuple = ()

    @classmethod
    def build(cls, groups: list[list[str]], version: tuple = ()) -> SynonymTable:
        table = cls(version=version, groups=groups)
        for terms in groups:
            phrases = [tuple(tokenize(term)) for term in terms]
            phrases = [p for p in phrases if p and len(p) <= MAX_PHRASE_WORDS]
            for phrase in phrases:
                key = tuple(stem(word) for word in phrase)
                known = table.phrases.setdefault(key, [])
                known.extend(p for p in phrases if p not in known)
                table.words.update(phrase)
        return table

    @cached_property
    def _symspell(self):
        speller = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for word in self.words:
            if len(word) > SHORT_WORD:
                speller.create_dictionary_entry(word, 1)
        return speller

    def correct(self, word: str) -> str | None:
        """The synonym word ``word`` was probably meant to be ("geldzorgn"), or None."""
        if len(word) <= SHORT_WORD or not word.isalpha() or not self.words:
            return None
        distance = 2 if len(word) >= LONG_WORD else 1
        found = self._symspell.lookup(
            word, Verbosity.CLOSEST, max_edit_distance=distance, transfer_casing=False
        )
        return found[0].term if found else None

    @property
    def longest(self) -> int:
        return max((len(key) for key in self.phrases), default=0)

    def match(self, stems: list[str], start: int) -> tuple[int, list[tuple[str, ...]]]:
        """The longest phrase starting at ``start``: (length, phrases of its groups)."""
        for length in range(min(self.longest, len(stems) - start), 0, -1):
            found = self.phrases.get(tuple(stems[start : start + length]))
            if found:
                return length, found
        return 0, []


_lock = threading.Lock()
_cached: SynonymTable | None = None


def _version() -> tuple:
    summary = SynonymGroup.objects.aggregate(
        active=Count("id", filter=Q(is_active=True)),
        total=Count("id"),
        latest=Max("updated_at"),
    )
    return (summary["active"], summary["total"], summary["latest"])


def current() -> SynonymTable:
    """This process's synonym table, rebuilt when the synonyms changed."""
    global _cached
    version = _version()
    cached = _cached
    if cached is not None and cached.version == version:
        return cached
    with _lock:
        groups = [
            group.term_list for group in SynonymGroup.objects.filter(is_active=True)
        ]
        _cached = SynonymTable.build([g for g in groups if len(g) > 1], version)
        return _cached


def forget() -> None:
    global _cached
    _cached = None
