"""The triage score: a sum of points, each with its reason, so anyone can follow it.

| reason | points |
|---|---|
| total arrears | 1 per full EUR 250, at most 20 |
| more than one creditor | 5 for each creditor after the first |
| rent / energy / water in arrears (threatens the home) | 10 / 8 / 5 (each kind once) |
| three months or more in arrears (any creditor) | 4 |
| repeated reports (same creditor again, or an earlier household at the address) | 3 each, at most 9 |
| minor children in the household, when known | 6 |

Every rule only adds points and none depends negatively on an amount, so more arrears
never lowers the score (``tests/vroegsignalering/test_triage.py`` checks it with
hypothesis). Pure functions: no database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from vroegsignalering.constants import HOME_THREAT_POINTS, ArrearsKind

AMOUNT_STEP = Decimal(250)
AMOUNT_MAX_POINTS = 20
CREDITOR_POINTS = 5
LONG_ARREARS_MONTHS = 3
LONG_ARREARS_POINTS = 4
REPEAT_POINTS = 3
REPEAT_MAX_POINTS = 9
CHILDREN_POINTS = 6

# Reason codes (stored on the household) and the sentence shown to professionals.
REASON_LABELS = {
    "amount": _("Totale achterstand"),
    "creditors": _("Meer dan één schuldeiser"),
    "home_huur": _("Huurachterstand: de woning is in gevaar"),
    "home_energie": _("Energieachterstand: afsluiting dreigt"),
    "home_water": _("Waterachterstand: afsluiting dreigt"),
    "long": _("Drie maanden of langer achterstand"),
    "repeat": _("Eerder gemeld"),
    "children": _("Minderjarige kinderen in huis"),
}


@dataclass(frozen=True)
class SignalFacts:
    """What the score needs from one signal."""

    creditor: str
    kind: str
    amount: Decimal
    months_in_arrears: int
    times_reported: int = 1


@dataclass(frozen=True)
class Score:
    total: int
    reasons: list[tuple[str, int]]

    def labelled(self) -> list[tuple[str, int]]:
        return [(str(REASON_LABELS[code]), points) for code, points in self.reasons]


def score_household(
    signals: Iterable[SignalFacts],
    *,
    has_children: bool | None = None,
    earlier_households: int = 0,
) -> Score:
    """The score of a household with these signals, and its reasons (largest first)."""
    signals = list(signals)
    reasons: list[tuple[str, int]] = []
    total_amount = sum((s.amount for s in signals), Decimal(0))
    amount_points = min(int(total_amount // AMOUNT_STEP), AMOUNT_MAX_POINTS)
    if amount_points:
        reasons.append(("amount", amount_points))
    creditors = {s.creditor.strip().casefold() for s in signals}
    if len(creditors) > 1:
        reasons.append(("creditors", CREDITOR_POINTS * (len(creditors) - 1)))
    kinds = {s.kind for s in signals}
    for kind, points in HOME_THREAT_POINTS.items():
        if kind in kinds:
            reasons.append((f"home_{ArrearsKind(kind).value}", points))
    if any(s.months_in_arrears >= LONG_ARREARS_MONTHS for s in signals):
        reasons.append(("long", LONG_ARREARS_POINTS))
    repeats = sum(max(s.times_reported - 1, 0) for s in signals) + earlier_households
    if repeats:
        reasons.append(("repeat", min(REPEAT_POINTS * repeats, REPEAT_MAX_POINTS)))
    if has_children:
        reasons.append(("children", CHILDREN_POINTS))
    reasons.sort(key=lambda reason: -reason[1])
    return Score(total=sum(points for _code, points in reasons), reasons=reasons)
