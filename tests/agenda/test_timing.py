"""The timing parser: every form in the real tables, and properties over generated input."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from agenda.constants import ReviewReason, ScheduleKind
from agenda.timing import (
    Period,
    Quarter,
    Schedule,
    TimingError,
    format_quarters,
    parse_timing,
)

PLAN_2020_2021 = Period(Quarter(2020, 1), Quarter(2021, 4))


def q(key: str) -> Quarter:
    return Quarter.from_key(key)


def keys(schedule: Schedule) -> list[str]:
    return [quarter.key for quarter in schedule.quarters]


class RealTableFormsTests:
    """Every timing in the Aa en Hunze table (chapter 5) and DOMAIN.md's rendering of it."""

    def test_jaarlijks_q3_recurs_every_year_of_the_period(self):
        schedule = parse_timing("Jaarlijks Q3", PLAN_2020_2021)
        assert schedule.kind == ScheduleKind.YEARLY
        assert [o.year for o in schedule.occurrences] == [2020, 2021]
        assert [o.due.key for o in schedule.occurrences] == ["2020-Q3", "2021-Q3"]
        assert not schedule.needs_review
        assert schedule.text == "Jaarlijks Q3"

    def test_every_year_q3_in_english_means_the_same(self):
        english = parse_timing("every year, Q3", PLAN_2020_2021)
        assert english.kind == ScheduleKind.YEARLY
        assert (
            english.occurrences
            == parse_timing("Jaarlijks Q3", PLAN_2020_2021).occurrences
        )

    def test_single_quarter_without_year_takes_the_first_plan_year_and_is_flagged(self):
        schedule = parse_timing("Q1", PLAN_2020_2021)
        assert schedule.kind == ScheduleKind.ONCE
        assert keys(schedule) == ["2020-Q1"]
        assert schedule.year_assumed
        assert schedule.review == (ReviewReason.YEAR_ASSUMED,)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Q2", ["2020-Q2"]),
            ("Q2, Q3", ["2020-Q2", "2020-Q3"]),
            ("Q1, Q2", ["2020-Q1", "2020-Q2"]),
        ],
    )
    def test_quarter_lists_of_the_table(self, text, expected):
        schedule = parse_timing(text, PLAN_2020_2021)
        assert keys(schedule) == expected
        assert schedule.occurrences[0].due.key == expected[-1]
        assert schedule.year_assumed

    def test_range_of_years(self):
        schedule = parse_timing("2020 - 2021", PLAN_2020_2021)
        assert schedule.kind == ScheduleKind.ONCE
        assert len(schedule.quarters) == 8
        assert schedule.first == q("2020-Q1") and schedule.last == q("2021-Q4")
        assert not schedule.needs_review

    def test_single_year(self):
        schedule = parse_timing("2020", PLAN_2020_2021)
        assert keys(schedule) == ["2020-Q1", "2020-Q2", "2020-Q3", "2020-Q4"]
        assert not schedule.needs_review

    @pytest.mark.parametrize(
        "text", ["Doorlopend", "doorlopend", "continuous", "Continu"]
    )
    def test_continuous_runs_through_the_period(self, text):
        schedule = parse_timing(text, PLAN_2020_2021)
        assert schedule.kind == ScheduleKind.CONTINUOUS
        assert len(schedule.quarters) == 8
        assert not schedule.needs_review

    @pytest.mark.parametrize(
        "text", ["", None, "  ", "-", "(none given)", "n.v.t.", "onbekend"]
    )
    def test_no_timing_is_unknown_and_flagged(self, text):
        schedule = parse_timing(text, PLAN_2020_2021)
        assert schedule.kind == ScheduleKind.UNKNOWN
        assert schedule.occurrences == ()
        assert schedule.review == (ReviewReason.MISSING,)


