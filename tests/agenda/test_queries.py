"""The pages and the council report run a fixed number of queries, whatever the size of
the plan: each count is pinned, and a plan grown with more actions, owners, updates and
indicators must give the same count (no query per action, block or indicator)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from agenda import caching, services
from agenda.constants import OwnerRole
from agenda.report import council_report_html
from agenda.views import plan_pages
from tests.agenda.conftest import at
from tests.factories.agenda import action, submitted_update

pytestmark = pytest.mark.django_db

# Queries per page for a pact admin (session, user, roles and notifications included),
# recomputed (nothing cached). They do not depend on the number of actions.
ADMIN_PAGES = {
    "dashboard": 27,
    "dashboard_fragment": 26,
    "by_block": 21,
    "timeline": 14,
    "by_quarter": 12,
    "organisations": 11,
    "quality": 54,  # coverage per round: grows with the rounds, not the actions
}
PUBLIC_PAGES = {"dashboard": 17, "by_block": 13, "timeline": 6}
ORGANISATION_PAGE = 14
# 25 of the agenda, and 3 of the sections other apps add (decision 0135):
# vroegsignalering reads the pact's municipalities, then per municipality its households
# by day and its purged counts (no more for one without signals, decision 0133).
COUNCIL_REPORT = 28


def count_queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def grow(world, cast, n: int, *, start: int = 0) -> None:
    """Add ``n`` actions over both building blocks and plan-wide, with one or two
    owners, a submitted update in 2020-Q1 and 2020-Q2, and an indicator with values."""
    blocks = [world.main_block, world.side_block, None]
    for i in range(start, start + n):
        owners = [(cast.partner_a, OwnerRole.LEAD)]
        if i % 2:
            owners.append((cast.partner_b, OwnerRole.EXECUTING))
        extra = action(
            world.plan,
            f"Extra actie {i:02d}",
            owners=owners,
            timing="2020 - 2021",
            block=blocks[i % 3],
        )
        indicator = services.indicator_upsert(
            action=extra, name=f"Bereik {i}", unit="huishoudens", target=50
        )
        for number, key in enumerate(["2020-Q1", "2020-Q2"]):
            submitted_update(
                extra,
                world.round(key),
                cast.coordinator_a,
                progress=10 * (number + 1),
                story="Gedaan.",
                signal="Let op." if i % 2 else "",
                values={(indicator.pk, cast.partner_a.pk): 5 + number},
                at=at(f"2020-0{3 * (number + 1)}-20"),
            )


def plan_url(world, name: str, **kwargs) -> str:
    return reverse(
        f"agenda:{name}",
        kwargs={"pact": world.plan.pact.slug, "plan": world.plan.slug, **kwargs},
    )


@pytest.fixture
def small_plan(cast, world):
    """The world's plan with one grown action, so it has some of everything (an
    indicator with values, signals, plan-wide actions): queries for an empty list are
    skipped, which would make the small plan look cheaper for the wrong reason."""
    grow(world, cast, 1)
    return world


def bigger(world, cast) -> None:
    grow(world, cast, 12, start=1)


def fetcher(client, world, url: str):
    def fetch() -> None:
        caching.plan_changed(world.plan.pk)  # recomputed, as right after a change
        response = client.get(url)
        assert response.status_code == 200

    fetch()  # warm up (content types, templates)
    return fetch


class PageQueryCountTests:
    @pytest.mark.parametrize(("name", "expected"), ADMIN_PAGES.items())
    def test_pact_admin_pages(self, client, cast, small_plan, name, expected):
        world = small_plan
        client.force_login(cast.pact_admin)
        fetch = fetcher(client, world, plan_url(world, name))
        assert count_queries(fetch) == expected
        bigger(world, cast)
        assert count_queries(fetch) == expected

    @pytest.mark.parametrize(("name", "expected"), PUBLIC_PAGES.items())
    def test_public_pages(self, client, cast, small_plan, name, expected):
        world = small_plan
        fetch = fetcher(client, world, plan_url(world, name))
        assert count_queries(fetch) == expected
        bigger(world, cast)
        assert count_queries(fetch) == expected

    def test_organisation_page(self, client, cast, small_plan):
        world = small_plan
        client.force_login(cast.pact_admin)
        fetch = fetcher(
            client,
            world,
            plan_url(world, "organisation", organisation=cast.partner_a.slug),
        )
        assert count_queries(fetch) == ORGANISATION_PAGE
        bigger(world, cast)
        assert count_queries(fetch) == ORGANISATION_PAGE

    @pytest.mark.parametrize("name", ["by_block", "timeline"])
    def test_large_plan_pages_show_the_first_actions_of_each_block(
        self, client, cast, small_plan, name, monkeypatch
    ):
        world = small_plan
        monkeypatch.setattr(plan_pages, "LARGE_PLAN", 4)
        monkeypatch.setattr(plan_pages, "LIST_LIMIT_PER_BLOCK", 2)
        client.force_login(cast.pact_admin)
        fetch = fetcher(client, world, plan_url(world, name))
        small = count_queries(fetch)  # 6 actions: more than 4, so limited
        bigger(world, cast)
        assert count_queries(fetch) == small
        page = client.get(plan_url(world, name)).content.decode()
        # The first two of each block in plan order, and a link to the whole block:
        # the main block starts with two actions of the world, plan-wide with extras.
        assert "Extra actie 00" not in page
        assert "Extra actie 02" in page and "Extra actie 05" in page
        assert "Extra actie 08" not in page
        assert "?bouwsteen=4" in page and "?bouwsteen=geen" in page
        whole = client.get(plan_url(world, name) + "?bouwsteen=4").content.decode()
        assert "Extra actie 00" in whole and "Extra actie 12" in whole
        assert "Extra actie 01" not in whole


class CouncilReportQueryCountTests:
    def test_report_context_and_html_run_a_fixed_number_of_queries(
        self, cast, small_plan
    ):
        world = small_plan
        round_ = world.round("2020-Q2")
        council_report_html(round_)
        assert count_queries(lambda: council_report_html(round_)) == COUNCIL_REPORT
        bigger(world, cast)  # also 12 more indicators with values
        assert count_queries(lambda: council_report_html(round_)) == COUNCIL_REPORT
