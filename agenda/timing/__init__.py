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

The code by sub-domain (issue 12, step 7): ``quarters`` (``Quarter``, ``Period`` and
``TimingError``), ``schedules`` (``Schedule``, its ``Occurrence``s and the words for a
set of quarters) and ``parser`` (``parse_timing`` and the grammar it reads). Other code
imports this package: ``from agenda.timing import Quarter, parse_timing``.

See ``docs/agenda.md`` for examples.
"""

from agenda.timing.parser import parse_timing
from agenda.timing.quarters import Period, Quarter, TimingError
from agenda.timing.schedules import (
    Occurrence,
    Schedule,
    describe_quarters,
    format_quarters,
)

__all__ = [
    "Occurrence",
    "Period",
    "Quarter",
    "Schedule",
    "TimingError",
    "describe_quarters",
    "format_quarters",
    "parse_timing",
]
