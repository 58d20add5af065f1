"""Roll-up, expected updates and coverage, overdue, views by quarter; fixed query counts."""

from __future__ import annotations

import datetime

import pytest

from agenda import selectors, services
from agenda.constants import OwnerRole, Status
from tests.agenda.conftest import at
from tests.factories.agenda import action, submitted_update

pytestmark = pytest.mark.django_db


class RollUpRuleTests:
    def test_mean_of_reported_percentages(self):
        result = selectors.rollup([20, 40, 90], expected=4)
        assert (result.value, result.reported, result.expected) == (50, 3, 4)
        assert "3 van de 4" in result.explanation

    def test_no_figure_with_fewer_than_two_reports(self):
        assert selectors.rollup([80], expected=1).value is None

    def test_no_figure_when_less_than_half_reported(self):
        assert selectors.rollup([10, 20], expected=5).value is None
        assert "Geen cijfer" in selectors.rollup([10, 20], expected=5).explanation

    def test_exactly_half_is_enough(self):
        assert selectors.rollup([10, 30], expected=4).value == 20


class ExpectedAndCoverageTests:
    def test_expected_follows_the_schedule(self, world):
        q1 = selectors.expected_action_ids(world.plan, world.round("2020-Q1"))
        assert world.attenta_action.pk in q1  # Q1, Q2
        assert world.shared_action.pk in q1  # Q1
        assert world.gkb_action.pk in q1  # 2020 - 2021
        assert world.hidden_action.pk in q1  # continuous: every round
        assert world.pact_action.pk not in q1  # yearly Q3: not yet
        q3 = selectors.expected_action_ids(world.plan, world.round("2020-Q3"))
        assert world.pact_action.pk in q3
        assert world.attenta_action.pk in q3  # overdue: still expected

    def test_finished_actions_stop_expecting_updates(self, cast, world):
        submitted_update(
            world.attenta_action,
            world.round("2020-Q1"),
            cast.coordinator_a,
            status=Status.DONE,
            at=at("2020-03-20"),
        )
        submitted_update(
            world.pact_action,
            world.round("2020-Q3"),
            cast.pact_admin,
            status=Status.DONE,
            at=at("2020-09-20"),
        )
        q4 = selectors.expected_action_ids(world.plan, world.round("2020-Q4"))
        assert world.attenta_action.pk not in q4
        assert world.pact_action.pk not in q4  # 2020 done; 2021 starts in Q3 2021
        assert world.pact_action.pk in selectors.expected_action_ids(
            world.plan, world.round("2021-Q3")
        )

    def test_coverage_counts_submitted_drafts_and_missing(self, cast, world):
        round_ = world.round("2020-Q1")
        submitted_update(
            world.attenta_action, round_, cast.coordinator_a, at=at("2020-03-20")
        )
        services.update_save(
            action=world.gkb_action,
            round=round_,
            actor=world.coordinator_b,
            status=Status.ON_TRACK,
            at=at("2020-03-20"),
        )
        coverage = selectors.round_coverage(world.plan, round_)
        assert (
            coverage.expected,
            coverage.submitted,
            coverage.drafts,
            coverage.missing,
        ) == (4, 1, 1, 3)
        assert coverage.percent == 25
        public = selectors.round_coverage(world.plan, round_, published_only=True)
        assert public.expected == 3


class OverdueTests:
    def test_past_due_and_unfinished_is_overdue_continuous_never(self, cast, world):
        overdue = {
            o.action_id
            for o in selectors.overdue_occurrences(
                world.plan, today=datetime.date(2020, 7, 15)
            )
        }
        assert overdue == {world.attenta_action.pk, world.shared_action.pk}
        submitted_update(
            world.attenta_action,
            world.round("2020-Q2"),
            cast.coordinator_a,
            status=Status.DONE,
            at=at("2020-06-20"),
        )
        overdue = {
            o.action_id
            for o in selectors.overdue_occurrences(
                world.plan, today=datetime.date(2022, 1, 15)
            )
        }
        assert world.attenta_action.pk not in overdue
        assert world.hidden_action.pk not in overdue
        assert world.gkb_action.pk in overdue and world.pact_action.pk in overdue


class BlockSummaryTests:
    def test_main_goals_first_with_rollup(self, cast, world):
        round_ = world.round("2020-Q1")
        submitted_update(
            world.gkb_action,
            round_,
            world.coordinator_b,
            progress=20,
            at=at("2020-03-20"),
        )
        submitted_update(
            world.shared_action,
            round_,
            world.coordinator_b,
            progress=60,
            at=at("2020-03-20"),
        )
        summaries = selectors.block_summaries(
            world.plan, round_, internal=True, today=datetime.date(2020, 3, 25)
        )
        assert [s.block for s in summaries] == [world.main_block, world.side_block]
        assert summaries[0].rollup.value == 40
        assert summaries[1].rollup.value is None

    def test_public_summary_counts_only_published_actions(self, world):
        summaries = selectors.block_summaries(world.plan, None, internal=False)
        assert sum(s.total for s in summaries) == 4


class QuarterViewTests:
    def test_planned_due_and_overdue(self, cast, world, time_machine):
        view = selectors.quarter_view(
            cast.coordinator_a, world.plan, world.plan.period.quarters()[1]
        )  # Q2 2020
        assert world.attenta_action in view.due
        assert world.shared_action in view.overdue
        assert {world.attenta_action, world.gkb_action, world.hidden_action} <= set(
            view.planned
        )


class DashboardTests:
    def test_overdue_figure_counts_all_overdue_not_only_the_listed(self, cast, world):
        for n in range(selectors.DASHBOARD_OVERDUE_SHOWN + 2):
            action(
                world.plan,
                f"Te laat {n}",
                owners=[(cast.partner_a, OwnerRole.LEAD)],
                timing="Q1",
                block=world.main_block,
            )
        board = selectors.plan_dashboard(cast.pact_admin, world.plan)
        assert len(board.overdue) == selectors.DASHBOARD_OVERDUE_SHOWN
        assert board.overdue_count == sum(b.overdue for b in board.blocks)
        assert board.overdue_count > selectors.DASHBOARD_OVERDUE_SHOWN


class QueryCountTests:
    def test_dashboard_runs_a_fixed_number_of_queries(
        self, cast, world, django_assert_max_num_queries
    ):
        round_ = world.round("2020-Q1")
        with django_assert_max_num_queries(30) as small:
            selectors.plan_dashboard(cast.pact_admin, world.plan, round_=round_)
        for n in range(20):
            action(
                world.plan,
                f"Extra {n}",
                owners=[(cast.partner_a, OwnerRole.LEAD)],
                timing="Q1",
                block=world.main_block,
            )
        with django_assert_max_num_queries(len(small.captured_queries)):
            selectors.plan_dashboard(cast.pact_admin, world.plan, round_=round_)

    def test_timeline_query_count_does_not_grow(
        self, cast, world, django_assert_max_num_queries
    ):
        with django_assert_max_num_queries(20) as small:
            selectors.timeline(cast.pact_admin, world.plan)
        for n in range(20):
            action(
                world.plan,
                f"Extra {n}",
                owners=[(cast.partner_a, OwnerRole.LEAD)],
                timing="Q1",
                block=world.main_block,
            )
        with django_assert_max_num_queries(len(small.captured_queries)):
            selectors.timeline(cast.pact_admin, world.plan)
