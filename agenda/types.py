"""What other apps may contribute to the agenda's council report ("tellen en
vertellen"): a section with a story in words, charts that each carry their figures as a
table (the text alternative, WCAG 1.1.1), and more tables. Plain data, no personal data.

The agenda may not import the apps that contribute (they sit in a higher layer, see
``docs/architecture.md``); they register a provider with
``agenda.selectors.report_section_provider_register`` and the project package wires
them (``config/apps.py``). Decision 0135.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Protocol

from django.utils.safestring import SafeString

from pact.models import Pact


@dataclass(frozen=True)
class ReportTable:
    caption: str
    headers: list[str]
    rows: list[list[str]]
    # Columns (by index) with numbers, aligned right.
    numeric: frozenset[int] = frozenset()


@dataclass(frozen=True)
class ReportChart:
    """A chart (``pact.charts`` SVG with title and description) and the same figures
    as a table, shown beside it."""

    svg: SafeString
    table: ReportTable


@dataclass(frozen=True)
class ReportSection:
    key: str  # unique in the report, for anchors: "vroegsignalering-assen"
    title: str
    paragraphs: list[str]
    charts: list[ReportChart] = field(default_factory=list)
    tables: list[ReportTable] = field(default_factory=list)
    note: str = ""  # how the figures are counted


class ReportSectionProvider(Protocol):
    def __call__(
        self, pact: Pact, *, starts_on: datetime.date, ends_on: datetime.date
    ) -> list[ReportSection]:
        """Sections about ``pact`` for the period (both days included); an empty list
        when there is nothing to report."""
        ...


__all__ = ["ReportChart", "ReportSection", "ReportSectionProvider", "ReportTable"]
