"""Dutch text analysis shared by indexing and querying.

Every backend sees the same tokens: text is normalised (lower case, accents folded, only
letters and digits), stemmed with the Snowball Dutch stemmer (``dutch_porter``: the
algorithm PostgreSQL's ``dutch`` configuration uses, so SQLite, which does not stem,
behaves like PostgreSQL) and compound words are split into their parts.

Decompounding (see ``docs/decisions/0021-dutch-decompounding.md``): Dutch glues nouns
together ("schuldhulpverlening", "fietsenstalling"). A word is split where the parts are
known words and the split is more plausible than the whole word, following Koehn and
Knight (2003): the geometric mean of the parts' frequencies must beat the frequency of
the word itself. Frequencies come from ``wordfreq``'s Dutch word list; words of the
search index that ``wordfreq`` does not know count as known parts with a floor
frequency. Linking sounds between parts ("fiets-en-stalling", "betaling-s-achterstand",
"kind-er-opvang") are understood.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

TOKEN = re.compile(r"[a-z0-9]+")
_NON_TOKEN = re.compile(r"[^a-z0-9]+")

# Query words that carry no meaning for search. Not removed from the index (phrases in
# synonyms such as "rekeningen niet betalen" still match), only from queries.
STOPWORDS = frozenset(
    [
        "aan",
        "al",
        "alle",
        "als",
        "alsjeblieft",
        "alstublieft",
        "ben",
        "bent",
        "bij",
        "daar",
        "dan",
        "dat",
        "de",
        "deze",
        "die",
        "dit",
        "doe",
        "doen",
        "door",
        "dus",
        "een",
        "eens",
        "en",
        "er",
        "erg",
        "even",
        "geen",
        "graag",
        "had",
        "heb",
        "hebben",
        "hebt",
        "heeft",
        "heel",
        "het",
        "hier",
        "hij",
        "hoe",
        "hun",
        "ik",
        "in",
        "is",
        "ja",
        "je",
        "jij",
        "jou",
        "jouw",
        "kan",
        "kun",
        "kunnen",
        "kunt",
        "me",
        "mee",
        "meer",
        "mij",
        "mijn",
        "moet",
        "moeten",
        "mogen",
        "naar",
        "nee",
        "niet",
        "nodig",
        "nog",
        "nu",
        "of",
        "om",
        "ons",
        "onze",
        "ook",
        "op",
        "over",
        "per",
        "te",
        "tot",
        "u",
        "uit",
        "uw",
        "van",
        "veel",
        "voor",
        "waar",
        "wanneer",
        "want",
        "was",
        "wat",
        "we",
        "welk",
        "welke",
        "wie",
        "wij",
        "wil",
        "willen",
        "wilt",
        "word",
        "wordt",
        "worden",
        "ze",
        "zelf",
        "zij",
        "zijn",
        "zo",
        "zoek",
        "zoeken",
        "zou",
        "zouden",
    ]
)

# Irregular plurals and forms the Snowball stemmer leaves apart from their singular.
LEMMAS = {
    "kinderen": "kind",
    "kinder": "kind",
    "kids": "kind",
    "gezinnen": "gezin",
    "steden": "stad",
    "jongeren": "jongere",
    "ouderen": "oudere",
    "schoolkinderen": "schoolkind",
}

# Linking sounds allowed between the parts of a compound.
LINKING = ("", "s", "e", "en", "er")
MIN_PART = 4
# Short words that are real parts of Dutch compounds in this domain ("doemeepas").
SHORT_PARTS = frozenset(
    {
        "pas",
        "gas",
        "bed",
        "wet",
        "zak",
        "tas",
        "eet",
        "mee",
        "doe",
        "les",
        "box",
        "bon",
        "jas",
        "pet",
        "pan",
        "bus",
        "kar",
    }
)
MIN_COMPOUND = 7
# A part of a compound is split again only when it is this long: "stalling" and
# "goederen" are words, not "stal+ling" and "goed+eren".
MIN_NESTED_COMPOUND = 9
# Parts rarer than this (Zipf 2.7: about once in two million words) are not trusted.
MIN_PART_FREQUENCY = 5e-7
INDEX_WORD_FREQUENCY = 2e-6
SHORT_PART_FREQUENCY = 1e-5

_stemmer = snowballstemmer.stemmer("dutch_porter")


def normalise(text: str) -> str:
    """Lower case, accents folded, '&' read as 'en', everything else a space."""
    text = text or ""
    if not text.isascii():
        # Decomposed accents are not ASCII and drop out: "é" -> "e", "ĳ" -> "ij".
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace("&", " en ")
    return _NON_TOKEN.sub(" ", text).strip()


def tokenize(text: str) -> list[str]:
    return TOKEN.findall(normalise(text))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Dutch stem of one normalised word (digits are left alone)."""
    word = LEMMAS.get(word, word)
    if word.isdigit() or len(word) < 3:
        return word
    return _stemmer.stemWord(word)


