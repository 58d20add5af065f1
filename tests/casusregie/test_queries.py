"""The pages a worker opens all day run a fixed number of queries: the count does not
grow with the number of cases, goals, notes, hand-overs or involved organisations, and
the person's rights on a case are read once per page (not once per ``{% can_case %}``).

Counted at the cursor, so the session, the login and the access-log insert count too;
savepoints are left out (the test transaction adds them), so the numbers are those of
the benchmark on PostgreSQL.
"""

from __future__ import annotations

import datetime

from django.db import connection
from django.test import Client
from django.urls import reverse

import pytest

from casusregie import services
from tests.factories.casusregie import CaseFactory

pytestmark = pytest.mark.django_db

# Pinned. If a change makes these grow, look for a query per row first.
DASHBOARD_QUERIES = 10
CASE_PAGE_QUERIES = 18
API_CASE_LIST_QUERIES = 9
SAVEPOINTS = ("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def queries_of(call) -> int:
    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        if not sql.startswith(SAVEPOINTS):
            count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        response = call()
    assert response.status_code == 200
    return count


def open_cases(cast, count: int):
    return [
        CaseFactory(
            actor=cast.worker_a,
            organisation=cast.partner_a,
            municipality=cast.municipality,
        )
        for _ in range(count)
    ]


def make_busy(case, cast) -> None:
    """Goals, notes, a second organisation and an open hand-over on ``case``."""
    for text in ("De huur betalen", "Werk vinden", "Rust in huis"):
        services.goal_add(case=case, actor=cast.worker_a, text=text)
    for text in ("Gebeld met de inwoner", "Brief van de deurwaarder gezien"):
        services.note_add(case=case, actor=cast.worker_a, text=text)
    consent = services.consent_record(
        case=case,
        actor=cast.worker_a,
        organisation=cast.partner_b,
        scope="Doelen en overdrachtsnotitie",
        given_on=datetime.date.today(),
    )
    services.involvement_add(
        case=case, actor=cast.worker_a, organisation=cast.partner_b, consent=consent
    )
    services.handover_propose(
        case=case,
        actor=cast.worker_a,
        to_organisation=cast.partner_b,
        priorities="Eerst de deurwaarder",
    )


class QueryCountTests:
    def test_dashboard_does_not_grow_with_cases_or_handovers(self, cast):
        client = client_for(cast.worker_a)
        url = reverse("casusregie:dashboard")
        first = open_cases(cast, 2)
        few = queries_of(lambda: client.get(url))
        more = open_cases(cast, 8)
        make_busy(first[0], cast)
        make_busy(more[0], cast)
        many = queries_of(lambda: client.get(url))
        assert few == many == DASHBOARD_QUERIES

    def test_receiver_dashboard_lists_incoming_in_the_same_queries(self, cast):
        case = open_cases(cast, 1)[0]
        make_busy(case, cast)
        client = client_for(cast.worker_b)
        response = client.get(reverse("casusregie:dashboard"))
        handover = case.handovers.get()
        assert (
            reverse("casusregie:handover_detail", args=[handover.uuid])
            in response.content.decode()
        )
        assert (
            queries_of(lambda: client.get(reverse("casusregie:dashboard")))
            == DASHBOARD_QUERIES
        )

    def test_case_page_is_fixed_whatever_the_case_holds(self, cast):
        quiet, busy = open_cases(cast, 2)
        make_busy(busy, cast)
        client = client_for(cast.worker_a)

        def page(case):
            return lambda: client.get(
                reverse("casusregie:case_detail", args=[case.uuid])
            )

        assert queries_of(page(quiet)) == queries_of(page(busy)) == CASE_PAGE_QUERIES

    def test_api_case_list_does_not_grow_with_cases(self, cast):
        client = client_for(cast.worker_a)
        url = reverse("casusregie:api_case_list")
        open_cases(cast, 2)
        few = queries_of(lambda: client.get(url))
        make_busy(open_cases(cast, 6)[0], cast)
        assert few == queries_of(lambda: client.get(url)) == API_CASE_LIST_QUERIES


class HandoverInboxTests:
    def test_inbox_splits_like_the_separate_selectors(self, cast):
        from casusregie import selectors

        case = open_cases(cast, 1)[0]
        make_busy(case, cast)

        def same(user):
            inbox = selectors.handover_inbox(user)
            assert inbox["incoming"] == list(selectors.handovers_incoming(user))
            assert inbox["outgoing"] == list(selectors.handovers_outgoing(user))
            assert inbox["awaiting_contact"] == list(
                selectors.handovers_awaiting_first_contact(user)
            )
            return inbox

        assert len(same(cast.worker_a)["outgoing"]) == 1
        assert len(same(cast.worker_b)["incoming"]) == 1
        services.handover_accept(handover=case.handovers.get(), actor=cast.worker_b)
        assert len(same(cast.worker_b)["awaiting_contact"]) == 1
        assert same(cast.worker_b)["incoming"] == []
        assert same(cast.outsider) == {
            "incoming": [],
            "outgoing": [],
            "awaiting_contact": [],
        }
