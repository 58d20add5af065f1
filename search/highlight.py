"""Highlighted titles and snippets, safe to put in HTML.

The words of a result that match the query (same stem, a compound containing a query
word, or the beginning typed so far) are wrapped in ``<mark>``. Everything else is
escaped, so text from editors can never inject markup. Shared by every backend, so
results look the same whichever answered.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.analysis import Decompounder, normalise, stem

WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_WORDS = 28
CONTEXT_BEFORE = 8


class Highlighter:
    def __init__(
        self,
        stems: frozenset[str],
        prefixes: frozenset[str],
        decompounder: Decompounder,
    ) -> None:
        self.stems = stems
        self.prefixes = tuple(p for p in prefixes if len(p) >= 2)
        self.decompounder = decompounder
        self._seen: dict[str, bool] = {}

    def matches(self, word: str) -> bool:
        known = self._seen.get(word)
        if known is None:
            known = self._matches(word)
            self._seen[word] = known
        return known

    def _matches(self, word: str) -> bool:
        token = normalise(word).replace(" ", "")
        if not token or not (self.stems or self.prefixes):
            return False
        if stem(token) in self.stems or token.startswith(self.prefixes):
            return True
        return any(stem(part) in self.stems for part in self.decompounder.split(token))

    def mark(self, text: str) -> SafeString:
        """``text`` escaped, with matching words in ``<mark>``."""
        return mark_safe("".join(self._pieces(text)))  # noqa: S308 (every piece escaped)

    def _pieces(self, text: str):
        position = 0
        for found in WORD.finditer(text):
            yield escape(text[position : found.start()])
            word = found.group()
            yield f"<mark>{escape(word)}</mark>" if self.matches(word) else escape(word)
            position = found.end()
        yield escape(text[position:])

    def snippet(self, *texts: str) -> SafeString:
        """A short passage of the first text with a match (else the first text)."""
        for text in texts:
            if text and any(self.matches(w) for w in WORD.findall(text)):
                return self.mark(_window(text, self))
        first = next((t for t in texts if t), "")
        return self.mark(_window(first, None))


def _window(text: str, highlighter: Highlighter | None) -> str:
    words = text.split()
    if len(words) <= SNIPPET_WORDS:
        return text
    start = 0
    if highlighter is not None:
        for index, word in enumerate(words):
            if any(highlighter.matches(w) for w in WORD.findall(word)):
                start = max(0, index - CONTEXT_BEFORE)
                break
    end = min(len(words), start + SNIPPET_WORDS)
    start = max(0, end - SNIPPET_WORDS)
    passage = " ".join(words[start:end])
    return ("… " if start else "") + passage + (" …" if end < len(words) else "")
