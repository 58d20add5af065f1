"""The creditors' JSON endpoint is rate-limited per key: requests per minute and
signals per day, counted in the shared cache. Past a limit it answers 429 with a JSON
error and ``Retry-After``, logs the key's prefix (no personal data), and imports
nothing. With Redis unreachable the limits fail open (decision 0071)."""

from __future__ import annotations

import datetime
import json
import logging
import socket

from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

import pytest
import time_machine

from vroegsignalering import services
from vroegsignalering.models import Signal

pytestmark = pytest.mark.django_db

URL = reverse("vroegsignalering:api_signals")


def signal(number: int) -> dict:
    return {
        "soort": "huur",
        "bedrag": 850.5,
        "maanden": 2,
        "postcode": "9461AB",
        "huisnummer": str(number),
        "kenmerk": f"H-{number}",
        "datum": (datetime.date.today() - datetime.timedelta(days=3)).isoformat(),
    }


def deliver(key: str, count: int = 1, first: int = 1):
    body = {"signalen": [signal(n) for n in range(first, first + count)]}
    return Client().post(
        URL,
        data=json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def keys(routed):
    def make(creditor: str) -> str:
        _row, key = services.creditor_key_create(
            municipality=routed.municipality, creditor=creditor, actor=routed.regisseur
        )
        return key

    return make("Actium"), make("Enexis")


class RequestsPerMinuteTests:
    @pytest.fixture(autouse=True)
    def _limit(self, settings):
        settings.PACT_SIGNAL_API_REQUESTS_PER_MINUTE = 2

    @pytest.fixture(autouse=True)
    def _inside_one_minute(self):
        """The limit counts per clock minute: on a slow machine the deliveries of one
        test could fall in two minutes and the third would pass. Start each test at
        the beginning of a minute, with the clock running."""
        now = datetime.datetime.now(datetime.UTC).replace(second=1, microsecond=0)
        with time_machine.travel(now + datetime.timedelta(minutes=1), tick=True):
            yield

    def test_past_the_limit_the_api_answers_429_with_retry_after(self, keys):
        key, _other = keys
        assert deliver(key, first=1).status_code == 201
        assert deliver(key, first=2).status_code == 201
        response = deliver(key, first=3)
        assert response.status_code == 429
        assert response["Content-Type"] == "application/json"
        assert "fout" in response.json()
        assert response.json()["limiet"] == "verzoeken_per_minuut"
        assert 1 <= int(response["Retry-After"]) <= 60
        assert Signal.objects.count() == 2

    def test_the_limit_is_per_key(self, keys):
        key, other = keys
        for number in (1, 2):
            assert deliver(key, first=number).status_code == 201
        assert deliver(key, first=3).status_code == 429
        assert deliver(other, first=4).status_code == 201

    def test_the_next_minute_the_key_may_deliver_again(self, keys):
        key, _other = keys
        with time_machine.travel(
            datetime.datetime(2026, 11, 18, 10, 0, 5, tzinfo=datetime.UTC), tick=False
        ) as traveller:
            for number in (1, 2):
                assert deliver(key, first=number).status_code == 201
            refused = deliver(key, first=3)
            assert refused.status_code == 429
            assert refused["Retry-After"] == "55"
            traveller.shift(datetime.timedelta(seconds=60))
            assert deliver(key, first=3).status_code == 201

    def test_an_unknown_key_is_401_not_counted(self, keys):
        for _ in range(3):
            assert deliver("vs_nonsense-key").status_code == 401
        key, _other = keys
        assert deliver(key).status_code == 201

    def test_refusal_is_logged_with_the_key_prefix_only(self, keys, caplog):
        key, _other = keys
        for number in (1, 2):
            deliver(key, first=number)
        with caplog.at_level(logging.WARNING, logger="vroegsignalering"):
            deliver(key, first=3)
        (record,) = [r for r in caplog.records if r.name.startswith("vroegsignalering")]
        message = record.getMessage()
        assert key[3:11] in message
        assert key not in message
        assert "9461" not in message and "H-3" not in message


class SignalsPerDayTests:
    @pytest.fixture(autouse=True)
    def _limit(self, settings):
        settings.PACT_SIGNAL_API_SIGNALS_PER_DAY = 3

    def test_a_delivery_that_would_pass_the_day_limit_is_refused_whole(self, keys):
        key, _other = keys
        assert deliver(key, count=2, first=1).status_code == 201
        response = deliver(key, count=2, first=3)
        assert response.status_code == 429
        assert response.json()["limiet"] == "signalen_per_dag"
        assert int(response["Retry-After"]) > 0
        assert Signal.objects.count() == 2
        # What is left of the day may still be used.
        assert deliver(key, count=1, first=5).status_code == 201
        assert deliver(key, count=1, first=6).status_code == 429

    def test_the_day_limit_is_per_key(self, keys):
        key, other = keys
        assert deliver(key, count=3, first=1).status_code == 201
        assert deliver(key, count=1, first=4).status_code == 429
        assert deliver(other, count=3, first=5).status_code == 201

    def test_retry_after_points_at_midnight(self, keys):
        key, _other = keys
        # 23:00 in Amsterdam (UTC+1 in November): one hour to go.
        with time_machine.travel(
            datetime.datetime(2026, 11, 18, 22, 0, 0, tzinfo=datetime.UTC), tick=False
        ):
            assert deliver(key, count=3, first=1).status_code == 201
            response = deliver(key, count=1, first=4)
        assert response.status_code == 429
        assert response["Retry-After"] == "3600"

    def test_a_delivery_larger_than_a_whole_day_is_413(self, keys):
        key, _other = keys
        response = deliver(key, count=4, first=1)
        assert response.status_code == 413
        assert "3" in response.json()["fout"]
        assert not Signal.objects.exists()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_down():
    from config import resilience

    url = f"redis://127.0.0.1:{_closed_port()}/0"
    caches = {
        "default": {
            "BACKEND": "config.resilience.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        }
    }
    with override_settings(CACHES=caches):
        yield
    resilience.cache_outage.recovered()


class RedisDownTests:
    @pytest.fixture(autouse=True)
    def _limits(self, settings):
        settings.PACT_SIGNAL_API_REQUESTS_PER_MINUTE = 1
        settings.PACT_SIGNAL_API_SIGNALS_PER_DAY = 2

    def test_limits_fail_open_when_the_cache_is_unreachable(self, keys, redis_down):
        key, _other = keys
        statuses = [deliver(key, count=2, first=n * 2).status_code for n in range(3)]
        assert statuses == [201, 201, 201]
        assert Signal.objects.count() == 6
