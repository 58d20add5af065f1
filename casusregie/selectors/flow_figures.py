"""Figures for the pact: casusregie in numbers over a period, with the period before
it for trends. Counts and durations only, never a case or a person."""

from __future__ import annotations

import datetime
import statistics
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy

from casusregie.constants import CaseStatus, EscalationStatus, HandoverStatus
from casusregie.models import Case, Escalation, Handover
from pact.models import Municipality


def _percentile(values: list[float], fraction: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def _hours_summary(
    durations: list[datetime.timedelta],
) -> dict[str, float | None | int]:
    hours = [d.total_seconds() / 3600 for d in durations]
    p90 = _percentile(hours, 0.9)
    return {
        "count": len(hours),
        "median_hours": round(statistics.median(hours), 1) if hours else None,
        "p90_hours": round(p90, 1) if p90 is not None else None,
    }


@dataclass(frozen=True)
class FiguresPeriod:
    """A period for the figures and the period of the same length before it (trends)."""

    key: str
    label: str
    since: datetime.datetime | None
    until: datetime.datetime | None
    previous_since: datetime.datetime | None
    previous_until: datetime.datetime | None = None


FIGURE_PERIODS = {
    "3m": gettext_lazy("De laatste 3 maanden"),
    "12m": gettext_lazy("De laatste 12 maanden"),
    "jaar": gettext_lazy("Dit kalenderjaar"),
    "alles": gettext_lazy("Alles"),
}
DEFAULT_FIGURE_PERIOD = "12m"


def figures_period(key: str | None, *, now=None) -> FiguresPeriod:
    """The period ``key`` (one of ``FIGURE_PERIODS``; unknown: the default) ending now."""
    now = now or timezone.now()
    key = key if key in FIGURE_PERIODS else DEFAULT_FIGURE_PERIOD
    if key == "alles":
        return FiguresPeriod(key, str(FIGURE_PERIODS[key]), None, None, None)
    today = timezone.localdate(now)
    if key == "jaar":
        # This year so far against the same part of last year.
        start = _midnight(datetime.date(today.year, 1, 1))
        previous = _midnight(datetime.date(today.year - 1, 1, 1))
        previous_until = previous + (now - start)
    else:
        months = 3 if key == "3m" else 12
        start = _midnight(_months_before(today.replace(day=1), months - 1))
        previous = _midnight(_months_before(timezone.localdate(start), months))
        previous_until = start
    return FiguresPeriod(
        key, str(FIGURE_PERIODS[key]), start, now, previous, previous_until
    )


def _months_before(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, 1)


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def figures(
    *,
    municipality: Municipality | None = None,
    now=None,
    since: datetime.datetime | None = None,
    until: datetime.datetime | None = None,
) -> dict[str, Any]:
    """Casusregie in numbers: counts and durations only, never a case or a person.

    ``since``/``until`` narrow the flow figures (hand-overs proposed, their answers and
    durations, cases registered and closed, lead changes) to a period; the stock
    figures (open cases, cases per lead, proposals past their deadline, open
    escalations) are as of ``now``.
    """
    now = now or timezone.now()
    cases = Case.objects.all()
    handovers = Handover.objects.all()
    if municipality is not None:
        cases = cases.filter(municipality=municipality)
        handovers = handovers.filter(case__municipality=municipality)
    stock_cases, stock_handovers = cases, handovers
    if since is not None:
        handovers = handovers.filter(proposed_at__gte=since)
    if until is not None:
        handovers = handovers.filter(proposed_at__lt=until)
    in_period = Q()
    if since is not None:
        in_period &= Q(created_at__gte=since)
    if until is not None:
        in_period &= Q(created_at__lt=until)
    closed_in_period = Q(status=CaseStatus.CLOSED)
    if since is not None:
        closed_in_period &= Q(closed_at__gte=since)
    if until is not None:
        closed_in_period &= Q(closed_at__lt=until)
    per_lead = list(
        stock_cases.exclude(status=CaseStatus.CLOSED)
        .values("lead_organisation__name")
        .annotate(count=Count("id"))
        .order_by("-count", "lead_organisation__name")
    )
    per_month = list(
        handovers.annotate(month=TruncMonth("proposed_at"))
        .values("month")
        .annotate(
            proposed=Count("id"),
            accepted=Count(
                "id",
                filter=Q(
                    status__in=[HandoverStatus.ACCEPTED, HandoverStatus.COMPLETED]
                ),
            ),
            declined=Count("id", filter=Q(status=HandoverStatus.DECLINED)),
            expired=Count("id", filter=Q(status=HandoverStatus.EXPIRED)),
        )
        .order_by("month")
    )
    timings = list(
        handovers.filter(answered_at__isnull=False).values_list(
            "status", "proposed_at", "answered_at", "first_contact_at"
        )
    )
    to_accept = [
        answered - proposed
        for status, proposed, answered, _contact in timings
        if status in (HandoverStatus.ACCEPTED, HandoverStatus.COMPLETED)
        and answered is not None
    ]
    to_contact = [
        contact - answered
        for status, _proposed, answered, contact in timings
        if status == HandoverStatus.COMPLETED
        and contact is not None
        and answered is not None
    ]
    outcomes = Counter(status for status, *_rest in timings)
    answered = sum(
        outcomes[s]
        for s in (
            HandoverStatus.ACCEPTED,
            HandoverStatus.COMPLETED,
            HandoverStatus.DECLINED,
            HandoverStatus.EXPIRED,
        )
    )
    lead_changes = Counter(
        cases.filter(in_period)
        .annotate(
            changes=Count(
                "handovers",
                filter=Q(
                    handovers__status__in=[
                        HandoverStatus.ACCEPTED,
                        HandoverStatus.COMPLETED,
                    ]
                ),
            )
        )
        .values_list("changes", flat=True)
    )
    case_count = sum(lead_changes.values())
    return {
        "cases_open": stock_cases.exclude(status=CaseStatus.CLOSED).count(),
        "cases_closed": stock_cases.filter(status=CaseStatus.CLOSED).count(),
        "cases_registered": cases.filter(in_period).count(),
        "cases_closed_in_period": cases.filter(closed_in_period).count(),
        "handovers_proposed": handovers.count(),
        "cases_per_lead_organisation": [
            {"organisation": row["lead_organisation__name"], "count": row["count"]}
            for row in per_lead
        ],
        "handovers_per_month": [
            {
                "month": row["month"].strftime("%Y-%m"),
                "proposed": row["proposed"],
                "accepted": row["accepted"],
                "declined": row["declined"],
                "expired": row["expired"],
            }
            for row in per_month
            if row["month"]
        ],
        "time_to_accept": _hours_summary(to_accept),
        "time_to_first_contact": _hours_summary(to_contact),
        "declined_rate": round(outcomes[HandoverStatus.DECLINED] / answered, 3)
        if answered
        else None,
        "expired_rate": round(outcomes[HandoverStatus.EXPIRED] / answered, 3)
        if answered
        else None,
        "lead_changes_per_case": {
            "mean": round(sum(k * v for k, v in lead_changes.items()) / case_count, 2)
            if case_count
            else None,
            "distribution": {str(k): v for k, v in sorted(lead_changes.items())},
        },
        "pending_past_deadline": stock_handovers.filter(
            status=HandoverStatus.PROPOSED, deadline_at__lt=now
        ).count(),
        "escalations_open": Escalation.objects.filter(
            status=EscalationStatus.OPEN,
            **({"case__municipality": municipality} if municipality else {}),
        ).count(),
    }
