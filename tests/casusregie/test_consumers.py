"""Live events over websockets (in-memory channel layer, or Redis when REDIS_URL is set).

Events carry identifiers only; consumers authorise with the casusregie policy."""

from __future__ import annotations

from django.test import Client, override_settings

import pytest
from channels.db import database_sync_to_async as sync_to_async
from channels.testing import WebsocketCommunicator

from casusregie import services

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.transactional,
    pytest.mark.usefixtures("wagtail_site", "access_log_flushable"),
]

# How long to wait for an event that must come: generous, because a loaded machine (or
# Redis under the PostgreSQL run) can be slow; a passing test never waits this long.
EVENT_TIMEOUT = 20


def application():
    from config.asgi import application as app

    return app


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


async def connect(path: str, user=None):
    headers = [(b"origin", b"http://localhost")]
    if user is not None:
        cookie = await sync_to_async(session_cookie)(user)
        headers.append((b"cookie", f"sessionid={cookie}".encode()))
    communicator = WebsocketCommunicator(application(), path, headers=headers)
    connected, code = await communicator.connect(timeout=EVENT_TIMEOUT)
    if not connected:
        # A server tells the application the client has gone after a refused
        # handshake. Without it the consumer's task was left for the event loop's
        # teardown to cancel, which hung a CI run on PostgreSQL + Redis.
        await communicator.disconnect(timeout=EVENT_TIMEOUT)
    return communicator, connected, code


class ConsumerTests:
    async def test_receiver_gets_the_proposal_live_with_ids_only(
        self, case_a, consent_b, cast
    ):
        communicator, connected, _code = await connect("/ws/casusregie/", cast.worker_b)
        assert connected
        handover = await sync_to_async(services.handover_propose)(
            case=case_a,
            actor=cast.worker_a,
            to_organisation=cast.partner_b,
            priorities="Eerst de huur regelen",
        )
        event = await communicator.receive_json_from(timeout=EVENT_TIMEOUT)
        assert event == {
            "type": "handover.proposed",
            "handover": str(handover.uuid),
            "case": str(case_a.uuid),
        }
        await communicator.disconnect()

    async def test_anonymous_and_people_without_case_roles_are_refused(self, cast):
        communicator, connected, code = await connect("/ws/casusregie/")
        assert not connected
        communicator, connected, code = await connect("/ws/casusregie/", cast.editor_a)
        assert not connected and code == 4403

    async def test_case_socket_follows_the_policy(self, case_a, cast):
        path = f"/ws/casusregie/cases/{case_a.uuid}/"
        _c, connected, code = await connect(path, cast.worker_b)
        assert not connected and code == 4403
        communicator, connected, _code = await connect(path, cast.worker_a)
        assert connected
        await sync_to_async(services.note_add)(
            case=case_a, actor=cast.worker_a, text="Gebeld"
        )
        event = await communicator.receive_json_from(timeout=EVENT_TIMEOUT)
        assert event == {"type": "case.changed", "case": str(case_a.uuid)}
        await communicator.disconnect()

    async def test_regisseur_hears_of_an_escalation(self, case_a, cast):
        communicator, connected, _code = await connect(
            "/ws/casusregie/", cast.regisseur
        )
        assert connected
        escalation = await sync_to_async(services.escalation_request)(
            case=case_a, actor=cast.worker_a, reason="Vastgelopen"
        )
        event = await communicator.receive_json_from(timeout=EVENT_TIMEOUT)
        assert event["type"] == "escalation.opened"
        assert event["escalation"] == str(escalation.uuid)
        await communicator.disconnect()

    @override_settings(PACT_REQUIRE_2FA=True)
    async def test_unverified_sessions_are_refused_when_two_factors_are_required(
        self, cast
    ):
        _c, connected, code = await connect("/ws/casusregie/", cast.worker_a)
        assert not connected and code == 4403
