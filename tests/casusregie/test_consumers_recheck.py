"""Websockets re-check access before every event (issue 10, finding 9): an open case
socket kept receiving events after access ended."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async as sync_to_async

from casusregie import events, services
from tests.casusregie.test_consumers import connect

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.transactional,
    pytest.mark.usefixtures("wagtail_site", "access_log_flushable"),
]


async def closed_with(communicator) -> int | None:
    """The close code the consumer sent, after which the client leaves as a browser does.

    Without the disconnect the consumer's task stays open (a consumer waits for the
    client to leave after it closed), and the event loop's teardown had to cancel it in
    the middle of a Redis channel-layer receive: on PostgreSQL + Redis that teardown hung
    a CI run.
    """
    output = await communicator.receive_output(timeout=20)
    code = output.get("code") if output["type"] == "websocket.close" else None
    await communicator.disconnect(timeout=20)
    return code


class RecheckTests:
    async def test_a_case_socket_closes_when_the_consent_is_withdrawn(
        self, case_a, consent_b, cast
    ):
        await sync_to_async(services.involvement_add)(
            case=case_a, actor=cast.worker_a, organisation=cast.partner_b
        )
        communicator, connected, _code = await connect(
            f"/ws/casusregie/cases/{case_a.uuid}/", cast.worker_b
        )
        assert connected
        await sync_to_async(services.consent_withdraw)(
            consent=consent_b, actor=cast.worker_a
        )
        # The "case changed" event of the withdrawal is not forwarded: the socket closes.
        assert await closed_with(communicator) == 4403

    async def test_an_inbox_socket_closes_when_the_account_is_removed(
        self, case_a, cast
    ):
        communicator, connected, _code = await connect("/ws/casusregie/", cast.worker_b)
        assert connected

        def remove_and_notify():
            from pact.constants import Role
            from pact.services import member_remove
            from tests.factories.pact import UserFactory

            coordinator_b = UserFactory(roles=[(cast.partner_b, Role.COORDINATOR)])
            member_remove(
                user=cast.worker_b, organisation=cast.partner_b, actor=coordinator_b
            )
            events._send(
                [events.user_group(cast.worker_b.pk)],
                {"type": "handover.proposed", "handover": "x", "case": "y"},
            )

        await sync_to_async(remove_and_notify)()
        assert await closed_with(communicator) == 4403
