"""Figures of vroegsignalering per municipality and month, capacity use, and the
agenda's council report sections. No personal data."""

from __future__ import annotations

import datetime
import statistics
from collections import Counter, defaultdict

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from agenda.types import ReportSection
from pact.models import Municipality, Organisation, Pact
from vroegsignalering import reporting
from vroegsignalering.constants import (
    NATIONAL_ACCEPTED_RATE,
    ArrearsKind,
    AttemptKind,
    HouseholdStatus,
    NextStep,
)
from vroegsignalering.models import (
    Attempt,
    Household,
    PartnerCapacity,
    PurgedTally,
    Signal,
)


def _percentile(values: list[int], fraction: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    index = max(0, min(len(values) - 1, round(fraction * (len(values) - 1))))
    return values[index]


def _month_row() -> dict:
    return {
        "households": 0,
        "signals": 0,
        "reached": 0,
        "accepted": 0,
        "declined": 0,
        "letters_only": 0,
        "visits_planned": 0,
        "calls_planned": 0,
        "by_kind": Counter(),
        "by_creditor": Counter(),
        "days": [],
    }


def _month(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _ranked(counter: Counter) -> list[tuple[str, int]]:
    """Most first; equal counts by name, so the order does not depend on the
    database's grouping order."""
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def figures_by_month(municipality: Municipality, *, months: int = 12) -> list[dict]:
    """Per month of the first signal: signals, households, by kind and creditor, reached
    and accepted rates (against the national 35%), days from signal to first contact
    (median and p90), visits and calls planned, letters only. Live households plus the
    anonymous counts left by the purge. Newest month first.

    Counted in the database, grouped by the day of the first signal (a few hundred
    groups a year, whatever the number of households): four queries, and Python sums
    the groups into months. Looping over every household took seconds at 100,000
    signals (``make bench``, ``vroeg_figures_page``; docs/vroegsignalering.md)."""
    rows: dict[datetime.date, dict] = defaultdict(_month_row)
    households = Household.objects.filter(municipality=municipality)
    # One pass over the household_figures index: by the day of the first signal and
    # the (local) day of the first contact.
    for first_signal_on, first_contact_on, *counts in (
        households.order_by()
        .values("first_signal_on", "first_contact_on")
        .annotate(
            households=Count("id"),
            accepted=Count("id", filter=Q(status=HouseholdStatus.ACCEPTED)),
            declined=Count("id", filter=Q(status=HouseholdStatus.DECLINED)),
            visits_planned=Count("id", filter=Q(planned_step=NextStep.VISIT)),
            calls_planned=Count("id", filter=Q(planned_step=NextStep.CALL)),
        )
        .values_list(
            "first_signal_on",
            "first_contact_on",
            "households",
            "accepted",
            "declined",
            "visits_planned",
            "calls_planned",
        )
    ):
        row = rows[_month(first_signal_on)]
        n, accepted, declined, visits, calls = counts
        row["households"] += n
        row["accepted"] += accepted
        row["declined"] += declined
        row["visits_planned"] += visits
        row["calls_planned"] += calls
        if first_contact_on is not None:
            row["reached"] += n
            row["days"].extend([(first_contact_on - first_signal_on).days] * n)
    for tally in PurgedTally.objects.filter(municipality=municipality):
        row = rows[tally.month]
        for key in ("households", "signals", "reached", "accepted", "letters_only"):
            row[key] += getattr(tally, key)
        row["by_kind"].update(tally.by_kind)
        row["by_creditor"].update(tally.by_creditor)
        row["days"].extend(tally.days_to_first_contact)
    shown = sorted(rows, reverse=True)[:months]
    if not shown:
        return []
    # The months not shown need no letters or signals counted.
    households = households.filter(first_signal_on__gte=shown[-1])
    # Letters only: no contact, at least one letter, and nothing but letters. (The
    # other kinds are named, not "not a letter", so both probes read only the
    # attempt_household_kind index.)
    attempts = Attempt.objects.filter(household=OuterRef("pk"))
    other_kinds = [kind for kind in AttemptKind.values if kind != AttemptKind.LETTER]
    for first_signal_on, n in (
        households.filter(first_contact_on__isnull=True)
        .filter(Exists(attempts.filter(kind=AttemptKind.LETTER)))
        .exclude(Exists(attempts.filter(kind__in=other_kinds)))
        .order_by()
        .values("first_signal_on")
        .annotate(n=Count("id"))
        .values_list("first_signal_on", "n")
    ):
        rows[_month(first_signal_on)]["letters_only"] += n
    for first_signal_on, kind, creditor, n in (
        Signal.objects.filter(
            household__municipality=municipality,
            household__first_signal_on__gte=shown[-1],
        )
        .order_by()
        .values("household__first_signal_on", "kind", "creditor")
        .annotate(n=Count("id"))
        .values_list("household__first_signal_on", "kind", "creditor", "n")
    ):
        row = rows[_month(first_signal_on)]
        row["signals"] += n
        row["by_kind"][kind] += n
        row["by_creditor"][creditor] += n
    result = []
    for month in shown:
        row = rows[month]
        households_n = row["households"] or 1
        days = sorted(row.pop("days"))
        result.append(
            {
                "month": month,
                **row,
                # Days from signal to first contact, sorted: numbers only, so that a
                # period of several months can take its own median (council report).
                "days": days,
                "by_kind": [
                    (str(ArrearsKind(kind).label), n)
                    for kind, n in _ranked(row["by_kind"])
                ],
                "by_creditor": _ranked(row["by_creditor"]),
                "reached_rate": row["reached"] / households_n,
                "accepted_rate": row["accepted"] / households_n,
                "national_accepted_rate": NATIONAL_ACCEPTED_RATE,
                "days_median": statistics.median(days) if days else None,
                "days_p90": _percentile(days, 0.9),
            }
        )
    return result


def capacity_overview(municipality: Municipality) -> list[dict]:
    """Per partner with households in the municipality: weekly capacity and how many
    households are open (so the regisseur sees where capacity falls short)."""
    open_counts = dict(
        Household.objects.filter(municipality=municipality, closed_at__isnull=True)
        .values("organisation__name")
        .annotate(n=Count("id"))
        .values_list("organisation__name", "n")
    )
    capacities = {
        c.organisation.name: c
        for c in PartnerCapacity.objects.select_related("organisation").filter(
            organisation__name__in=open_counts
        )
    }
    return [
        {
            "organisation": name,
            "open": count,
            "visits_per_week": getattr(capacities.get(name), "visits_per_week", 0),
            "calls_per_week": getattr(capacities.get(name), "calls_per_week", 0),
        }
        for name, count in sorted(open_counts.items())
    ]


def _weeks_over(month: datetime.date, today: datetime.date) -> int:
    """How many weeks began in ``month`` (by their Monday) and were over by ``today``."""
    day = month + datetime.timedelta(days=(7 - month.weekday()) % 7)
    count = 0
    while day.month == month.month and day + datetime.timedelta(days=7) <= today:
        count += 1
        day += datetime.timedelta(days=7)
    return count


def capacity_use_by_month(
    municipality: Municipality,
    *,
    months: list[datetime.date],
    today: datetime.date | None = None,
) -> list[dict]:
    """Per partner with households in the municipality and per month (first days, in
    ``months``): home visits and calls planned in the weeks that began in that month
    and are over (a week still under way is not yet planned in full), against the
    partner's weekly capacity times those weeks, and the share used (a percentage;
    ``None`` without capacity). Capacity belongs to the partner, not to a
    municipality, so all its households count; it is the capacity as set now (changes
    are not kept). Households removed by the purge no longer count. Counts only."""
    today = today or timezone.localdate()
    if not months:
        return []
    partners = list(
        Organisation.objects.filter(
            pk__in=Household.objects.filter(municipality=municipality).values(
                "organisation"
            )
        ).order_by("name")
    )
    capacities = {
        c.organisation_id: c
        for c in PartnerCapacity.objects.filter(organisation__in=partners)
    }
    first = min(months)
    last = max(months) + datetime.timedelta(days=31)
    planned: Counter = Counter()
    for organisation_id, week, step, n in (
        Household.objects.filter(
            organisation__in=partners,
            planned_week__gte=first,
            planned_week__lt=last.replace(day=1),
            planned_week__lte=today - datetime.timedelta(days=7),
            planned_step__in=[NextStep.VISIT, NextStep.CALL],
        )
        .order_by()
        .values_list("organisation_id", "planned_week", "planned_step")
        .annotate(n=Count("id"))
    ):
        planned[(organisation_id, week.replace(day=1), step)] += n
    result = []
    for partner in partners:
        capacity = capacities.get(partner.pk)
        for month in sorted(months):
            weeks = _weeks_over(month, today)
            visits = planned[(partner.pk, month, NextStep.VISIT)]
            calls = planned[(partner.pk, month, NextStep.CALL)]
            visits_capacity = weeks * (capacity.visits_per_week if capacity else 0)
            calls_capacity = weeks * (capacity.calls_per_week if capacity else 0)
            if not weeks or not (visits_capacity + calls_capacity + visits + calls):
                continue
            total_capacity = visits_capacity + calls_capacity
            result.append(
                {
                    "organisation": partner.short_name or partner.name,
                    "month": month,
                    "weeks": weeks,
                    "visits_planned": visits,
                    "calls_planned": calls,
                    "visits_capacity": visits_capacity,
                    "calls_capacity": calls_capacity,
                    "share": round(100 * (visits + calls) / total_capacity)
                    if total_capacity
                    else None,
                }
            )
    return result


def council_report_sections(
    pact: Pact, *, starts_on: datetime.date, ends_on: datetime.date
) -> list[ReportSection]:
    """The agenda's council report: one section per municipality of ``pact`` that had
    signals in the period (by the month of the first signal, ``starts_on`` to
    ``ends_on``): the story in numbers, charts with their tables, capacity used and the
    signals per creditor. Nothing for a municipality without signals; no personal data.
    Registered with the agenda by ``config/apps.py`` (decision 0135)."""
    sections = []
    for municipality in pact.municipalities.order_by("name"):
        rows = [
            row
            for row in figures_by_month(municipality, months=10_000)
            if starts_on.replace(day=1) <= row["month"] <= ends_on and row["signals"]
        ]
        if not rows:
            continue
        uses = capacity_use_by_month(
            municipality,
            months=[row["month"] for row in rows],
            today=min(timezone.localdate(), ends_on),
        )
        sections.append(
            reporting.municipality_section(
                municipality, rows=rows, uses=uses, starts_on=starts_on, ends_on=ends_on
            )
        )
    return sections
