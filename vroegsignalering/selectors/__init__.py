"""Reads of vroegsignalering. Lists take the viewing user, so scoping through
``permissions.households_visible_to`` cannot be forgotten; figures hold no personal
data.

The reads by sub-domain: ``households`` (the queue, a household, its letter, routing
rules and capacity) and ``figures`` (figures by month, capacity use, the council
report sections)."""

from vroegsignalering.constants import CLOSED_STATUSES
from vroegsignalering.selectors.figures import (
    capacity_overview,
    capacity_use_by_month,
    council_report_sections,
    figures_by_month,
)
from vroegsignalering.selectors.households import (
    QUEUE_FILTERS,
    capacity_of,
    household_detail,
    household_queue_for_user,
    letter_offerings,
    queue_counts_for_user,
    routing_rules_of,
    score_reasons,
)

__all__ = [
    "CLOSED_STATUSES",
    "QUEUE_FILTERS",
    "capacity_of",
    "capacity_overview",
    "capacity_use_by_month",
    "council_report_sections",
    "figures_by_month",
    "household_detail",
    "household_queue_for_user",
    "letter_offerings",
    "queue_counts_for_user",
    "routing_rules_of",
    "score_reasons",
]