class OtherFormsTests:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Q3 2020", ["2020-Q3"]),
            ("q3 2020", ["2020-Q3"]),
            ("Q3-2020", ["2020-Q3"]),
            ("2020-Q3", ["2020-Q3"]),
            ("2020 Q3", ["2020-Q3"]),
            ("K3 2020", ["2020-Q3"]),
            ("3e kwartaal 2020", ["2020-Q3"]),
            ("derde kwartaal 2020", ["2020-Q3"]),
            ("kwartaal 3 2020", ["2020-Q3"]),
            ("Q3 2020 - Q1 2021", ["2020-Q3", "2020-Q4", "2021-Q1"]),
            ("Q3 2020 t/m Q1 2021", ["2020-Q3", "2020-Q4", "2021-Q1"]),
            ("Q3 2020 tot en met Q1 2021", ["2020-Q3", "2020-Q4", "2021-Q1"]),
            ("van Q3 2020 tot Q1 2021", ["2020-Q3", "2020-Q4", "2021-Q1"]),
            ("Q3 2020 \u2013 Q1 2021", ["2020-Q3", "2020-Q4", "2021-Q1"]),
            ("december 2020", ["2020-Q4"]),
            ("eind 2020", ["2020-Q4"]),
            ("begin 2021", ["2021-Q1"]),
            ("tweede helft 2020", ["2020-Q3", "2020-Q4"]),
            ("H1 2021", ["2021-Q1", "2021-Q2"]),
            ("voorjaar 2020", ["2020-Q2"]),
            (
                "2020 en/of 2021",
                [f"{y}-Q{n}" for y in (2020, 2021) for n in (1, 2, 3, 4)],
            ),
            ("Q1 2020, Q3 2020", ["2020-Q1", "2020-Q3"]),
            ("Q1 2020 en Q3 2020", ["2020-Q1", "2020-Q3"]),
        ],
    )
    def test_explicit_forms(self, text, expected):
        schedule = parse_timing(text, PLAN_2020_2021)
        assert schedule.kind == ScheduleKind.ONCE
        assert keys(schedule) == expected
        assert not schedule.year_assumed

    def test_vanaf_runs_to_the_end_of_the_period(self):
        schedule = parse_timing("vanaf 2021", PLAN_2020_2021)
        assert schedule.first == q("2021-Q1") and schedule.last == q("2021-Q4")

    def test_quarter_range_without_years(self):
        schedule = parse_timing("Q2 - Q4", PLAN_2020_2021)
        assert keys(schedule) == ["2020-Q2", "2020-Q3", "2020-Q4"]
        assert schedule.year_assumed

    def test_missing_year_wraps_to_the_next_year_when_the_list_goes_back(self):
        schedule = parse_timing("Q4, Q1", PLAN_2020_2021)
        assert keys(schedule) == ["2020-Q4", "2021-Q1"]

    def test_missing_year_follows_a_period_starting_mid_year(self):
        period = Period(Quarter(2020, 3), Quarter(2022, 2))
        assert keys(parse_timing("Q1", period)) == ["2021-Q1"]

    def test_quarters_outside_the_period_are_flagged(self):
        schedule = parse_timing("Q1 2019", PLAN_2020_2021)
        assert schedule.review == (ReviewReason.OUTSIDE_PERIOD,)

    def test_yearly_in_two_quarters(self):
        schedule = parse_timing("Jaarlijks Q2 en Q4", PLAN_2020_2021)
        assert [o.due.key for o in schedule.occurrences] == ["2020-Q4", "2021-Q4"]
        assert [q.number for q in schedule.occurrences[0].quarters] == [2, 4]

    def test_yearly_without_quarter_is_flagged(self):
        schedule = parse_timing("Jaarlijks", PLAN_2020_2021)
        assert schedule.kind == ScheduleKind.YEARLY
        assert schedule.review == (ReviewReason.YEARLY_WITHOUT_QUARTER,)

    def test_yearly_occurrence_lookup_by_quarter(self):
        schedule = parse_timing("Jaarlijks Q3", PLAN_2020_2021)
        assert schedule.occurrence_for(q("2021-Q1")).year == 2021

    @pytest.mark.parametrize(
        "text", ["na de zomer misschien", "Q3 volgend jaar", "asap"]
    )
    def test_words_not_understood_are_kept_and_flagged(self, text):
        schedule = parse_timing(text, PLAN_2020_2021)
        assert schedule.kind == ScheduleKind.UNKNOWN
        assert schedule.text == text
        assert schedule.review == (ReviewReason.NOT_UNDERSTOOD,)

    @pytest.mark.parametrize("text", ["Q5", "Q0 2020", "5e kwartaal", "Jaarlijks Q7"])
    def test_impossible_quarters_raise(self, text):
        with pytest.raises(TimingError, match="vier kwartalen"):
            parse_timing(text, PLAN_2020_2021)

    def test_range_ending_before_it_starts_raises(self):
        with pytest.raises(TimingError, match="voor het begin"):
            parse_timing("Q3 2021 - Q1 2020", PLAN_2020_2021)

    def test_describe_says_what_was_understood(self):
        assert (
            "Q1 2020 tot en met Q2 2020"
            in parse_timing("Q1, Q2", PLAN_2020_2021).describe()
        )
        assert (
            "Elk jaar in Q3" in parse_timing("Jaarlijks Q3", PLAN_2020_2021).describe()
        )
        assert "Doorlopend" in parse_timing("Doorlopend", PLAN_2020_2021).describe()

    def test_json_round_trip(self):
        for text in ["Jaarlijks Q3", "Q1, Q2", "Doorlopend", "", "2020 - 2021"]:
            schedule = parse_timing(text, PLAN_2020_2021)
            assert Schedule.from_json(schedule.to_json()) == schedule