def content_words(tokens: Iterable[str]) -> list[str]:
    return [token for token in tokens if token not in STOPWORDS]


# --- Decompounding ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def _dutch_frequencies() -> dict[str, float]:
    # Imported here: wordfreq takes about 0.2 s to import (python -X importtime), which
    # every process would pay at start-up; only decompounding needs it.
    import wordfreq

    return {
        word: frequency
        for word, frequency in wordfreq.get_frequency_dict(
            "nl", wordlist="best"
        ).items()
        if frequency >= MIN_PART_FREQUENCY and word.isalpha()
    }


class Decompounder:
    """Splits Dutch compound words using word frequencies (see the module docstring).

    ``extra_words`` are words of the search index: they count as parts even when the
    general Dutch word list does not know them (names of local schemes, for example).
    """

    def __init__(self, extra_words: Iterable[str] = ()) -> None:
        self.frequencies = _dutch_frequencies()
        self.extra = frozenset(
            w for w in extra_words if len(w) >= MIN_PART and w.isalpha()
        )
        self._cache: dict[str, tuple[str, ...]] = {}

    def frequency(self, word: str) -> float:
        found = self.frequencies.get(word)
        if found is not None:
            return found
        return INDEX_WORD_FREQUENCY if word in self.extra else 0.0

    def is_part(self, word: str) -> bool:
        if len(word) < MIN_PART and word not in SHORT_PARTS:
            return False
        if len(word) == MIN_PART and word not in self.extra:
            # Four letters: only common words ("bank", "hulp") or the stem of a common
            # verb ("zwem" of zwemmen), not "ling" or "eren".
            return any(
                self.frequency(form) >= SHORT_PART_FREQUENCY
                for form in (word, word + "en", word + word[-1] + "en")
            )
        return self.frequency(word) > 0

    def split(self, word: str) -> tuple[str, ...]:
        """The parts of ``word`` (outermost split first), or () when it is no compound.

        ``split("schuldhulpverlening") == ("schuld", "hulpverlening", "hulp", "verlening")``:
        every level is returned so that "hulpverlening" and "verlening" both match.
        """
        if len(word) < MIN_COMPOUND or not word.isalpha():
            return ()
        cached = self._cache.get(word)
        if cached is None:
            cached = tuple(self._split(word))
            self._cache[word] = cached
        return cached

    def _split(self, word: str) -> list[str]:
        best = self._best_split(word)
        if best is None:
            return []
        head, tail = best
        parts = [head, tail]
        for part in (head, tail):
            if len(part) >= MIN_NESTED_COMPOUND:
                parts.extend(p for p in self.split(part) if p not in parts)
        return parts

    def _best_split(self, word: str) -> tuple[str, str] | None:
        whole = self.frequency(word)
        best_score, best = whole, None
        for cut in range(3, len(word) - 2):
            head = word[:cut]
            if not self.is_part(head):
                continue
            for link in LINKING:
                if not word.startswith(link, cut):
                    continue
                tail = word[cut + len(link) :]
                if not self.is_part(tail):
                    # The tail may itself be a compound: "schuld|hulpverlening".
                    tail_parts = (
                        self._best_split(tail) if len(tail) >= MIN_COMPOUND else None
                    )
                    if tail_parts is None:
                        continue
                    score = _geometric_mean(
                        [self.frequency(head), *map(self.frequency, tail_parts)]
                    )
                else:
                    score = _geometric_mean(
                        [self.frequency(head), self.frequency(tail)]
                    )
                if score > best_score:
                    best_score, best = score, (head, tail)
        return best


def _geometric_mean(values: list[float]) -> float:
    if not values or min(values) <= 0:
        return 0.0
    return math.exp(sum(math.log(v) for v in values) / len(values))


# --- Field analysis --------------------------------------------------------------------


def analyse(text: str, decompounder: Decompounder) -> tuple[list[str], list[str]]:
    """(stems of the words, stems of the compound parts) of ``text``."""
    return analyse_tokens(tokenize(text), decompounder)


def analyse_tokens(
    tokens: list[str], decompounder: Decompounder
) -> tuple[list[str], list[str]]:
    stems = [stem(token) for token in tokens]
    parts = [stem(part) for token in tokens for part in decompounder.split(token)]
    return stems, parts
