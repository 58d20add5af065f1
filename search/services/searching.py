"""Searching the public sociale kaart: ``search_site`` and how a backend's page becomes
results with highlights and facet options."""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext

from pact.models import Municipality
from search import synonyms as synonym_cache
from search import vocabulary
from search.backends.base import (
    FACETS,
    FREE_FACET,
    BackendUnavailable,
    FacetValue,
    Query,
    ResultPage,
)
from search.highlight import Highlighter
from search.models import IndexedFacet
from search.query import ParsedQuery, parse
from search.services.missed import missed_search_record
from search.services.registry import (
    database_backend,
    is_marked_unavailable,
    mark_unavailable,
    primary_backend,
)
from search.services.values import (
    MAX_PAGE,
    MAX_PER_PAGE,
    FacetOption,
    Result,
    SearchFilters,
    SearchResults,
)


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
    if backend.name != "database" and not is_marked_unavailable(backend):
        try:
            return backend.search(query)
        except BackendUnavailable as error:
            mark_unavailable(backend, error)
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
    return gettext("Gratis")


def _facet_labels(pairs: set[tuple[str, str]]) -> dict[tuple[str, str], str]:
    if not pairs:
        return {}
    rows = IndexedFacet.objects.filter(
        facet__in={facet for facet, _v in pairs}, value__in={v for _f, v in pairs}
    ).values_list("facet", "value", "label")
    labels = {(facet, value): label for facet, value, label in rows}
    if any(facet == "municipality" for facet, _v in pairs):
        for slug, name in Municipality.objects.values_list("slug", "name"):
            labels.setdefault(("municipality", slug), name)
    return labels
