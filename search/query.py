"""From what someone typed to an analysed query.

1. Normalise and split into words ("Ik kan mijn húúr niet betalen!" -> ik kan mijn huur
   niet betalen).
2. Correct typos: a word the index does not know (not even as a stem or a compound of
   known parts) is corrected towards the index's vocabulary with SymSpell
   ("schuldhlup" -> "schuldhulp"). The last word is left alone while it is still the
   beginning of a known word (typing in progress).
3. Find synonym phrases, longest first ("rekeningen niet betalen" -> the schulden group).
4. Drop words without meaning ("ik", "kan", "mijn", "niet").
5. Every remaining word or phrase becomes a ``TermGroup``: its stem, its compound parts
   ("voedselpakket" -> voedsel + pakket), its synonyms, and for the last word a prefix
   match (autocomplete: "voedselb" finds "voedselbank").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from search.analysis import STOPWORDS, stem, tokenize
from search.backends.base import Alternative, TermGroup
from search.synonyms import SynonymTable
from search.vocabulary import Vocabulary

MAX_WORDS = 30
MAX_GROUPS = 8
MIN_PREFIX = 2


@dataclass
class ParsedQuery:
    original: str
    text: str
    groups: tuple[TermGroup, ...] = ()
    exact: tuple[Alternative, ...] = ()
    corrections: dict[str, str] = field(default_factory=dict)
    highlight: frozenset[str] = frozenset()
    highlight_prefixes: frozenset[str] = frozenset()

    @property
    def suggestion(self) -> str | None:
        """The corrected query, when a typo was corrected ("Bedoelde u ...?")."""
        return self.text if self.corrections else None


def parse(raw: str, *, vocabulary: Vocabulary, synonyms: SynonymTable) -> ParsedQuery:
    tokens = tokenize(raw)[:MAX_WORDS]
    original = " ".join(tokens)
    if not tokens:
        return ParsedQuery(original="", text="")
    typing = not raw[-1:].isspace()
    tokens, corrections = _correct(tokens, typing, vocabulary, synonyms)
    stems = [stem(token) for token in tokens]
    groups: list[TermGroup] = []
    highlight: set[str] = set()
    prefixes: set[str] = set()
    position = 0
    meaningful = [t for t in tokens if t not in STOPWORDS]
    while position < len(tokens) and len(groups) < MAX_GROUPS:
        length, phrases = synonyms.match(stems, position)
        is_last = position + max(length, 1) == len(tokens)
        complete_phrase = False
        if length:
            alternatives = [_phrase_alternative(phrase) for phrase in phrases]
            typed = tokens[position : position + length]
            # A phrase of several words typed in full ("food bank") is complete: its
            # last word is not the start of another ("bank" of "kredietbank").
            complete_phrase = length > 1
        else:
            token = tokens[position]
            length = 1
            if token in STOPWORDS and meaningful:
                position += 1
                continue
            alternatives = [Alternative((stems[position],))]
            parts = vocabulary.decompounder.split(token)
            if parts:
                # Both parts together, or the head alone: a "winterjas" is a "jas".
                alternatives.append(Alternative(tuple(stem(p) for p in parts[:2])))
                alternatives.append(Alternative((stem(parts[1]),)))
            typed = [token]
        if is_last and typing and not complete_phrase and len(typed[-1]) >= MIN_PREFIX:
            last = typed[-1]
            for fragment in dict.fromkeys((last, stem(last))):
                alternatives.append(Alternative((fragment,), prefix=True))
                prefixes.add(fragment)
        alternatives = list(dict.fromkeys(a for a in alternatives if a.terms))
        for alternative in alternatives:
            if not alternative.prefix:
                highlight.update(alternative.terms)
        groups.append(TermGroup(tuple(alternatives)))
        position += length
    # The words as typed: every word, then only the meaningful ones (ranking, see
    # ``Query.exact``).
    exact = [_typed(tokens, typing)]
    if meaningful and meaningful != tokens:
        exact.append(_typed(meaningful, typing and meaningful[-1] == tokens[-1]))
    return ParsedQuery(
        original=original,
        text=" ".join(tokens),
        groups=tuple(groups),
        exact=tuple(exact) if groups else (),
        corrections=corrections,
        highlight=frozenset(highlight),
        highlight_prefixes=frozenset(prefixes),
    )


def _typed(words: list[str], typing: bool) -> Alternative:
    """All ``words`` as typed; the last one as a prefix of its stem while typing."""
    terms = [stem(word) for word in words]
    last = terms.pop()
    return Alternative(
        (*dict.fromkeys(t for t in terms if t != last), last),
        prefix=typing and len(words[-1]) >= MIN_PREFIX,
    )


def _phrase_alternative(phrase: tuple[str, ...]) -> Alternative:
    content = [word for word in phrase if word not in STOPWORDS] or list(phrase)
    return Alternative(tuple(dict.fromkeys(stem(word) for word in content)))


def _correct(
    tokens: list[str], typing: bool, vocabulary: Vocabulary, synonyms: SynonymTable
) -> tuple[list[str], dict[str, str]]:
    corrected: list[str] = []
    corrections: dict[str, str] = {}
    for position, token in enumerate(tokens):
        is_last = position == len(tokens) - 1
        if (
            token in synonyms.words
            or vocabulary.knows(token)
            or (is_last and typing and vocabulary.is_prefix(token))
        ):
            corrected.append(token)
            continue
        fix = vocabulary.correct(token) or synonyms.correct(token)
        if fix and fix != token:
            corrections[token] = fix
            corrected.append(fix)
        else:
            corrected.append(token)
    return corrected, corrections
