"""What "Wat past bij mij?" answers: the offerings with their verdicts, and the
order that matters to the resident."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from socialekaart.eligibility import Verdict
from socialekaart.selectors.norms import NormStatus


@dataclass(frozen=True)
class ServiceSummary:
    """What a result card shows of an offering."""

    pk: int
    title: str
    summary: str
    url: str
    is_free: bool
    status: str
    organisation_title: str
    other_conditions: str = ""
    is_automatic: bool = False


@dataclass
class Match:
    page: ServiceSummary
    verdict: Verdict


@dataclass
class MatchResult:
    """``fits`` and ``might_fit`` in the order that matters to the resident (see
    ``order_key``); ``does_not_fit``: at most ``NOT_FIT_SHOWN`` offerings of the
    municipality that do not fit, with the reason, of ``does_not_fit_count``."""

    fits: list[Match]
    might_fit: list[Match]
    norm_period: object | None
    norm: NormStatus | None = None
    does_not_fit: list[Match] = field(default_factory=list)
    does_not_fit_count: int = 0
    unchecked: int = 0
    does_not_fit_counted_all: bool = True

    @property
    def yearly_total(self) -> Decimal | None:
        """The estimate per year over what fits ("samen ongeveer"); ``None`` when
        no fitting offering has an amount we can count."""
        known = [m.verdict.yearly for m in self.fits if m.verdict.yearly is not None]
        return sum(known, Decimal(0)) if known else None


NOT_FIT_SHOWN = 12
"""Offerings that do not fit, shown with their reason (the rest are counted)."""


def order_key(match: Match) -> tuple:
    """What matters first: what you get without asking, then free, then the most
    money per year, then the name."""
    yearly = match.verdict.yearly
    return (
        not match.page.is_automatic,
        not match.page.is_free,
        -(yearly if yearly is not None else Decimal(-1)),
        match.page.title,
        match.page.pk,
    )
