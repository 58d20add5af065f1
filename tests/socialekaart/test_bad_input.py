"""Bad input gets a clear 400 or a refused import, never a 500 or a traceback (issue 10,
finding 8). Nothing is written in any of these cases."""

from __future__ import annotations

import json

from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("endpoint", ["services", "service_at_locations"])
@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31T23:59:59-05:00"])
def test_hsds_dates_out_of_range_answer_400(client, wagtail_site, endpoint, value):
    response = client.get(f"/api/hsds/{endpoint}", {"modified_after": value})
    assert response.status_code == 400
    assert "modified_after" in json.dumps(response.json())


@pytest.mark.parametrize(
    "url", ["/api/hsds/services?search=schuld%00hulp", "/zoeken/?q=schuld%00hulp"]
)
def test_a_nul_character_in_the_address_answers_400(client, wagtail_site, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_import_hsds_refuses_deeply_nested_json(tmp_path, wagtail_site):
    deep = "[" * 100_000 + "]" * 100_000
    with pytest.raises(CommandError):
        call_command("import_hsds", write(tmp_path, "deep.json", deep), stdout=_Out())
    nested = json.dumps({"id": "x", "status": "active", "name": "a"})
    for _ in range(200):
        nested = f'{{"x": {nested}}}'
    out = _Out()
    with pytest.raises(CommandError):
        call_command("import_hsds", write(tmp_path, "nested.json", nested), stdout=out)
    assert "genest" in out.text


def test_import_hsds_refuses_a_nul_character(tmp_path, wagtail_site):
    document = json.dumps({"id": "0f3c", "name": "Voedsel\u0000bank", "services": []})
    out = _Out()
    with pytest.raises(CommandError):
        call_command("import_hsds", write(tmp_path, "nul.json", document), stdout=out)
    assert "NUL" in out.text


def test_import_kaart_csv_refuses_a_nul_character_and_a_missing_title(
    tmp_path, wagtail_site
):
    out = _Out()
    with pytest.raises(CommandError):
        call_command(
            "import_kaart_csv",
            write(tmp_path, "nul.csv", "id;titel\nabc;Voedsel\x00bank\n"),
            stdout=out,
        )
    assert "NUL" in out.text
    out = _Out()
    with pytest.raises(CommandError):
        call_command(
            "import_kaart_csv",
            write(tmp_path, "zonder-titel.csv", "id;samenvatting\nabc;Iets\n"),
            stdout=out,
        )
    assert "titel" in out.text


def test_casusregie_api_refuses_a_nul_character(client, cast):
    from tests.factories.casusregie import CaseFactory

    case = CaseFactory(
        actor=cast.worker_a, organisation=cast.partner_a, municipality=cast.municipality
    )
    client.force_login(cast.worker_a)
    response = client.post(
        reverse("casusregie:api_escalate", args=[case.uuid]),
        data='{"reason": "Vast\\u0000gelopen"}',
        content_type="application/json",
    )
    assert response.status_code == 400
    assert not case.escalations.exists()


def test_agenda_import_refuses_a_nul_character():
    from agenda.services.importing import ImportFailed, read_rows

    data = "bouwsteen,actie,uitvoering,planning\n4,Schuld\x00hulp,GKB,Q1 2026\n"
    with pytest.raises(ImportFailed) as refused:
        read_rows("plan.csv", data.encode())
    assert "NUL" in str(refused.value.problems[0])


class _Out:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass
