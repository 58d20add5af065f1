"""Search: the only entry point for searching and for changing the index.

* ``search_site(query, user=..., filters=...)`` answers the public search page, the JSON
  API and anything else that searches the sociale kaart.
* ``index_object(page)`` / ``remove_object(page)`` keep the index in step with Wagtail
  publishing (called on commit by ``search/signals.py``); ``index_documents`` and
  ``remove_documents`` do the same for ready-made documents.
* ``reindex_all()`` rebuilds every index from the database (the source of truth).
* ``missed_search_record``, ``synonym_group_create``, ``synonyms_changed`` and
  ``postcode_areas_load`` are the other state changes of this app.

Two backends (``search/backends``): the database backend is always written, because it
is the fallback; Meilisearch is written and asked first when ``MEILISEARCH_URL`` is set.
When Meilisearch cannot be reached, searching answers from the database and the fault is
logged (the backend's name and the kind of error, never the query); writing goes on in
the database and ``search_reindex`` catches Meilisearch up later.

Only public content is indexed (``search/documents.py``), so results need no narrowing
per user; ``user`` is taken so that protected kinds of documents can be narrowed here
when they are added (see STYLE.md section 6: the backend is never trusted for access).
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.safestring import SafeString

from search import synonyms as synonym_cache
from search import vocabulary
from search.analysis import normalise, tokenize
from search.backends.base import (
    FACETS,
    FREE_FACET,
    BackendUnavailable,
    Document,
    FacetValue,
    Query,
    ResultPage,
    SearchBackend,
)
from search.backends.database import DatabaseBackend
from search.geo import Point
from search.highlight import Highlighter
from search.models import IndexedFacet, MissedSearch, PostcodeArea, SynonymGroup
from search.query import ParsedQuery, parse

log = logging.getLogger("search")

MAX_PER_PAGE = 50
MAX_PAGE = 1000
# After Meilisearch failed, ask the database for this long before trying again.
RETRY_AFTER_SECONDS = 30.0
MISSED_MAX_WORDS = 6
MISSED_MAX_LENGTH = 100


# --- Values ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchFilters:
    municipalities: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    age: int | None = None
    is_free: bool | None = None
    near: Point | None = None
    kinds: tuple[str, ...] = ()
    page: int = 1
    per_page: int = 10
    # Live results while typing are not counted as missed searches.
    count_missed: bool = True

    @property
    def narrows(self) -> bool:
        """Does any filter narrow the results (sorting by distance does not)?"""
        return bool(
            self.municipalities
            or self.categories
            or self.target_groups
            or self.age is not None
            or self.is_free is not None
            or self.kinds
        )


@dataclass
class Result:
    doc_id: str
    title: str
    summary: str
    url: str
    organisation: str
    kind: str
    municipalities: list[str]
    distance_km: float | None
    status: str
    is_free: bool
    title_html: SafeString
    snippet_html: SafeString

    def as_json(self) -> dict:
        return {
            "title": self.title,
            "summary": self.summary,
            "url": self.url,
            "organisation": self.organisation,
            "kind": self.kind,
            "municipalities": self.municipalities,
            "distance_km": self.distance_km,
            "status": self.status,
            "is_free": self.is_free,
            "title_html": str(self.title_html),
            "snippet_html": str(self.snippet_html),
        }


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    query: ParsedQuery
    filters: SearchFilters
    total: int
    results: list[Result]
    facets: dict[str, list[FacetOption]] = field(default_factory=dict)
    backend: str = ""

    @property
    def page(self) -> int:
        return self.filters.page

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.filters.per_page))

    @property
    def first_number(self) -> int:
        return (self.page - 1) * self.filters.per_page + 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    def as_json(self) -> dict:
        return {
            "total": self.total,
            "page": self.page,
            "pages": self.pages,
            "query": self.query.text,
            "suggestion": self.query.suggestion,
            "results": [result.as_json() for result in self.results],
            "facets": {
                name: [
                    {
                        "value": option.value,
                        "label": option.label,
                        "count": option.count,
                        "selected": option.selected,
                    }
                    for option in options
                ]
                for name, options in self.facets.items()
            },
        }


# --- Backends ----------------------------------------------------------------------------

_backends: dict[str, SearchBackend] = {}
_backends_lock = threading.Lock()
_unavailable_until: dict[str, float] = {}


def database_backend() -> DatabaseBackend:
    with _backends_lock:
        backend = _backends.get("database")
        if backend is None:
            backend = _backends["database"] = DatabaseBackend()
        return backend  # type: ignore[return-value]


def primary_backend() -> SearchBackend:
    """The backend searches go to first: Meilisearch when configured, else the database."""
    if settings.SEARCH_BACKEND == "meilisearch" and settings.MEILISEARCH_URL:
        with _backends_lock:
            backend = _backends.get("meilisearch")
            if backend is None:
                from search.backends.meilisearch import MeilisearchBackend

                backend = _backends["meilisearch"] = MeilisearchBackend(
                    url=settings.MEILISEARCH_URL,
                    api_key=settings.MEILISEARCH_API_KEY,
                    prefix=settings.MEILISEARCH_INDEX_PREFIX,
                )
            return backend
    return database_backend()


def write_backends() -> list[SearchBackend]:
    """Every backend that must hold the documents: the database one always first."""
    backends: list[SearchBackend] = [database_backend()]
    primary = primary_backend()
    if primary.name != "database":
        backends.append(primary)
    return backends


def backends_forget() -> None:
    """Forget configured backends and failure marks (settings changed, tests)."""
    with _backends_lock:
        _backends.clear()
        _unavailable_until.clear()


def _settings_changed(*, setting, **kwargs) -> None:
    if setting in {
        "SEARCH_BACKEND",
        "MEILISEARCH_URL",
        "MEILISEARCH_API_KEY",
        "MEILISEARCH_INDEX_PREFIX",
    }:
        backends_forget()


setting_changed.connect(_settings_changed)


def _unavailable(backend: SearchBackend, error: Exception) -> None:
    # The backend's name and the kind of fault only: never the query or a URL with it.
    log.warning(
        "Zoekdienst %s is niet bereikbaar (%s); de database-index neemt het over.",
        backend.name,
        type(error.__cause__ or error).__name__,
    )
    _unavailable_until[backend.name] = time.monotonic() + RETRY_AFTER_SECONDS


def _is_marked_unavailable(backend: SearchBackend) -> bool:
    return time.monotonic() < _unavailable_until.get(backend.name, 0.0)


# --- Searching ---------------------------------------------------------------------------


def search_site(
    query: str, *, user, filters: SearchFilters | None = None
) -> SearchResults:
    """Search the public sociale kaart.

    Corrects typos against the index's words, applies synonyms, matches compound words
    and prefixes, filters, counts facets and sorts by distance when ``filters.near`` is
    given. Never raises because a search server is down: the database answers instead.
    A search text that finds nothing, without narrowing filters, is counted in
    ``MissedSearch`` (the words only) unless ``filters.count_missed`` is off.
    """
    filters = filters or SearchFilters()
    filters = replace(
        filters,
        page=min(max(1, filters.page), MAX_PAGE),
        per_page=min(max(1, filters.per_page), MAX_PER_PAGE),
    )
    words = vocabulary.current()
    synonym_table = synonym_cache.current()
    parsed = parse(query or "", vocabulary=words, synonyms=synonym_table)
    backend_query = _backend_query(parsed, filters)
    page = _run(backend_query)
    if (
        page.total == 0
        and parsed.text
        and filters.count_missed
        and not _found_without_filters(parsed, filters)
    ):
        missed_search_record(query)
    highlighter = Highlighter(
        parsed.highlight, parsed.highlight_prefixes, words.decompounder
    )
    return SearchResults(
        query=parsed,
        filters=filters,
        total=page.total,
        results=[_result(hit, highlighter) for hit in page.hits],
        facets=_facet_options(page, filters),
        backend=page.backend,
    )


def _backend_query(parsed: ParsedQuery, filters: SearchFilters, **changes) -> Query:
    query = Query(
        text=parsed.text,
        groups=parsed.groups,
        exact=parsed.exact,
        municipalities=tuple(filters.municipalities),
        categories=tuple(filters.categories),
        target_groups=tuple(filters.target_groups),
        is_free=filters.is_free,
        age=filters.age,
        near=(filters.near.lat, filters.near.lng) if filters.near else None,
        kinds=tuple(filters.kinds),
        offset=(filters.page - 1) * filters.per_page,
        limit=filters.per_page,
    )
    return replace(query, **changes) if changes else query


def _run(query: Query) -> ResultPage:
    backend = primary_backend()
    if backend.name != "database" and not _is_marked_unavailable(backend):
        try:
            return backend.search(query)
        except BackendUnavailable as error:
            _unavailable(backend, error)
    return database_backend().search(query)


def _found_without_filters(parsed: ParsedQuery, filters: SearchFilters) -> bool:
    if not filters.narrows:
        return False
    query = _backend_query(parsed, SearchFilters(), limit=1, with_facets=False)
    return _run(query).total > 0


def _result(hit, highlighter: Highlighter) -> Result:
    document = hit.document
    title = document.get("title") or ""
    summary = document.get("summary") or ""
    return Result(
        doc_id=hit.doc_id,
        title=title,
        summary=summary,
        url=document.get("url") or "",
        organisation=document.get("organisation") or "",
        kind=document.get("kind") or "",
        municipalities=list(document.get("municipality_names") or []),
        distance_km=hit.distance_km,
        status=document.get("status") or "active",
        is_free=bool(document.get("is_free")),
        title_html=highlighter.mark(title),
        snippet_html=highlighter.snippet(summary, document.get("body") or ""),
    )


def _facet_options(
    page: ResultPage, filters: SearchFilters
) -> dict[str, list[FacetOption]]:
    selected = {
        "municipality": set(filters.municipalities),
        "category": set(filters.categories),
        "target_group": set(filters.target_groups),
        FREE_FACET: {"true"} if filters.is_free else set(),
    }
    facets: dict[str, list[FacetValue]] = {
        name: list(page.facets.get(name, [])) for name in [*FACETS, FREE_FACET]
    }
    # Keep chosen values visible (with 0) so they can be switched off again.
    for name, values in selected.items():
        present = {item.value for item in facets[name]}
        facets[name] += [FacetValue(value, 0) for value in sorted(values - present)]
    missing = {
        (name, item.value)
        for name, items in facets.items()
        if name != FREE_FACET
        for item in items
        if not item.label
    }
    labels = _facet_labels(missing)
    options: dict[str, list[FacetOption]] = {}
    for name, items in facets.items():
        options[name] = [
            FacetOption(
                value=item.value,
                label=_free_label()
                if name == FREE_FACET
                else (item.label or labels.get((name, item.value)) or item.value),
                count=item.count,
                selected=item.value in selected[name],
            )
            for item in items
        ]
    return options


def _free_label() -> str:
    from django.utils.translation import gettext

    return gettext("Gratis")


def _facet_labels(pairs: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    if not pairs:
        return {}
    rows = IndexedFacet.objects.filter(
        facet__in={facet for facet, _v in pairs}, value__in={v for _f, v in pairs}
    ).values_list("facet", "value", "label")
    labels = {(facet, value): label for facet, value, label in rows}
    if any(facet == "municipality" for facet, _v in pairs):
        from pact.models import Municipality

        for slug, name in Municipality.objects.values_list("slug", "name"):
            labels.setdefault(("municipality", slug), name)
    return labels


# --- Writing the index ---------------------------------------------------------------------


def index_documents(documents: Sequence[Document]) -> None:
    """Add or replace ready-made documents in every backend."""
    _write(lambda backend: backend.upsert(list(documents)))


def remove_documents(doc_ids: Sequence[str]) -> None:
    """Remove documents by id from every backend."""
    _write(lambda backend: backend.delete(list(doc_ids)))


def _write(action: Callable[[SearchBackend], None]) -> None:
    for backend in write_backends():
        if backend.name == "database":
            action(backend)
            continue
        try:
            action(backend)
        except BackendUnavailable as error:
            _unavailable(backend, error)


def index_object(obj, *, subtree: bool = False) -> None:
    """Bring the index in step with one page (and the pages its document touches).

    Public, live pages of the sociale kaart are (re)indexed; a page that is no longer
    searchable (unpublished, private, ended) is removed. Its parent is looked at again
    (an organisation's document sums up its services), and with ``subtree`` every page
    below it (a move changes their URLs). Called on commit by ``search/signals.py``.
    """
    from search import documents

    found, gone = documents.documents_for_pages(
        documents.related_pages(obj, subtree=subtree)
    )
    if found:
        index_documents(found)
    if gone:
        remove_documents(gone)


def remove_object(obj) -> None:
    """Remove one page from the index (it was deleted); its parent is looked at again."""
    from wagtail.models import Page

    from search import documents

    remove_documents(documents.ids_for_page(obj.pk))
    if obj.path and obj.depth and obj.depth > 1:
        parent = Page.objects.filter(path=obj.path[: -Page.steplen]).first()
        if parent is not None:
            found, gone = documents.documents_for_pages([parent.specific])
            if found:
                index_documents(found)
            if gone:
                remove_documents(gone)


def reindex_all(
    *,
    batch_size: int = 500,
    progress: Callable[[str, int], None] | None = None,
    documents: Callable[[], Iterable[Document]] | None = None,
) -> dict[str, int | str]:
    """Rebuild every backend from the database without taking search down.

    ``progress(backend_name, n)`` is called after each batch. Returns per backend the
    number of documents indexed, or the reason it failed (Meilisearch unreachable).
    """
    from search import documents as document_source

    source = documents or document_source.all_documents
    outcome: dict[str, int | str] = {}
    for backend in write_backends():

        def step(n: int, name: str = backend.name) -> None:
            if progress:
                progress(name, n)

        if backend.name == "database":
            outcome[backend.name] = backend.rebuild(
                source(), batch_size=batch_size, progress=step
            )
            continue
        try:
            backend.apply_settings(synonyms=synonym_cache.current().groups)
            outcome[backend.name] = backend.rebuild(
                source(), batch_size=batch_size, progress=step
            )
        except BackendUnavailable as error:
            _unavailable(backend, error)
            outcome[backend.name] = type(error.__cause__ or error).__name__
    return outcome


# --- Synonyms ------------------------------------------------------------------------------


def synonyms_changed() -> None:
    """Push the synonyms to backends that keep them themselves (after commit)."""
    synonym_cache.forget()

    def push() -> None:
        groups = synonym_cache.current().groups
        for backend in write_backends():
            if backend.name == "database":
                continue  # reads SynonymGroup at query time
            try:
                backend.apply_settings(synonyms=groups)
            except BackendUnavailable as error:
                _unavailable(backend, error)

    transaction.on_commit(push)


def synonym_group_create(
    *, terms: Sequence[str], actor=None, note: str = ""
) -> SynonymGroup:
    """A new synonym group (``actor`` None: data migration or demo seed)."""
    from django.core.exceptions import ValidationError

    cleaned = [term.strip() for term in terms if normalise(term)]
    if len(cleaned) < 2:
        raise ValidationError("Een synoniemengroep heeft minstens twee woorden nodig.")
    with transaction.atomic():
        group = SynonymGroup(terms=", ".join(cleaned), note=note)
        group.full_clean()
        group.save()
    synonyms_changed()
    return group


# --- Missed searches -------------------------------------------------------------------------

# Anything traceable: e-mail and web addresses, and every digit (phone numbers, BSN,
# house numbers, postcodes, dates). A search holding one is not kept at all.
_PERSONAL = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|\d", re.IGNORECASE)
# Capitalised words joined by a tussenvoegsel: "Jan de Vries", "Fatima el Amrani".
_TUSSENVOEGSELS = r"(?:van|de|der|den|het|ten|ter|te|in|op|la|le|el|al|da|di|du|'t)"
_NAME_WITH_TUSSENVOEGSEL = re.compile(
    rf"\b[A-ZÀ-Ý][\w'’-]+(?:\s+{_TUSSENVOEGSELS})+\s+[A-ZÀ-Ý][\w'’-]+"
)
# Two or more capitalised words in a row ("Hendrikje Qwazlowski")...
_CAPITALISED_RUN = re.compile(r"\b[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)+")
# ... count as a name when one of them is rare as an ordinary word (Zipf frequency in
# wordfreq's Dutch list; "Hendrikje" 2.3, "Tweedehands" 3.8, "Fietsen" 4.6).
NAME_WORD_MAX_ZIPF = 2.5


def _looks_like_a_name(text: str) -> bool:
    import wordfreq

    if _NAME_WITH_TUSSENVOEGSEL.search(text):
        return True
    for run in _CAPITALISED_RUN.findall(text):
        if any(
            wordfreq.zipf_frequency(word, "nl") < NAME_WORD_MAX_ZIPF
            for word in tokenize(run)
        ):
            return True
    return False


def _is_known_word(word: str) -> bool:
    """A Dutch word (``wordfreq``'s list) or a compound of Dutch words. A surname
    such as "Qwazlowski" is neither."""
    import wordfreq

    if wordfreq.zipf_frequency(word, "nl") > 0:
        return True
    return bool(_decompounder().split(word))


@lru_cache(maxsize=1)
def _decompounder():
    from search.analysis import Decompounder

    return Decompounder()


def missed_query_text(text: str) -> str:
    """What is kept of a search that found nothing: ordinary words only, or nothing.

    Not kept at all (``""`` is returned): a search with an e-mail or web address or any
    digit (phone numbers, BSN, house numbers, postcodes, dates); one that looks like a
    person's name (capitalised words joined by a tussenvoegsel, capitalised words in a
    row of which one is rare as an ordinary word, or a word that is neither Dutch nor a
    compound of Dutch words); and long stories (decision 0066).
    """
    text = text or ""
    if _PERSONAL.search(text) or _looks_like_a_name(text):
        return ""
    words = tokenize(text)
    if not words or len(words) > MISSED_MAX_WORDS:
        return ""
    if not all(_is_known_word(word) for word in words):
        return ""
    return " ".join(words)[:MISSED_MAX_LENGTH]


def missed_search_record(text: str) -> MissedSearch | None:
    """Count one search that found nothing (see ``missed_query_text``)."""
    query = missed_query_text(text)
    if not query:
        return None
    today = timezone.localdate()
    rows = MissedSearch.objects.filter(query=query)
    if not rows.update(count=F("count") + 1, last_seen_on=today):
        try:
            with transaction.atomic():
                MissedSearch.objects.create(
                    query=query, count=1, first_seen_on=today, last_seen_on=today
                )
        except IntegrityError:  # someone else counted the same words first
            rows.update(count=F("count") + 1, last_seen_on=today)
    return rows.first()


def missed_search_delete(*, missed: MissedSearch, actor) -> None:
    """Remove a counted search (handled: content or a synonym was added)."""
    from django.core.exceptions import PermissionDenied

    from pact.roles import can

    if not can(actor, "kaart.manage_taxonomy"):
        raise PermissionDenied
    missed.delete()


# --- Postcodes ----------------------------------------------------------------------------


def postcode_areas_load(*, rows: Iterable, replace_all: bool = False) -> int:
    """Store PC4 areas (rows of ``search.geo.read_postcode_csv``), all or nothing."""
    rows = list(rows)
    with transaction.atomic():
        if replace_all:
            PostcodeArea.objects.all().delete()
        PostcodeArea.objects.bulk_create(
            [
                PostcodeArea(code=r.code, lat=r.lat, lng=r.lng, place=r.place)
                for r in rows
            ],
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=["lat", "lng", "place"],
            batch_size=1000,
        )
    return len(rows)
