"""The pact dashboard's websocket: who may listen, and that a submission reaches it."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator

from agenda.routing import websocket_urlpatterns
from tests.agenda.conftest import at
from tests.factories.agenda import submitted_update

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.transactional]

# How long to wait for an event that must come: generous, because a loaded machine (or
# Redis under the PostgreSQL run) can be slow; a passing test never waits this long.
EVENT_TIMEOUT = 20


def communicator(plan, user):
    app = URLRouter(websocket_urlpatterns)
    comm = WebsocketCommunicator(app, f"/ws/agenda/plan/{plan.uuid}/")
    comm.scope["user"] = user
    return comm


class PlanDashboardConsumerTests:
    async def test_person_of_the_pact_receives_ids_of_a_submitted_update(
        self, wagtail_site, cast, world
    ):
        comm = communicator(world.plan, cast.regisseur)
        connected, _ = await comm.connect()
        assert connected
        update = await sync_to_async(submitted_update)(
            world.gkb_action,
            world.round("2020-Q1"),
            world.coordinator_b,
            story="Geheim?",
            at=at("2020-03-20"),
        )
        message = await comm.receive_json_from(timeout=EVENT_TIMEOUT)
        assert message == {
            "type": "update.submitted",
            "plan": str(world.plan.uuid),
            "action": str(world.gkb_action.uuid),
            "round": str(update.round.uuid),
        }
        await comm.disconnect()

    async def test_anonymous_and_outsiders_are_refused_on_an_unpublished_plan(
        self, wagtail_site, cast, world
    ):
        from django.contrib.auth.models import AnonymousUser

        comm = communicator(world.plan, AnonymousUser())
        connected, _ = await comm.connect()
        assert not connected
        # As a server does after a refused handshake (else the task is left pending).
        await comm.disconnect(timeout=EVENT_TIMEOUT)
        world.plan.is_published = False
        await sync_to_async(world.plan.save)()
        comm = communicator(world.plan, cast.outsider)
        connected, _ = await comm.connect()
        assert not connected
        await comm.disconnect(timeout=EVENT_TIMEOUT)
