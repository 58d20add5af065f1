"""The creditors' JSON endpoint: only with a valid key, in the key's creditor name,
all or nothing with every bad signal named, logged without personal data."""

from __future__ import annotations

import datetime
import json

from django.test import Client
from django.urls import reverse

import pytest

from casusregie.models import AccessLogEntry
from vroegsignalering import services
from vroegsignalering.models import Household, Signal

pytestmark = pytest.mark.django_db

URL = reverse("vroegsignalering:api_signals")
GOOD = {
    "soort": "huur",
    "bedrag": 850.5,
    "maanden": 2,
    "postcode": "9461AB",
    "huisnummer": "12",
    "kenmerk": "H-1",
    "datum": (datetime.date.today() - datetime.timedelta(days=3)).isoformat(),
}


@pytest.fixture
def key(routed):
    _row, key = services.creditor_key_create(
        municipality=routed.municipality, creditor="Actium", actor=routed.regisseur
    )
    return key


def post(body, key=None, **headers):
    if key:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    return Client(enforce_csrf_checks=True).post(
        URL, data=json.dumps(body), content_type="application/json", **headers
    )


class ApiTests:
    def test_delivery_is_read_in_the_keys_creditor_name(self, routed, key):
        response = post({"signalen": [{**GOOD, "schuldeiser": "Iemand anders"}]}, key)
        assert response.status_code == 201, response.content
        assert response.json()["nieuwe_huishoudens"] == 1
        assert Signal.objects.get().creditor == "Actium"
        assert Household.objects.get().organisation == routed.partner_a
        entry = AccessLogEntry.objects.get(action="signal.import")
        assert entry.actor_label == "systeem"
        assert entry.detail["source"] == "api"

    def test_every_bad_signal_is_named_and_nothing_saved(self, routed, key):
        response = post(
            {"signalen": [GOOD, {**GOOD, "bedrag": "veel"}, {**GOOD, "postcode": "1"}]},
            key,
        )
        assert response.status_code == 400
        errors = response.json()["fouten"]
        assert [error["signaal"] for error in errors] == [2, 3]
        assert not Signal.objects.exists()

    @pytest.mark.parametrize("bad", [None, "", "vs_nonsense", "Basic abc"])
    def test_missing_or_wrong_key_is_401(self, routed, key, bad):
        headers = {}
        if bad == "Basic abc":
            headers["HTTP_AUTHORIZATION"] = bad
            bad = None
        response = post({"signalen": [GOOD]}, bad, **headers)
        assert response.status_code == 401
        assert not Signal.objects.exists()

    def test_revoked_key_is_401(self, routed, key):
        from vroegsignalering.models import CreditorKey

        services.creditor_key_revoke(
            key=CreditorKey.objects.get(), actor=routed.regisseur
        )
        assert post({"signalen": [GOOD]}, key).status_code == 401

    def test_not_json_and_empty_list(self, routed, key):
        response = Client().post(
            URL,
            data="x",
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {key}",
        )
        assert response.status_code == 400
        assert post({"signalen": []}, key).status_code == 400

    def test_only_the_regisseur_makes_keys(self, routed):
        for person in (routed.worker_a, routed.coordinator_a, routed.pact_admin):
            with pytest.raises(services.NotAllowed):
                services.creditor_key_create(
                    municipality=routed.municipality, creditor="Actium", actor=person
                )

    def test_get_is_not_allowed(self, routed, key):
        assert Client().get(URL).status_code == 405


class KeyPageTests:
    def test_regisseur_makes_a_key_sees_it_once_and_revokes_it(self, routed):
        from vroegsignalering.models import CreditorKey

        client = Client()
        client.force_login(routed.regisseur)
        url = reverse("vroegsignalering:creditor_keys")
        response = client.post(url, {"creditor": "Actium"})
        key = response.context["new_key"]
        assert key.startswith("vs_") and key in response.content.decode()
        assert key not in client.get(url).content.decode()
        row = CreditorKey.objects.get()
        assert row.key_hash != key and key not in row.key_hash
        assert post({"signalen": [GOOD]}, key).status_code == 201
        client.post(
            url, {"revoke": str(row.uuid), "gemeente": routed.municipality.slug}
        )
        assert post({"signalen": [GOOD]}, key).status_code == 401
