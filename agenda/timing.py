"""The timing of an action: the plan's words, and the schedule derived from them.

A plan says when an action happens in words: "Q1", "Q2, Q3", "Jaarlijks Q3",
"2020 - 2021", "Doorlopend", or nothing at all. We keep those words verbatim and derive a
``Schedule`` from them with ``parse_timing``. The same parser serves the importer and the
form in which a pact admin types the timing by hand (which shows the interpretation).

Kinds of schedule (``ScheduleKind``):

* ``eenmalig`` (once): a set of quarters, from single quarters, lists and ranges
  ("Q1, Q2", "Q3 2020 - Q2 2021", "2020 - 2021", "2020"). The action is due at the end of
  its last quarter.
* ``jaarlijks`` (yearly): "Jaarlijks Q3" recurs in that quarter every year of the plan
  period; each year is its own *occurrence* with its own status.
* ``doorlopend`` (continuous): runs through the plan period, is never overdue, and an
  update is expected in every reporting round.
* ``onbekend`` (unknown): no timing given, or words we do not understand. Flagged for
  review; the words are kept.

A quarter without a year ("Q1") gets the first year of the plan period in which it
falls on or after the previous quarter in the same text ("Q4, Q1" in a plan starting in
2020: Q4 2020, Q1 2021). Such schedules carry the review reason ``year_assumed``.

Hard errors (a fifth quarter, a range that ends before it starts) raise ``TimingError``
with a sentence a person understands; anything merely unclear is kept and flagged.

The grammar, informally (case and extra spaces do not matter)::

    timing     := none | continuous | yearly | item (SEP item)*
    none       := "" | "-" | "nvt" | "n.v.t." | "ntb" | "onbekend" | "geen" | ...
    continuous := "doorlopend" | "continu" | "structureel" | "permanent" | ...
    yearly     := ("jaarlijks" | "elk jaar" | "ieder jaar") [","] [quarter (SEP quarter)*]
                | quarter (SEP quarter)* "jaarlijks"
    item       := point | point RANGE point | ("van" | "vanaf") point [RANGE point]
    point      := quarter [year] | year quarter | year | half [year] | month [year]
                | ("begin" | "eind" | "medio") year | season [year]
    quarter    := "Q1".."Q4" | "K1".."K4" | "kwartaal 1" | "1e kwartaal" | "eerste kwartaal"
    SEP        := "," | ";" | "/" | "+" | "&" | "en" | "en/of"
    RANGE      := "-" | "–" | "t/m" | "tot en met" | "tot"

See ``docs/agenda.md`` for examples.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from agenda.constants import ReviewReason, ScheduleKind


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


# --- Schedules ------------------------------------------------------------------------------


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


# --- The parser --------------------------------------------------------------------------------

NONE_WORDS = {
    "",
    "-",
    "?",
    "nvt",
    "n.v.t.",
    "n.v.t",
    "ntb",
    "n.t.b.",
    "n.t.b",
    "nader te bepalen",
    "onbekend",
    "geen",
    "nog niet bekend",
    "nog onbekend",
    "none",
    "none given",
    "unknown",
    "tbd",
}
CONTINUOUS_WORDS = {
    "doorlopend",
    "continu",
    "continue",
    "continuous",
    "structureel",
    "lopend",
    "permanent",
    "ongoing",
    "voortdurend",
}
YEARLY_WORDS = r"(?:jaarlijks|elk jaar|ieder jaar|every year|yearly|annually)"
ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}
MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "maart": 3,
    "mrt": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augustus": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
SEASONS = {"voorjaar": (2, 2), "lente": (2, 2), "zomer": (3, 3), "najaar": (4, 4)}
PARTS_OF_YEAR = {"begin": (1, 1), "eind": (4, 4), "einde": (4, 4), "medio": (2, 3)}

_YEAR = r"(?P<year>(?:19|20)\d{2})"
_QUARTER_WORD = (
    r"(?:[qk]\s?(?P<n1>\d)"
    r"|kwartaal\s?(?P<n2>\d)"
    r"|(?P<n3>\d)\s?(?:e|ste|de)\s+kwartaal"
    r"|(?P<ord>eerste|tweede|derde|vierde)\s+kwartaal)"
)
_HALF_WORD = (
    r"(?:h(?P<h1>[12])|(?P<h2>[12])\s?(?:e|ste|de)\s+helft"
    r"|(?P<hord>eerste|tweede)\s+helft)"
)
POINT_PATTERNS = [
    ("quarter", re.compile(rf"{_QUARTER_WORD}(?:\s*[-']?\s*{_YEAR})?")),
    ("quarter", re.compile(rf"{_YEAR}\s*[-]?\s*{_QUARTER_WORD}")),
    ("half", re.compile(rf"{_HALF_WORD}(?:\s*(?:van\s+)?{_YEAR})?")),
    (
        "month",
        re.compile(
            rf"(?:(?:begin|eind|einde|medio|half)\s+)?(?P<month>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?(?:\s+{_YEAR})?"
        ),
    ),
    (
        "season",
        re.compile(
            rf"(?:het\s+)?(?P<season>{'|'.join(SEASONS)})(?:\s+(?:van\s+)?{_YEAR})?"
        ),
    ),
    ("part", re.compile(rf"(?P<part>begin|eind|einde|medio)\s+{_YEAR}")),
    ("year", re.compile(rf"(?:(?:het\s+)?jaar\s+)?{_YEAR}")),
]

# A span: (start, end), each (year or None, quarter number).
Span = tuple[tuple[int | None, int], tuple[int | None, int]]


class _NotUnderstood(Exception):
    pass


def _normalise(text: str) -> str:
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2012", "-")
    text = re.sub(r"\s+", " ", text.strip().lower())
    text = re.sub(r"^\((.*)\)$", r"\1", text).strip()
    return text.rstrip(".").strip() if text not in NONE_WORDS else text


def _point(text: str) -> Span:
    text = text.strip()
    for kind, pattern in POINT_PATTERNS:
        match = pattern.fullmatch(text)
        if not match:
            continue
        groups = match.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        if kind == "quarter":
            number = groups.get("n1") or groups.get("n2") or groups.get("n3")
            n = int(number) if number else ORDINALS[groups["ord"]]
            Quarter(2000, n)  # raises TimingError for Q0 or Q5
            return (year, n), (year, n)
        if kind == "half":
            half = groups.get("h1") or groups.get("h2")
            h = int(half) if half else {"eerste": 1, "tweede": 2}[groups["hord"]]
            return (year, 2 * h - 1), (year, 2 * h)
        if kind == "month":
            n = (MONTHS[groups["month"]] - 1) // 3 + 1
            return (year, n), (year, n)
        if kind == "season":
            a, b = SEASONS[groups["season"]]
            return (year, a), (year, b)
        if kind == "part":
            a, b = PARTS_OF_YEAR[groups["part"]]
            return (year, a), (year, b)
        if kind == "year":
            return (year, 1), (year, 4)
    raise _NotUnderstood(text)


_RANGE = re.compile(
    r"\s*(?:\btot en met\b|\bt/m\b|\btm\b|\btot\b|\buntil\b|\bto\b|-)\s*"
)
_SEPARATORS = re.compile(r"\s*(?:,|;|\+|&|\ben/of\b|\ben\b|\band\b|/)\s*")


def _split_range(item: str) -> list[str]:
    """Split one item at its range operator, leaving "Q1-2021" and "2021-Q1" whole."""
    protected = re.sub(
        r"\b([qk][1-9])-((?:19|20)\d{2})\b|\b((?:19|20)\d{2})-([qk][1-9])\b",
        lambda m: (m[1] + " " + m[2]) if m[1] else (m[3] + " " + m[4]),
        item,
    )
    return list(_RANGE.split(protected))


def _spans(text: str) -> list[Span]:
    spans: list[Span] = []
    text = re.sub(r"\btot en met\b|t/m", " tm ", text)
    for item in _SEPARATORS.split(text):
        item = item.strip()
        if not item:
            continue
        open_ended = False
        starts_with = re.match(r"^(?:van|vanaf|from)\s+", item)
        if starts_with:
            item = item[starts_with.end() :]
            open_ended = starts_with[0].strip() in {"vanaf", "from"}
        parts = _split_range(item)
        if len(parts) == 1:
            start, end = _point(parts[0])
            if open_ended:
                end = (None, 0)  # to the end of the plan period
            spans.append((start, end))
        elif len(parts) == 2 and parts[0] and parts[1]:
            start, _end = _point(parts[0])
            _start, end = _point(parts[1])
            spans.append((start, end))
        else:
            raise _NotUnderstood(item)
    if not spans:
        raise _NotUnderstood(text)
    return spans


def _resolve(spans: list[Span], period: Period) -> tuple[list[Quarter], bool]:
    """Give every quarter its year; returns the quarters and whether a year was assumed."""
    cursor = period.first
    assumed = False
    quarters: set[Quarter] = set()

    def place(year: int | None, number: int, after: Quarter) -> Quarter:
        nonlocal assumed
        if year is not None:
            return Quarter(year, number)
        assumed = True
        candidate = Quarter(after.year, number)
        return candidate if candidate >= after else Quarter(after.year + 1, number)

    for (start_year, start_n), (end_year, end_n) in spans:
        start = place(start_year, start_n, cursor)
        # end_n 0 is "vanaf ...": until the end of the period.
        end = max(period.last, start) if end_n == 0 else place(end_year, end_n, start)
        if end < start:
            raise TimingError(
                _("Het einde (%(end)s) ligt voor het begin (%(start)s).")
                % {"end": end, "start": start}
            )
        quarters.update(
            Quarter.from_index(i) for i in range(start.index, end.index + 1)
        )
        cursor = start
    return sorted(quarters), assumed


def parse_timing(text: str | None, period: Period) -> Schedule:
    """Derive the schedule from the plan's words; see the module docstring.

    Never loses the words: anything not understood becomes an ``onbekend`` schedule
    flagged for review. Raises ``TimingError`` only for impossible input.
    """
    verbatim = (text or "").strip()
    words = _normalise(verbatim)
    if words in NONE_WORDS:
        return Schedule(verbatim, ScheduleKind.UNKNOWN, review=(ReviewReason.MISSING,))
    if words in CONTINUOUS_WORDS:
        return Schedule(
            verbatim,
            ScheduleKind.CONTINUOUS,
            occurrences=(Occurrence(tuple(period.quarters())),),
        )
    try:
        yearly = re.fullmatch(
            rf"(?:{YEARLY_WORDS}\s*,?\s*(?:in\s+)?(?P<after>.*))|(?:(?P<before>.+?)\s*,?\s*{YEARLY_WORDS})",
            words,
        )
        if yearly:
            return _yearly(
                verbatim, (yearly["after"] or yearly["before"] or "").strip(), period
            )
        quarters, assumed = _resolve(_spans(words), period)
    except _NotUnderstood:
        return Schedule(
            verbatim, ScheduleKind.UNKNOWN, review=(ReviewReason.NOT_UNDERSTOOD,)
        )
    review = []
    if assumed:
        review.append(ReviewReason.YEAR_ASSUMED)
    if any(q not in period for q in quarters):
        review.append(ReviewReason.OUTSIDE_PERIOD)
    return Schedule(
        verbatim,
        ScheduleKind.ONCE,
        occurrences=(Occurrence(tuple(quarters)),),
        review=tuple(review),
    )


def _yearly(verbatim: str, rest: str, period: Period) -> Schedule:
    review: list[str] = []
    if rest:
        numbers: set[int] = set()
        for (year, a), (end_year, b) in _spans(rest):
            if year is not None or end_year is not None or b == 0:
                raise _NotUnderstood(rest)
            if b < a:
                raise TimingError(
                    _("Het einde (Q%(b)s) ligt voor het begin (Q%(a)s).")
                    % {"a": a, "b": b}
                )
            numbers.update(range(a, b + 1))
    else:
        numbers = {1, 2, 3, 4}
        review.append(ReviewReason.YEARLY_WITHOUT_QUARTER)
    occurrences = []
    for year in period.years:
        quarters = tuple(
            q for q in (Quarter(year, n) for n in sorted(numbers)) if q in period
        )
        if quarters:
            occurrences.append(Occurrence(quarters, year=year))
    return Schedule(verbatim, ScheduleKind.YEARLY, tuple(occurrences), tuple(review))
