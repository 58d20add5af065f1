"""The figures page's numbers (``selectors.figures_by_month``) are counted in the
database in a fixed number of queries, and equal what a plain count over every
household and signal gives (the reference below: the first version, which looped over
every row in Python and took seconds at 100,000 signals)."""

from __future__ import annotations

import datetime
import statistics
from collections import Counter, defaultdict
from zoneinfo import ZoneInfo

from django.db.models import Count
from django.utils import timezone

import pytest

from vroegsignalering import selectors, services
from vroegsignalering.constants import (
    NATIONAL_ACCEPTED_RATE,
    ArrearsKind,
    AttemptKind,
    DeclineReason,
    HouseholdStatus,
    NextStep,
)
from vroegsignalering.models import Attempt, Household, PurgedTally, Signal

from .conftest import import_rows, row

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def reference_figures(municipality, *, months: int = 12) -> list[dict]:
    rows: dict[datetime.date, dict] = defaultdict(
        lambda: {
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
    )
    households = (
        Household.objects.filter(municipality=municipality)
        .annotate(
            signal_count=Count("signals", distinct=True),
            attempt_count=Count("attempts", distinct=True),
        )
        .values(
            "id",
            "first_signal_on",
            "first_contact_at",
            "status",
            "planned_step",
            "signal_count",
            "attempt_count",
        )
    )
    letter_attempts = dict(
        Attempt.objects.filter(
            household__municipality=municipality, kind=AttemptKind.LETTER
        )
        .values("household_id")
        .annotate(n=Count("id"))
        .values_list("household_id", "n")
    )
    month_of = {}
    for household in households:
        month = household["first_signal_on"].replace(day=1)
        month_of[household["id"]] = month
        row_ = rows[month]
        row_["households"] += 1
        row_["signals"] += household["signal_count"]
        if household["first_contact_at"] is not None:
            row_["reached"] += 1
            contact_day = timezone.localtime(household["first_contact_at"]).date()
            row_["days"].append((contact_day - household["first_signal_on"]).days)
        if household["status"] == HouseholdStatus.ACCEPTED:
            row_["accepted"] += 1
        if household["status"] == HouseholdStatus.DECLINED:
            row_["declined"] += 1
        if household["planned_step"] == NextStep.VISIT:
            row_["visits_planned"] += 1
        if household["planned_step"] == NextStep.CALL:
            row_["calls_planned"] += 1
        letters = letter_attempts.get(household["id"], 0)
        if (
            household["first_contact_at"] is None
            and letters
            and letters == household["attempt_count"]
        ):
            row_["letters_only"] += 1
    for kind, creditor, household_id in Signal.objects.filter(
        household__municipality=municipality
    ).values_list("kind", "creditor", "household_id"):
        row_ = rows[month_of[household_id]]
        row_["by_kind"][kind] += 1
        row_["by_creditor"][creditor] += 1
    for tally in PurgedTally.objects.filter(municipality=municipality):
        row_ = rows[tally.month]
        for key in ("households", "signals", "reached", "accepted", "letters_only"):
            row_[key] += getattr(tally, key)
        row_["by_kind"].update(tally.by_kind)
        row_["by_creditor"].update(tally.by_creditor)
        row_["days"].extend(tally.days_to_first_contact)
    result = []
    for month in sorted(rows, reverse=True)[:months]:
        row_ = rows[month]
        households_n = row_["households"] or 1
        days = sorted(row_.pop("days"))
        values = days
        p90 = (
            values[max(0, min(len(values) - 1, round(0.9 * (len(values) - 1))))]
            if values
            else None
        )
        result.append(
            {
                "month": month,
                **row_,
                "days": days,
                # Equal counts by name (the first version left them in the order
                # the rows came).
                "by_kind": [
                    (str(ArrearsKind(kind).label), n)
                    for kind, n in sorted(
                        row_["by_kind"].items(), key=lambda i: (-i[1], i[0])
                    )
                ],
                "by_creditor": sorted(
                    row_["by_creditor"].items(), key=lambda i: (-i[1], i[0])
                ),
                "reached_rate": row_["reached"] / households_n,
                "accepted_rate": row_["accepted"] / households_n,
                "national_accepted_rate": NATIONAL_ACCEPTED_RATE,
                "days_median": statistics.median(days) if days else None,
                "days_p90": p90,
            }
        )
    return result


def at(day: str, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(
        datetime.date.fromisoformat(day), datetime.time(hour, minute), AMSTERDAM
    )


@pytest.fixture
def worked(routed):
    """Households over three months in every outcome, plus anonymous counts of an
    older month (the purge's)."""
    worker = routed.worker_a
    import_rows(
        routed,
        row(number="1", day="2026-09-03"),
        row(number="1", creditor="Enexis", kind="energie", day="2026-09-04"),
        row(number="2", creditor="WMD", kind="water", day="2026-09-20"),
        row(number="3", day="2026-10-01"),
        row(number="4", creditor="Enexis", kind="energie", day="2026-10-15"),
        row(number="5", creditor="Menzis", kind="zorg", day="2026-10-31"),
        row(number="6", day="2026-11-02"),
        row(number="7", creditor="Enexis", kind="energie", day="2026-11-10"),
        row(number="7", creditor="WMD", kind="water", day="2026-11-11"),
        row(number="8", day="2026-11-12"),
    )
    by_number = {h.house_number: h for h in Household.objects.all()}

    def attempt(number, kind, contact, when):
        services.attempt_record(
            household=by_number[number],
            actor=worker,
            kind=kind,
            contact_made=contact,
            at=when,
        )

    # 1: a letter, then a visit with contact (near midnight: the local date counts),
    # accepted. 2: letters only, closed without contact. 3: a letter and a call without
    # contact (not letters only). 4: a call with contact, declined. 5: a letter only,
    # still open. 6: visited, in contact. 7, 8: nothing yet.
    attempt("1", AttemptKind.LETTER, False, at("2026-09-06", 10))
    attempt("1", AttemptKind.VISIT, True, at("2026-09-12", 23, 30))
    attempt("2", AttemptKind.LETTER, False, at("2026-09-22", 9))
    attempt("2", AttemptKind.LETTER, False, at("2026-10-06", 9))
    attempt("3", AttemptKind.LETTER, False, at("2026-10-03", 9))
    attempt("3", AttemptKind.CALL, False, at("2026-10-10", 9))
    attempt("4", AttemptKind.CALL, True, at("2026-10-16", 0, 15))
    attempt("5", AttemptKind.LETTER, False, at("2026-11-02", 9))
    attempt("6", AttemptKind.VISIT, True, at("2026-11-05", 14))
    services.household_accept(
        household=Household.objects.get(pk=by_number["1"].pk),
        actor=worker,
        goal="Rust",
        consent_scope="Achterstanden",
    )
    services.household_close_no_contact(
        household=Household.objects.get(pk=by_number["2"].pk), actor=worker
    )
    services.household_decline(
        household=Household.objects.get(pk=by_number["4"].pk),
        actor=worker,
        reason=DeclineReason.NOT_NOW,
    )
    PurgedTally.objects.create(
        municipality=routed.municipality,
        month=datetime.date(2026, 9, 1),
        households=3,
        signals=4,
        reached=2,
        accepted=1,
        letters_only=1,
        by_kind={"huur": 3, "energie": 1},
        by_creditor={"Actium": 3, "Enexis": 1},
        days_to_first_contact=[2, 30],
    )
    PurgedTally.objects.create(
        municipality=routed.municipality,
        month=datetime.date(2025, 12, 1),
        households=2,
        signals=2,
        reached=0,
        accepted=0,
        letters_only=2,
        by_kind={"water": 2},
        by_creditor={"WMD": 2},
        days_to_first_contact=[],
    )
    return routed


class FiguresTests:
    def test_figures_equal_a_count_over_every_row(self, worked):
        expected = reference_figures(worked.municipality)
        assert [m["month"] for m in expected] == [
            datetime.date(2026, 11, 1),
            datetime.date(2026, 10, 1),
            datetime.date(2026, 9, 1),
            datetime.date(2025, 12, 1),
        ]
        assert selectors.figures_by_month(worked.municipality) == expected

    def test_the_newest_months_only(self, worked):
        figures = selectors.figures_by_month(worked.municipality, months=2)
        assert figures == reference_figures(worked.municipality, months=2)

    def test_what_the_month_shows(self, worked):
        september = selectors.figures_by_month(worked.municipality)[2]
        # Households 1 and 2 plus the three purged ones.
        assert september["households"] == 5
        assert september["signals"] == 3 + 4
        assert september["reached"] == 1 + 2
        assert september["accepted"] == 1 + 1
        assert september["letters_only"] == 1 + 1
        # Household 1: first signal on 3 September, contact on the 12th: 9 days;
        # the purged ones: 2 and 30.
        assert september["days_median"] == 9
        assert september["days_p90"] == 30

    def test_days_count_in_local_time(self, worked):
        october = selectors.figures_by_month(worked.municipality)[1]
        # Household 4: signal on 15 October, call at 00:15 on the 16th in Amsterdam
        # (still the 15th in UTC): one day.
        assert october["reached"] == 1
        assert october["days_median"] == 1

    def test_another_municipality_is_not_counted(self, worked):
        from pact.models import Municipality

        other = Municipality.objects.exclude(pk=worked.municipality.pk).first()
        if other is None:
            pytest.skip("the cast has one municipality")
        assert selectors.figures_by_month(other) == []

    def test_a_fixed_number_of_queries(self, worked, django_assert_max_num_queries):
        with django_assert_max_num_queries(5):
            selectors.figures_by_month(worked.municipality)
