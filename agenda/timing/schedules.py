"""The schedule derived from an action's timing words, and words for a set of quarters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from agenda.constants import ReviewReason, ScheduleKind
from agenda.timing.quarters import Quarter


@dataclass(frozen=True)
class Occurrence:
    """One time the action happens: its active quarters. Yearly actions have one a year."""

    quarters: tuple[Quarter, ...]
    year: int | None = None

    @property
    def first(self) -> Quarter:
        return self.quarters[0]

    @property
    def due(self) -> Quarter:
        return self.quarters[-1]

    @property
    def key(self) -> str:
        return str(self.year) if self.year is not None else "eenmalig"


@dataclass(frozen=True)
class Schedule:
    text: str
    kind: str
    occurrences: tuple[Occurrence, ...] = ()
    review: tuple[str, ...] = field(default=())

    @property
    def quarters(self) -> list[Quarter]:
        return sorted(
            {q for occurrence in self.occurrences for q in occurrence.quarters}
        )

    @property
    def first(self) -> Quarter | None:
        quarters = self.quarters
        return quarters[0] if quarters else None

    @property
    def last(self) -> Quarter | None:
        quarters = self.quarters
        return quarters[-1] if quarters else None

    @property
    def needs_review(self) -> bool:
        return bool(self.review)

    @property
    def year_assumed(self) -> bool:
        return ReviewReason.YEAR_ASSUMED in self.review

    @property
    def is_continuous(self) -> bool:
        return self.kind == ScheduleKind.CONTINUOUS

    def occurrence_for(self, quarter: Quarter) -> Occurrence | None:
        """The occurrence a report about ``quarter`` is about.

        Yearly: the occurrence of that year. Others: the only one.
        """
        if not self.occurrences:
            return None
        if self.kind == ScheduleKind.YEARLY:
            return next((o for o in self.occurrences if o.year == quarter.year), None)
        return self.occurrences[0]

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": str(self.kind),
            "occurrences": [
                {"year": o.year, "quarters": [q.key for q in o.quarters]}
                for o in self.occurrences
            ],
            "review": [str(reason) for reason in self.review],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Schedule:
        return cls(
            text=data.get("text", ""),
            kind=data.get("kind", ScheduleKind.UNKNOWN),
            occurrences=tuple(
                Occurrence(
                    quarters=tuple(Quarter.from_key(k) for k in o["quarters"]),
                    year=o.get("year"),
                )
                for o in data.get("occurrences", [])
            ),
            review=tuple(data.get("review", [])),
        )

    def describe(self) -> str:
        """The interpretation in plain Dutch, shown next to the verbatim words."""
        if self.kind == ScheduleKind.UNKNOWN:
            if ReviewReason.MISSING in self.review:
                return _("Geen planning opgegeven.")
            return _("Niet herkend; de woorden zijn bewaard.")
        if self.kind == ScheduleKind.CONTINUOUS:
            return _("Doorlopend, van %(first)s tot en met %(last)s.") % {
                "first": self.first,
                "last": self.last,
            }
        if self.kind == ScheduleKind.YEARLY:
            numbers = sorted({q.number for q in self.quarters})
            years = [o.year for o in self.occurrences]
            return _("Elk jaar in %(quarters)s (%(years)s).") % {
                "quarters": " + ".join(f"Q{n}" for n in numbers),
                "years": ", ".join(str(y) for y in years),
            }
        return _("In %(quarters)s; af aan het eind van %(due)s.") % {
            "quarters": describe_quarters(self.quarters),
            "due": self.last,
        }


def describe_quarters(quarters: list[Quarter]) -> str:
    """``Q1 2020 tot en met Q3 2020, Q1 2021``: runs of consecutive quarters joined."""
    runs: list[list[Quarter]] = []
    for quarter in sorted(quarters):
        if runs and runs[-1][-1].index + 1 == quarter.index:
            runs[-1].append(quarter)
        else:
            runs.append([quarter])
    parts = []
    for run in runs:
        if len(run) == 1:
            parts.append(str(run[0]))
        else:
            parts.append(_("%(a)s tot en met %(b)s") % {"a": run[0], "b": run[-1]})
    return ", ".join(parts)


def format_quarters(quarters: list[Quarter]) -> str:
    """Canonical words for a set of quarters (``Q1 2020 - Q3 2020, Q1 2021``)."""
    runs: list[list[Quarter]] = []
    for quarter in sorted(quarters):
        if runs and runs[-1][-1].index + 1 == quarter.index:
            runs[-1].append(quarter)
        else:
            runs.append([quarter])
    return ", ".join(
        str(run[0]) if len(run) == 1 else f"{run[0]} - {run[-1]}" for run in runs
    )
