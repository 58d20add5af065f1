"""What a search takes and gives: the filters, one result, a facet option and a page of
results (with its JSON shape for the API)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from django.utils.safestring import SafeString

from search.geo import Point
from search.query import ParsedQuery

MAX_PER_PAGE = 50
MAX_PAGE = 1000


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
