"""Redis down degrades, never cascades (issue 9, decision 0071).

The cache and the channel layer point at a closed port on this machine (Redis that is
not there). The public kaart, search and the HSDS API keep answering 200, ``/healthz``
says ``degraded`` with HTTP 200, and a change that publishes a live event still saves."""

from __future__ import annotations

import socket

from django.test import override_settings

import pytest

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the socket is


@pytest.fixture
def redis_down():
    from config import resilience

    url = f"redis://127.0.0.1:{closed_port()}/0"
    caches = {
        "default": {
            "BACKEND": "config.resilience.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        }
    }
    layers = {
        "default": {
            "BACKEND": "config.resilience.ResilientRedisChannelLayer",
            "CONFIG": {"hosts": [{"address": url, "socket_connect_timeout": 1}]},
        }
    }
    with override_settings(CACHES=caches, CHANNEL_LAYERS=layers):
        yield url
    for outage in (resilience.cache_outage, resilience.channel_layer_outage):
        outage.recovered()


PUBLIC_PATHS = [
    "/",
    "/hulp/",
    "/categorie/geld-en-schulden/",
    "/organisaties/",
    "/wat-past-bij-mij/",
    "/zoeken/?q=kindpakket",
    "/api/hsds/services",
    "/api/hsds/organizations",
]


class RedisDownTests:
    def test_public_pages_keep_answering(self, client, kaart, redis_down):
        paths = [*PUBLIC_PATHS, kaart.service_a.url, kaart.org_b.url]
        statuses = {path: client.get(path).status_code for path in paths}
        assert statuses == dict.fromkeys(paths, 200)

    def test_what_fits_me_answers(self, client, kaart, redis_down):
        from pact.models import Municipality

        municipality = Municipality.objects.first()
        response = client.post(
            "/wat-past-bij-mij/",
            {"gemeente": municipality.slug, "huishouden": "single", "inkomen": "900"},
        )
        assert response.status_code == 200

    def test_healthz_says_degraded_but_serving(self, client, kaart, redis_down):
        response = client.get("/healthz")
        assert response.status_code == 200
        body = response.json()
        assert body["status"] == "degraded"
        assert body["components"]["database"] == "ok"
        assert body["components"]["cache"] == "degraded"
        assert body["components"]["channel_layer"] == "degraded"

    def test_the_outage_is_logged_once_not_per_request(
        self, client, kaart, redis_down, caplog
    ):
        caplog.set_level("WARNING", logger="pact.resilience")
        for _ in range(5):
            client.get("/")
        messages = [
            r.getMessage() for r in caplog.records if r.name == "pact.resilience"
        ]
        assert len(messages) == 1, messages
        assert "Redis (cache) unreachable" in messages[0]
        assert redis_down not in messages[0]  # no address in the log

    async def test_a_live_event_to_an_unreachable_layer_is_dropped(self, redis_down):
        from channels.layers import get_channel_layer

        layer = get_channel_layer()
        # Does not raise: the change that published it has been saved already.
        await layer.group_send("casusregie.user.1", {"type": "x", "event": {}})
        with pytest.raises(Exception):  # noqa: B017 - joining fails: the socket closes
            await layer.group_add("casusregie.user.1", "specific.channel!1")
