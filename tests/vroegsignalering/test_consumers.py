"""The queue's live channel (in-memory channel layer, or Redis when REDIS_URL is set):
who may listen, that a new signal and a change reach the right queues, that events
carry counts and no household, and that a broken channel layer never breaks a change.
Every socket is disconnected at the end of its test (an open one hung a CI run)."""

from __future__ import annotations

from django.test import Client

import pytest
from channels.db import database_sync_to_async as sync_to_async
from channels.testing import WebsocketCommunicator

from pact.models import Membership
from vroegsignalering import events, services
from vroegsignalering.constants import AttemptKind
from vroegsignalering.models import Household

from .conftest import import_rows, row

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.transactional,
    pytest.mark.usefixtures("wagtail_site", "access_log_flushable"),
]

EVENT_TIMEOUT = 20
PATH = "/ws/vroegsignalering/queue/"


@pytest.fixture
def access_log_flushable(transactional_db):
    from tests.casusregie.conftest import drop_access_log_rows

    yield
    drop_access_log_rows()


def application():
    from config.asgi import application as app

    return app


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


async def connect(user=None):
    headers = [(b"origin", b"http://localhost")]
    if user is not None:
        cookie = await sync_to_async(session_cookie)(user)
        headers.append((b"cookie", f"sessionid={cookie}".encode()))
    communicator = WebsocketCommunicator(application(), PATH, headers=headers)
    connected, code = await communicator.connect(timeout=EVENT_TIMEOUT)
    if not connected:
        # As a server does after a refused handshake (else the task is left pending).
        await communicator.disconnect(timeout=EVENT_TIMEOUT)
    return communicator, connected, code


class QueueConsumerTests:
    async def test_partner_and_regisseur_hear_a_new_signal_with_counts_only(
        self, routed
    ):
        worker, connected, _ = await connect(routed.worker_a)
        assert connected
        regisseur, connected, _ = await connect(routed.regisseur)
        assert connected
        await sync_to_async(import_rows)(routed, row())
        for communicator in (worker, regisseur):
            event = await communicator.receive_json_from(timeout=EVENT_TIMEOUT)
            assert event["type"] == "queue.changed"
            # The counts of his own queue, and nothing about the household.
            assert set(event) == {"type", "counts"}
            assert set(event["counts"]) == {"open", "vandaag", "te_laat"}
            assert event["counts"]["open"] == 1
        await worker.disconnect()
        await regisseur.disconnect()

    async def test_another_partner_hears_nothing(self, routed):
        other, connected, _ = await connect(routed.worker_b)
        assert connected
        await sync_to_async(import_rows)(routed, row())  # routed to partner A
        assert await other.receive_nothing(timeout=1)
        await other.disconnect()

    async def test_recording_an_attempt_reaches_the_queue(self, routed):
        await sync_to_async(import_rows)(routed, row())
        household = await sync_to_async(Household.objects.get)()
        worker, connected, _ = await connect(routed.worker_a)
        assert connected
        await sync_to_async(services.attempt_record)(
            household=household,
            actor=routed.worker_a,
            kind=AttemptKind.CALL,
            contact_made=True,
        )
        event = await worker.receive_json_from(timeout=EVENT_TIMEOUT)
        assert event["type"] == "queue.changed"
        assert set(event) == {"type", "counts"}
        await worker.disconnect()

    async def test_anonymous_and_people_without_a_queue_are_refused(self, routed):
        _comm, connected, _code = await connect()
        assert not connected
        for person in (routed.editor_a, routed.pact_admin):
            _comm, connected, code = await connect(person)
            assert not connected and code == 4403

    async def test_a_person_whose_role_ended_stops_hearing(self, routed):
        worker, connected, _ = await connect(routed.worker_a)
        assert connected
        await sync_to_async(
            Membership.objects.filter(
                user=routed.worker_a, organisation=routed.partner_a
            ).delete
        )()
        await sync_to_async(import_rows)(routed, row())
        output = await worker.receive_output(timeout=EVENT_TIMEOUT)
        assert output == {"type": "websocket.close", "code": 4403}
        await worker.disconnect()


class BrokenLayerTests:
    def test_a_change_is_saved_when_the_layer_cannot_deliver(
        self, routed, monkeypatch, caplog
    ):
        class Broken:
            async def group_send(self, group, message):
                raise ConnectionError("Redis away")

        monkeypatch.setattr(events, "get_channel_layer", lambda: Broken())
        batch = import_rows(routed, row())
        assert batch.households_new == 1
        assert Household.objects.count() == 1
        assert "live event not delivered" in caplog.text
