"""Calendar quarters and the plan period, and the error for impossible timing words."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _


class TimingError(ValueError):
    """The words contain something that cannot be right (e.g. "Q5")."""


# --- Quarters -------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Quarter:
    """One calendar quarter. Ordered; ``index`` counts quarters since year 0."""

    year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise TimingError(
                _(
                    "Q%(number)s bestaat niet: een jaar heeft vier kwartalen (Q1 tot en met Q4)."
                )
                % {"number": self.number}
            )

    @property
    def index(self) -> int:
        return self.year * 4 + self.number - 1

    @classmethod
    def from_index(cls, index: int) -> Quarter:
        return cls(index // 4, index % 4 + 1)

    @classmethod
    def from_date(cls, day: datetime.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def starts_on(self) -> datetime.date:
        return datetime.date(self.year, 3 * self.number - 2, 1)

    @property
    def ends_on(self) -> datetime.date:
        if self.number == 4:
            return datetime.date(self.year, 12, 31)
        return datetime.date(self.year, 3 * self.number + 1, 1) - datetime.timedelta(
            days=1
        )

    def __add__(self, quarters: int) -> Quarter:
        return Quarter.from_index(self.index + quarters)

    @property
    def key(self) -> str:
        """``2020-Q3``: the form stored in JSON and used in URLs."""
        return f"{self.year}-Q{self.number}"

    @classmethod
    def from_key(cls, key: str) -> Quarter:
        match = re.fullmatch(r"(\d{4})-Q([1-4])", key.strip(), re.IGNORECASE)
        if not match:
            raise TimingError(_("Geen kwartaal: %(key)s") % {"key": key})
        return cls(int(match[1]), int(match[2]))

    def __str__(self) -> str:
        return f"Q{self.number} {self.year}"


@dataclass(frozen=True)
class Period:
    """The plan period, whole quarters from ``first`` to ``last`` inclusive."""

    first: Quarter
    last: Quarter

    @classmethod
    def from_dates(cls, starts_on: datetime.date, ends_on: datetime.date) -> Period:
        return cls(Quarter.from_date(starts_on), Quarter.from_date(ends_on))

    def quarters(self) -> list[Quarter]:
        return [
            Quarter.from_index(i) for i in range(self.first.index, self.last.index + 1)
        ]

    def __contains__(self, quarter: Quarter) -> bool:
        return self.first <= quarter <= self.last

    @property
    def years(self) -> range:
        return range(self.first.year, self.last.year + 1)
