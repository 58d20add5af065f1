"""The pages at work: upload all-or-nothing, the queue in order, a household worked
from contact to a case."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

import pytest

from vroegsignalering.models import Household

from .conftest import csv_bytes, row

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


class UploadPageTests:
    def test_bad_file_names_every_row_and_saves_nothing(self, routed):
        data = csv_bytes(row(), row(amount="x"), row(postcode="99"))
        response = _client(routed.regisseur).post(
            reverse("vroegsignalering:upload"),
            {
                "municipality": routed.municipality.pk,
                "file": SimpleUploadedFile("signalen.csv", data, "text/csv"),
            },
        )
        assert response.status_code == 400
        content = response.content.decode()
        assert "Regel 3: bedrag" in content
        assert "Regel 4: postcode" in content
        assert not Household.objects.exists()

    def test_good_file_is_read_and_planned(self, routed):
        data = csv_bytes(row(), row(number="13", amount="40"))
        response = _client(routed.regisseur).post(
            reverse("vroegsignalering:upload"),
            {
                "municipality": routed.municipality.pk,
                "file": SimpleUploadedFile("signalen.csv", data, "text/csv"),
            },
        )
        assert response.status_code == 200
        assert "2 nieuwe huishoudens" in response.content.decode()
        assert Household.objects.filter(next_step="huisbezoek").count() == 1


class WorkflowTests:
    def test_worker_takes_a_household_from_visit_to_case(self, routed):
        client = _client(routed.regisseur)
        client.post(
            reverse("vroegsignalering:upload"),
            {
                "municipality": routed.municipality.pk,
                "file": SimpleUploadedFile("s.csv", csv_bytes(row()), "text/csv"),
            },
        )
        household = Household.objects.get()
        worker = _client(routed.worker_a)
        queue = worker.get(reverse("vroegsignalering:queue")).content.decode()
        assert household.address_label in queue
        detail = reverse("vroegsignalering:household_detail", args=[household.uuid])
        assert "Huurachterstand" in worker.get(detail).content.decode()
        worker.post(
            reverse("vroegsignalering:attempt_add", args=[household.uuid]),
            {"kind": "huisbezoek", "contact_made": "ja", "by_peer": "on"},
        )
        response = worker.post(
            reverse("vroegsignalering:household_accept", args=[household.uuid]),
            {
                "goal": "Weer rust",
                "consent_scope": "Achterstanden",
                "consent_form": "mondeling",
            },
            follow=True,
        )
        household.refresh_from_db()
        assert household.case is not None
        assert "de casus staat in casusregie" in response.content.decode()


class QueueQueryTests:
    def test_queue_runs_a_fixed_number_of_queries(self, routed):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from .conftest import import_rows

        client = _client(routed.regisseur)
        import_rows(routed, row(number="1"), row(number="2", kind="energie"))
        client.get(reverse("vroegsignalering:queue"))
        with CaptureQueriesContext(connection) as few:
            client.get(reverse("vroegsignalering:queue"))
        import_rows(
            routed,
            *[row(number=str(n), creditor=f"C{n}", kind="water") for n in range(3, 30)],
        )
        with CaptureQueriesContext(connection) as many:
            client.get(reverse("vroegsignalering:queue"))
        assert len(many) == len(few)
