"""Login limits (issue 10, finding 10): "15 user names x 1 password blocked nothing".

Per user name from any address (django-axes), per address across user names and for
the whole platform (config/loginlimit.py)."""

from __future__ import annotations

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db
PASSWORD = "test-wachtwoord-123"


ADDRESSES = [f"10.0.{a}.{b}" for a in range(1, 6) for b in range(20)]


def _reset_counters():
    """Only this file's keys: the cache may be a Redis that other runs share."""
    from config.loginlimit import _window

    bucket, _seconds = _window()
    cache.delete_many(
        [f"login-failures:all:{bucket}"]
        + [f"login-failures:address:{address}:{bucket}" for address in ADDRESSES]
    )


@pytest.fixture(autouse=True)
def _fresh_counters():
    _reset_counters()
    yield
    _reset_counters()


def attempt(username, password="fout-wachtwoord", address="10.0.0.1"):  # noqa: S107
    client = Client(REMOTE_ADDR=address)
    response = client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}
    )
    return response, "_auth_user_id" in client.session


def test_a_user_name_is_locked_from_every_address(cast, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt("worker_a", address=f"10.0.1.{number}")
    response, logged_in = attempt("worker_a", PASSWORD, address="10.0.2.1")
    assert response.status_code == 429 and not logged_in
    # Someone else is not affected.
    _response, logged_in = attempt("worker_b", PASSWORD, address="10.0.2.1")
    assert logged_in


def test_one_address_trying_many_names_is_stopped(cast, settings):
    settings.PACT_LOGIN_ADDRESS_FAILURE_LIMIT = 15
    for number in range(15):
        attempt(f"iemand{number}", address="10.0.3.1")
    response, logged_in = attempt("worker_a", PASSWORD, address="10.0.3.1")
    assert response.status_code == 429 and not logged_in
    # Another address logs in as usual.
    _response, logged_in = attempt("worker_a", PASSWORD, address="10.0.3.2")
    assert logged_in


def test_a_spray_from_many_addresses_meets_the_global_limit(cast, settings):
    settings.PACT_LOGIN_GLOBAL_FAILURE_LIMIT = 12
    for number in range(12):
        attempt(f"iemand{number}", address=f"10.0.4.{number}")
    response, logged_in = attempt("worker_b", PASSWORD, address="10.0.5.1")
    assert response.status_code == 429 and not logged_in
