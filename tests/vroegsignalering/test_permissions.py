"""The permission matrix of vroegsignalering: every role x every page, allowed and
forbidden both asserted; forbidden answers 404 like a household that does not exist.
``docs/vroegsignalering.md`` shows the same table."""

from __future__ import annotations

import re
import uuid

from django.test import Client
from django.urls import reverse

import pytest

from casusregie.models import AccessLogEntry
from vroegsignalering import permissions
from vroegsignalering.models import Household

from .conftest import import_rows, row

pytestmark = pytest.mark.django_db

# Who may open a household routed to partner A (Attenta) in the cast's municipality.
VIEWERS = {"worker_a", "coordinator_a", "regisseur"}
RECORDERS = {"worker_a", "regisseur"}
EVERYONE = [
    "worker_a",
    "coordinator_a",
    "regisseur",
    "worker_b",
    "editor_a",
    "pact_admin",
    "outsider",
]

HOUSEHOLD_PAGES = [
    ("vroegsignalering:household_detail", "get", VIEWERS),
    ("vroegsignalering:household_letter", "get", VIEWERS),
    ("vroegsignalering:attempt_add", "post", RECORDERS),
    ("vroegsignalering:household_children", "post", RECORDERS),
    ("vroegsignalering:household_decline", "post", RECORDERS),
    ("vroegsignalering:household_no_contact", "post", RECORDERS),
    ("vroegsignalering:household_accept", "post", RECORDERS),
    ("vroegsignalering:household_reassign", "post", {"regisseur"}),
]
# (page, who gets 200; everyone else 404)
AREA_PAGES = [
    ("vroegsignalering:queue", {"worker_a", "coordinator_a", "regisseur", "worker_b"}),
    ("vroegsignalering:upload", {"regisseur"}),
    ("vroegsignalering:rules", {"regisseur"}),
    ("vroegsignalering:creditor_keys", {"regisseur"}),
    ("vroegsignalering:capacity", {"coordinator_a"}),
    ("vroegsignalering:figures", {"coordinator_a", "regisseur", "pact_admin"}),
]


@pytest.fixture
def household(routed):
    import_rows(routed, row())
    return Household.objects.get()


def _normalise(content: bytes, key) -> bytes:
    content = content.replace(str(key).encode(), b"X")
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("name,method,allowed", HOUSEHOLD_PAGES)
@pytest.mark.parametrize("person", EVERYONE)
def test_household_pages_follow_the_matrix(
    routed, household, name, method, allowed, person
):
    client = _client(getattr(routed, person))
    url = reverse(name, args=[household.uuid])
    data = {"kind": "telefoon", "contact_made": "nee"} if method == "post" else {}
    response = getattr(client, method)(url, data)
    if person in allowed:
        assert response.status_code in (200, 302), (person, name)
    else:
        assert response.status_code == 404, (person, name)
        other = uuid.uuid4()
        missing = getattr(client, method)(reverse(name, args=[other]), data)
        assert missing.status_code == 404
        assert _normalise(response.content, household.uuid) == _normalise(
            missing.content, other
        )


@pytest.mark.parametrize("name,allowed", AREA_PAGES)
@pytest.mark.parametrize("person", EVERYONE)
def test_area_pages_follow_the_matrix(routed, household, name, allowed, person):
    response = _client(getattr(routed, person)).get(reverse(name))
    assert response.status_code == (200 if person in allowed else 404), (person, name)


@pytest.mark.parametrize("name", [name for name, _allowed in AREA_PAGES])
def test_anonymous_goes_to_login(routed, name):
    response = Client().get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_other_partner_sees_an_empty_queue(routed, household):
    response = _client(routed.worker_b).get(reverse("vroegsignalering:queue"))
    assert household.address_label.encode() not in response.content
    assert not permissions.households_visible_to(routed.worker_b).exists()


def test_queue_and_detail_reads_are_logged(routed, household):
    client = _client(routed.worker_a)
    client.get(reverse("vroegsignalering:queue"))
    client.get(reverse("vroegsignalering:household_detail", args=[household.uuid]))
    client.get(reverse("vroegsignalering:household_letter", args=[household.uuid]))
    actions = list(
        AccessLogEntry.objects.filter(
            object_uuid=household.uuid, actor_id=routed.worker_a.pk
        )
        .order_by("id")
        .values_list("action", "object_type", "organisation_label")
    )
    assert actions == [
        ("signal.list", "household", "Attenta"),
        ("signal.view", "household", "Attenta"),
        ("signal.letter", "household", "Attenta"),
    ]
    assert not AccessLogEntry.objects.filter(detail__icontains="9461").exists()


def test_superuser_sees_no_households(routed, household):
    from tests.factories.pact import UserFactory

    superuser = UserFactory(is_superuser=True)
    assert not permissions.households_visible_to(superuser).exists()
    response = _client(superuser).get(
        reverse("vroegsignalering:household_detail", args=[household.uuid])
    )
    assert response.status_code == 404


@pytest.mark.parametrize("person", EVERYONE)
def test_api_needs_a_creditor_key_whoever_is_logged_in(routed, person):
    response = _client(getattr(routed, person)).post(
        reverse("vroegsignalering:api_signals"),
        data='{"signalen": []}',
        content_type="application/json",
    )
    assert response.status_code == 401
