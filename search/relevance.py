"""Measuring relevance: hit rate at 3, mean reciprocal rank and precision over
``relevance.json``.

A case is a query as people type it, optional filters, and the offerings (URLs) of which
at least one must be among the first three results. The reciprocal rank is 1/rank of
the first expected offering in the first ten results (0 when absent). A case may also
say how many results a person would still read (``at_most``): "geen geld voor eten"
should not answer with 63 of 77 offerings. Precision is the share of those cases whose
result count stays within it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from search.services import SearchFilters, search_site

CASES = Path(__file__).parent / "relevance.json"
DEPTH = 10


@dataclass
class CaseResult:
    query: str
    kind: str
    rank: int | None
    top: list[str]
    total: int = 0
    at_most: int | None = None

    @property
    def hit(self) -> bool:
        return self.rank is not None and self.rank <= 3

    @property
    def precise(self) -> bool:
        return self.at_most is None or self.total <= self.at_most


@dataclass
class Report:
    results: list[CaseResult] = field(default_factory=list)
    bar: dict = field(default_factory=dict)

    @property
    def hit_at_3(self) -> float:
        return sum(r.hit for r in self.results) / len(self.results)

    @property
    def mrr(self) -> float:
        return sum(1 / r.rank for r in self.results if r.rank) / len(self.results)

    @property
    def precision(self) -> float:
        bounded = [r for r in self.results if r.at_most is not None]
        return sum(r.precise for r in bounded) / len(bounded) if bounded else 1.0

    @property
    def misses(self) -> list[CaseResult]:
        return [r for r in self.results if not r.hit]

    @property
    def too_broad(self) -> list[CaseResult]:
        return [r for r in self.results if not r.precise]

    def by_kind(self) -> dict[str, float]:
        kinds: dict[str, list[CaseResult]] = {}
        for result in self.results:
            kinds.setdefault(result.kind, []).append(result)
        return {k: sum(r.hit for r in v) / len(v) for k, v in sorted(kinds.items())}

    def summary(self) -> str:
        lines = [
            f"{len(self.results)} queries: hit@3 {self.hit_at_3:.3f}, MRR {self.mrr:.3f}, "
            f"precision {self.precision:.3f}",
            "hit@3 per kind: "
            + ", ".join(f"{k} {v:.2f}" for k, v in self.by_kind().items()),
        ]
        for miss in self.misses:
            lines.append(f"  miss: {miss.query!r} (rank {miss.rank}) top 3: {miss.top}")
        for broad in self.too_broad:
            lines.append(
                f"  too broad: {broad.query!r} {broad.total} results "
                f"(at most {broad.at_most})"
            )
        return "\n".join(lines)


def load_cases(path: Path = CASES) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def evaluate(user, path: Path = CASES) -> Report:
    data = load_cases(path)
    report = Report(bar=data["bar"])
    for case in data["cases"]:
        filters = case.get("filters", {})
        results = search_site(
            case["q"],
            user=user,
            filters=SearchFilters(
                municipalities=tuple(filters.get("municipality", ())),
                categories=tuple(filters.get("category", ())),
                age=filters.get("age"),
                per_page=DEPTH,
                count_missed=False,
            ),
        )
        urls = [result.url for result in results.results]
        ranks = [urls.index(url) + 1 for url in case["expect"] if url in urls]
        report.results.append(
            CaseResult(
                case["q"],
                case.get("kind", ""),
                min(ranks) if ranks else None,
                urls[:3],
                total=results.total,
                at_most=case.get("at_most"),
            )
        )
    return report
