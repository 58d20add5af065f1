"""The upload form previews what a table changes, and writes only on "Doorvoeren"."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from tests.agenda.test_views import client_for, plan_url

pytestmark = pytest.mark.django_db


def upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("herzien.csv", text.encode(), content_type="text/csv")


def test_preview_first_then_doorvoeren_writes(client, cast, world):
    existing = world.plan.actions.filter(building_block__isnull=False).first()
    client_for(client, cast.pact_admin)
    url = plan_url(world, "import")
    before = world.plan.actions.count()
    response = client.post(
        url,
        {
            "file": upload(
                "bouwsteen,actie,uitvoering,planning\n"
                f"12,{existing.title},Attenta,Q4 2021\n"
                "12,Nieuwe actie uit de tabel,Attenta,Q3 2021\n"
            )
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Voorbeeld: wat herzien.csv verandert" in page
    assert "Nieuwe actie uit de tabel" in page and "wordt" in page
    assert "12 (zonder titel" in page
    assert world.plan.actions.count() == before  # nothing written yet
    token = re.search(r'name="token" value="([^"]+)"', page)[1]

    response = client.post(url, {"token": token}, follow=True)
    page = response.content.decode()
    assert "Ingelezen: 1 nieuwe acties, 1 bijgewerkt, 1 nieuwe bouwstenen." in page
    assert world.plan.actions.count() == before + 1
    existing.refresh_from_db()
    assert existing.building_block.number == 12 and existing.timing_text == "Q4 2021"


def test_every_bad_row_is_named_and_nothing_is_offered(client, cast, world):
    client_for(client, cast.pact_admin)
    response = client.post(
        plan_url(world, "import"),
        {
            "file": upload(
                "bouwsteen,actie,uitvoering,planning\n4,Goed,Attenta,Q1\n4,Fout,Niemand,Q5\n"
            )
        },
    )
    page = response.content.decode()
    assert "Niets ingelezen: 2 problemen" in page
    assert "regel 3" in page and 'name="token"' not in page


def test_a_token_of_another_plan_or_person_is_refused(client, cast, world):
    client_for(client, cast.pact_admin)
    response = client.post(plan_url(world, "import"), {"token": "x" * 40}, follow=True)
    assert "Het voorbeeld is verlopen" in response.content.decode()


def test_a_coordinator_cannot_import(client, cast, world):
    client_for(client, cast.coordinator_a)
    response = client.post(
        plan_url(world, "import"),
        {"file": upload("bouwsteen,actie,uitvoering,planning\n4,X,Attenta,Q1\n")},
    )
    assert response.status_code == 404
