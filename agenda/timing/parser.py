"""``parse_timing``: from the plan's words to a ``Schedule`` (see ``agenda.timing``).

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

import re

from django.utils.translation import gettext as _

from agenda.constants import ReviewReason, ScheduleKind
from agenda.timing.quarters import Period, Quarter, TimingError
from agenda.timing.schedules import Occurrence, Schedule

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
