"""The interface every search backend implements, and the values it exchanges.

A backend stores *documents* (plain dicts of the shape ``Document``, made by
``search/documents.py`` from public pages) and answers a ``Query`` with a ``ResultPage``.
Backends know nothing about pages, users or permissions: the service layer
(``search/services.py``) decides what is indexed and who sees what.

Two implementations: ``database`` (embedded, SQLite FTS5 or PostgreSQL full-text search,
always kept up to date because it is the fallback) and ``meilisearch``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict

FACETS = {
    # facet name: (document key with the values, document key with the labels)
    "category": ("categories", "category_names"),
    "municipality": ("municipalities", "municipality_names"),
    "target_group": ("target_groups", "target_group_names"),
}
FREE_FACET = "is_free"
VISIBLE_STATUSES = ("active", "temporarily_closed")


class Location(TypedDict):
    lat: float
    lng: float


class Document(TypedDict):
    """What the sociale kaart hands to search for one public page."""

    id: str
    kind: str
    page_id: int
    title: str
    summary: str
    body: str
    url: str
    organisation: str
    organisation_slug: str
    municipalities: list[str]
    municipality_names: list[str]
    categories: list[str]
    category_names: list[str]
    target_groups: list[str]
    target_group_names: list[str]
    is_free: bool
    age_min: int | None
    age_max: int | None
    locations: list[Location]
    keywords: list[str]
    status: str
    last_checked_on: Any


@dataclass(frozen=True)
class Alternative:
    """One way to satisfy a query word: all ``terms`` (stems) must occur.

    ``prefix`` makes the last term match any word starting with it (autocomplete).
    """

    terms: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class TermGroup:
    """One word (or phrase) of the query with its spellings, parts and synonyms."""

    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True)
class Query:
    """A parsed search: analysed words plus filters, sort point and page window.

    ``text`` is the cleaned query as typed (typos corrected) for backends that analyse
    text themselves; ``groups`` is the analysed form for the database backend.
    """

    text: str = ""
    groups: tuple[TermGroup, ...] = ()
    # The words as typed (corrected, without synonyms), strictest first (every word,
    # then the meaningful words): documents containing them rank above documents that
    # match only through synonyms or other spellings.
    exact: tuple[Alternative, ...] = ()
    municipalities: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    is_free: bool | None = None
    age: int | None = None
    near: tuple[float, float] | None = None
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = VISIBLE_STATUSES
    offset: int = 0
    limit: int = 10
    with_facets: bool = True

    @property
    def has_text(self) -> bool:
        return bool(self.groups)


@dataclass
class Hit:
    doc_id: str
    document: dict
    score: float = 0.0
    distance_km: float | None = None


@dataclass
class FacetValue:
    value: str
    count: int
    label: str | None = None


@dataclass
class ResultPage:
    total: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    backend: str = ""


class BackendUnavailable(Exception):
    """The backend cannot be reached; the caller falls back to the database backend."""


class SearchBackend(ABC):
    name: str = ""

    @abstractmethod
    def upsert(self, documents: Sequence[Document]) -> None:
        """Add or replace these documents (matched by ``id``)."""

    @abstractmethod
    def delete(self, doc_ids: Sequence[str]) -> None:
        """Remove these documents; unknown ids are ignored."""

    @abstractmethod
    def search(self, query: Query) -> ResultPage:
        """Answer one query. Raises ``BackendUnavailable`` when unreachable."""

    @abstractmethod
    def rebuild(
        self,
        documents: Iterable[Document],
        *,
        batch_size: int = 500,
        progress: Callable[[int], None] | None = None,
    ) -> int:
        """Replace the whole index with ``documents`` while searches keep working.

        Returns the number of documents indexed.
        """

    @abstractmethod
    def document_ids(self) -> set[str]:
        """Ids of every indexed document (for checks and tests)."""

    @abstractmethod
    def clear(self) -> None:
        """Remove every document."""

    def apply_settings(self, *, synonyms: list[list[str]]) -> None:  # noqa: B027
        """Push index settings (synonyms etc.) where the backend keeps them itself."""
