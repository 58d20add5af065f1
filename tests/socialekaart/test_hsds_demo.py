"""The whole demo kaart through HSDS: every service and organisation the demo builds
validates against the official schemas, and its export survives a round trip."""

from __future__ import annotations

import copy
import json
from io import StringIO

import pytest

from socialekaart.hsds import exporting, schema
from socialekaart.hsds.importing import import_hsds
from tests.socialekaart.hsds_support import SECRET_MARKERS, require_schema_dir

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
API = "/api/hsds"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    require_schema_dir()
    from django.db import transaction

    from demo.network import seed_network
    from demo.socialekaart import seed
    from tests.conftest import ensure_wagtail_tree

    with django_db_blocker.unblock(), transaction.atomic():
        ensure_wagtail_tree()
        seed_network(stdout=StringIO())
        seed(stdout=StringIO())
        yield
        transaction.set_rollback(True)


def valid(client, url, spec):
    response = client.get(url)
    assert response.status_code == 200, url
    assert schema.errors_of(schema.response_validator(spec), response.json()) == []
    return response.json()


def test_every_demo_service_and_organisation_validates(demo, client):
    services = valid(client, f"{API}/services?minimal=true", "/services")
    assert services["total_items"] > 30
    for item in services["contents"]:
        data = valid(client, f"{API}/services/{item['id']}", "/services/{id}")
        body = json.dumps(data, ensure_ascii=False)
        for marker in SECRET_MARKERS:
            assert marker not in body
    organisations = valid(client, f"{API}/organizations?per_page=500", "/organizations")
    for item in organisations["contents"]:
        valid(client, f"{API}/organizations/{item['id']}", "/organizations/{id}")
    valid(client, f"{API}/services?full=true&per_page=100", "/services")
    valid(
        client,
        f"{API}/service_at_locations?full=true&per_page=100",
        "/service_at_locations",
    )


def test_demo_professional_notes_never_leave(demo, client):
    from socialekaart.models import ServicePage

    notes = [
        text
        for page in ServicePage.objects.live()
        for text in (
            page.professional_notes,
            page.professional_handover,
            page.professional_phone,
        )
        if text and len(text) > 8
    ]
    assert notes
    package = json.dumps(exporting.organization_package(), ensure_ascii=False)
    for url in (
        f"{API}/services?full=true&per_page=100",
        f"{API}/organizations?full_service=true&per_page=100",
    ):
        body = client.get(url).content.decode()
        for text in notes:
            assert text not in body
    for text in notes:
        assert text not in package


def test_demo_round_trip(demo, tmp_path):
    from socialekaart.models import OrganisationPage

    first = exporting.organization_package()
    validator = schema.object_validator("compiled/organization_package.json")
    assert schema.errors_of(validator, first) == []
    path = tmp_path / "demo.json"
    path.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")
    for page in OrganisationPage.objects.all():
        page.delete()
    report = import_hsds(path)
    assert report.ok, [str(p) for p in report.errors]

    def stable(package):
        package = copy.deepcopy(package)
        for organization in package:
            for service in organization["services"]:
                service.pop("last_modified", None)
        return package

    assert stable(exporting.organization_package()) == stable(first)