# --- Properties -----------------------------------------------------------------------------

years = st.integers(min_value=2000, max_value=2040)
quarters = st.builds(Quarter, years, st.integers(min_value=1, max_value=4))
periods = st.tuples(quarters, st.integers(min_value=0, max_value=24)).map(
    lambda pair: Period(pair[0], pair[0] + pair[1])
)


class PropertyTests:
    @given(st.text(max_size=60), periods)
    def test_never_fails_except_with_a_timing_error(self, text, period):
        try:
            schedule = parse_timing(text, period)
        except TimingError as error:
            assert str(error)
            return
        assert schedule.text == text.strip()
        if schedule.kind == ScheduleKind.UNKNOWN:
            assert schedule.needs_review and not schedule.occurrences

    @given(st.lists(quarters, min_size=1, max_size=8), periods)
    def test_canonical_words_round_trip(self, chosen, period):
        text = format_quarters(chosen)
        schedule = parse_timing(text, period)
        assert schedule.quarters == sorted(set(chosen))
        assert not schedule.year_assumed

    @given(quarters, st.integers(min_value=0, max_value=30), periods)
    def test_a_range_holds_every_quarter_between_its_ends(self, start, length, period):
        end = start + length
        schedule = parse_timing(f"{start} - {end}", period)
        assert len(schedule.quarters) == length + 1
        assert schedule.first == start and schedule.last == end

    @given(st.integers(min_value=1, max_value=4), periods)
    def test_a_quarter_without_year_lands_in_the_period(self, number, period):
        assume(period.last.index - period.first.index >= 3)
        schedule = parse_timing(f"Q{number}", period)
        (quarter,) = schedule.quarters
        assert quarter in period and quarter.number == number
        assert schedule.year_assumed

    @given(
        st.sampled_from(
            ["Q1, Q2", "Jaarlijks Q3", "2020 - 2021", "Doorlopend", "Q2 2021"]
        )
    )
    def test_case_and_spacing_do_not_matter(self, text):
        noisy = "  " + text.upper().replace(" ", "   ") + " "
        assert (
            parse_timing(noisy, PLAN_2020_2021).quarters
            == parse_timing(text, PLAN_2020_2021).quarters
        )

    @given(
        st.lists(
            st.integers(min_value=1, max_value=4), min_size=1, max_size=4, unique=True
        ),
        periods,
    )
    def test_yearly_has_one_occurrence_per_year_in_the_period(self, numbers, period):
        text = "Jaarlijks " + ", ".join(f"Q{n}" for n in sorted(numbers))
        schedule = parse_timing(text, period)
        for occurrence in schedule.occurrences:
            assert all(
                q in period and q.year == occurrence.year for q in occurrence.quarters
            )
        assert len({o.year for o in schedule.occurrences}) == len(schedule.occurrences)

    @given(quarters)
    def test_quarter_index_and_dates_agree(self, quarter):
        assert Quarter.from_index(quarter.index) == quarter
        assert Quarter.from_date(quarter.starts_on) == quarter
        assert Quarter.from_date(quarter.ends_on) == quarter
        assert quarter.ends_on + datetime.timedelta(days=1) == (quarter + 1).starts_on
