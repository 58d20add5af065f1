"""The HSDS 3.0 API under /api/hsds/: every answer validates against the official
schemas (read from settings.PACT_HSDS_SCHEMA_DIR), filters, paging, 404s, and nothing
that is not public ever leaves."""

from __future__ import annotations

import datetime
import json

from django.utils import timezone

import pytest

from socialekaart.hsds import schema
from socialekaart.hsds import vocabulary as v
from tests.socialekaart.hsds_support import (
    SECRET_MARKERS,
    build,
    make_private,
    require_schema_dir,
    shared_data,
)

pytestmark = pytest.mark.django_db
API = "/api/hsds"


@pytest.fixture(scope="module")
def shared(django_db_setup, django_db_blocker):
    require_schema_dir()
    with shared_data(django_db_blocker, build) as data:
        yield data


@pytest.fixture
def cast(shared, db):
    return shared[0]


@pytest.fixture
def kaart(shared, db):
    return shared[1]


def get_valid(client, url: str, spec_path: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    data = response.json()
    errors = schema.errors_of(schema.response_validator(spec_path), data)
    assert errors == [], f"{url}: {errors[:5]}"
    body = response.content.decode()
    for marker in SECRET_MARKERS:
        assert marker not in body, f"{marker} leaked in {url}"
    if "contents" in data:
        for key in (
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
        ):
            assert key in data, key
        assert data["size"] == len(data["contents"])
    return data


def ids(data: dict) -> list[str]:
    return [item["id"] for item in data["contents"]]


class SchemaValidationTests:
    def test_root(self, client, kaart):
        data = get_valid(client, f"{API}/", "/")
        assert data["version"] == "3.0"

    @pytest.mark.parametrize(
        "query",
        [
            "",
            "?full=true",
            "?minimal=true",
            "?per_page=1",
            "?per_page=1&page=2",
            "?page=99",
            "?search=kind",
            "?search=bestaatniet",
            "?municipality=assen",
            "?municipality=GM1680",
        ],
    )
    def test_service_list(self, client, kaart, query):
        get_valid(client, f"{API}/services{query}", "/services")

    def test_service_detail(self, client, kaart):
        data = get_valid(
            client, f"{API}/services/{kaart.service_a.uuid}", "/services/{id}"
        )
        assert data["id"] == str(kaart.service_a.uuid)
        get_valid(client, f"{API}/services/{kaart.service_b.uuid}", "/services/{id}")

    @pytest.mark.parametrize(
        "query", ["", "?full=true", "?full_service=true", "?search=attenta", "?page=5"]
    )
    def test_organization_list(self, client, kaart, query):
        get_valid(client, f"{API}/organizations{query}", "/organizations")

    @pytest.mark.parametrize("query", ["", "?full_service=true"])
    def test_organization_detail(self, client, kaart, query):
        data = get_valid(
            client,
            f"{API}/organizations/{kaart.org_a.uuid}{query}",
            "/organizations/{id}",
        )
        assert [s["id"] for s in data["services"]] == [str(kaart.service_a.uuid)]

    @pytest.mark.parametrize("query", ["", "?search=voorwaarden", "?per_page=1&page=3"])
    def test_taxonomies(self, client, kaart, query):
        get_valid(client, f"{API}/taxonomies{query}", "/taxonomies")

    def test_taxonomy_detail(self, client, kaart):
        for taxonomy in v.TAXONOMIES:
            get_valid(client, f"{API}/taxonomies/{taxonomy.id}", "/taxonomies/{id}")

    @pytest.mark.parametrize(
        "query",
        [
            "",
            f"?taxonomy_id={v.CONDITIONS.id}",
            "?top_only=true",
            f"?parent_id={v.TERMS[v.HOUSEHOLD].id}",
            "?search=inkomen",
            "?per_page=2&page=2",
        ],
    )
    def test_taxonomy_terms(self, client, kaart, query):
        get_valid(client, f"{API}/taxonomy_terms{query}", "/taxonomy_terms")

    def test_taxonomy_term_detail(self, client, kaart):
        for term_id in (
            v.TERMS[v.INCOME_LIMIT].id,
            str(kaart.categories["money"].uuid),
            str(kaart.target_group.uuid),
        ):
            get_valid(client, f"{API}/taxonomy_terms/{term_id}", "/taxonomy_terms/{id}")

    @pytest.mark.parametrize("query", ["", "?full=true", "?per_page=1&page=2"])
    def test_service_at_locations(self, client, kaart, query):
        data = get_valid(
            client, f"{API}/service_at_locations{query}", "/service_at_locations"
        )
        if not query:
            assert data["total_items"] == 1

    def test_service_at_location_detail(self, client, kaart):
        listed = client.get(f"{API}/service_at_locations").json()["contents"][0]
        data = get_valid(
            client,
            f"{API}/service_at_locations/{listed['id']}",
            "/service_at_locations/{id}",
        )
        assert data["service"]["id"] == str(kaart.service_a.uuid)

    def test_ndjson_streams_every_item_valid(self, client, kaart):
        response = client.get(f"{API}/services?format=ndjson&full=true")
        assert response["Content-Type"].startswith("application/x-ndjson")
        lines = b"".join(response.streaming_content).decode().splitlines()
        assert len(lines) == 2
        validator = schema.object_validator("compiled/service.json")
        for line in lines:
            assert schema.errors_of(validator, json.loads(line)) == []


class ScopeTests:
    def test_only_live_public_not_ended_services(self, client, kaart):
        data = client.get(f"{API}/services").json()
        assert sorted(ids(data)) == sorted(
            [str(kaart.service_a.uuid), str(kaart.service_b.uuid)]
        )

    @pytest.mark.parametrize("which", ["ended", "draft", "unknown", "not-a-uuid"])
    def test_details_that_are_not_public_are_404(self, client, kaart, which):
        key = {
            "ended": kaart.ended.uuid,
            "draft": kaart.draft.uuid,
            "unknown": "3f7b145d-84af-42d7-8fae-eaca714b02b2",
            "not-a-uuid": "123",
        }[which]
        response = client.get(f"{API}/services/{key}")
        assert response.status_code == 404
        assert response.json()["status"] == 404

    def test_private_section_is_left_out(self, client, kaart):
        make_private(kaart.org_a)
        assert client.get(f"{API}/services/{kaart.service_a.uuid}").status_code == 404
        assert client.get(f"{API}/organizations/{kaart.org_a.uuid}").status_code == 404
        data = client.get(f"{API}/services").json()
        assert ids(data) == [str(kaart.service_b.uuid)]

    def test_unpublished_change_is_not_shown(self, client, kaart):
        data = client.get(f"{API}/services/{kaart.service_b.uuid}").json()
        assert data["description"].startswith("Hulp als u schulden heeft.")

    def test_professional_notes_never_appear_even_for_professionals(
        self, client, kaart, cast
    ):
        client.force_login(cast.editor_a)
        for url in (
            f"{API}/services?full=true",
            f"{API}/organizations?full_service=true",
            f"{API}/service_at_locations?full=true",
        ):
            body = client.get(url).content.decode()
            for marker in SECRET_MARKERS:
                assert marker not in body


class MappingTests:
    def test_rules_become_grouped_attributes(self, client, kaart):
        data = client.get(f"{API}/services/{kaart.service_a.uuid}").json()
        rules = {}
        for attribute in data["attributes"]:
            if attribute.get("link_entity") == v.ENTITY_RULE:
                code = attribute["taxonomy_term"]["code"]
                rules.setdefault(attribute["link_id"], []).append(
                    (code, attribute.get("value", ""))
                )
        assert len(rules) == 2
        first, second = sorted(rules.values(), key=lambda r: dict(r)[v.RULE])
        assert set(first) >= {
            (v.RULE, "1"),
            (v.MUNICIPALITY, "GM1680"),
            (v.INCOME_LIMIT, "130"),
            (v.CHILD_MIN_AGE, "4"),
            (v.CHILD_MAX_AGE, "17"),
            (v.HOUSEHOLD_TERMS["single_parent"], ""),
            (v.BENEFIT, "€ 350 per kind"),
        }
        assert set(second) >= {
            (v.MUNICIPALITY, "GM0106"),
            (v.INCOME_LIMIT, "120"),
            (v.APPLICANT_MIN_AGE, "18"),
            (v.LOW_INCOME_YEARS, "3"),
        }
        assert data["minimum_age"] == 4 and "maximum_age" not in data
        assert "130% van het sociaal minimum" in data["eligibility_description"]
        assert "U heeft weinig spaargeld." in data["eligibility_description"]

    def test_costs_locations_schedules_and_more(self, client, kaart):
        data = client.get(f"{API}/services/{kaart.service_a.uuid}").json()
        assert data["status"] == "temporarily closed"
        assert data["alert"] == "Gesloten tot 1 maart."
        assert data["cost_options"][0]["amount"] == 5
        assert data["cost_options"][0]["currency"] == "EUR"
        assert data["application_process"] == "1. Bel ons.\n2. Neem uw papieren mee."
        assert [d["document"] for d in data["required_documents"]] == [
            "Uw bankafschriften (3 maanden)",
            "Uw identiteitsbewijs",
        ]
        assert {a["uri"] for a in data["service_areas"]} == {
            "https://identifier.overheid.nl/tooi/id/gemeente/gm1680",
            "https://identifier.overheid.nl/tooi/id/gemeente/gm0106",
        }
        assert [lang["code"] for lang in data["languages"]] == ["nl", "ar"]
        assert data["schedules"][0]["byday"] == "FR"
        location = data["service_at_locations"][0]["location"]
        assert location["addresses"][0]["postal_code"] == "9461 AA"
        assert location["latitude"] == 53.0045
        schedules = location["schedules"]
        assert schedules[0]["byday"] == "MO,TU,WE"
        assert schedules[0]["opens_at"] == "09:00"
        closed = schedules[1]
        assert (closed["valid_from"], closed["valid_to"]) == (
            "2026-12-24",
            "2027-01-01",
        )
        assert "opens_at" not in closed
        assert schedules[2]["opens_at"] == "10:00"
        walk_in = [s for s in schedules if s.get("attending_type")]
        assert walk_in and walk_in[0]["byday"] == "TU,TH"
        accessibility = {
            a["attributes"][0]["taxonomy_term"]["code"]: a["attributes"][0]["value"]
            for a in location["accessibility"]
            if a.get("attributes")
        }
        assert accessibility == {v.WHEELCHAIR: "true", v.HEARING_LOOP: "false"}

    def test_ids_are_stable(self, client, kaart):
        first = client.get(f"{API}/services/{kaart.service_a.uuid}").content
        second = client.get(f"{API}/services/{kaart.service_a.uuid}").content
        assert first == second


class FilterTests:
    def test_taxonomy_term_category(self, client, kaart):
        children = kaart.categories["children"].uuid
        data = client.get(f"{API}/services?taxonomy_term_id={children}").json()
        assert ids(data) == [str(kaart.service_a.uuid)]

    @pytest.mark.parametrize(
        "code",
        [
            v.INCOME_LIMIT,
            v.HOUSEHOLD_TERMS["single_parent"],
            v.CHILD_MIN_AGE,
            v.AT_HOME,
        ],
    )
    def test_taxonomy_term_condition(self, client, kaart, code):
        data = client.get(f"{API}/services?taxonomy_term_id={v.TERMS[code].id}").json()
        assert ids(data) == [str(kaart.service_a.uuid)]

    def test_taxonomy_id(self, client, kaart):
        data = client.get(f"{API}/services?taxonomy_id={v.TARGET_GROUPS.id}").json()
        assert ids(data) == [str(kaart.service_a.uuid)]
        data = client.get(f"{API}/services?taxonomy_id={v.CATEGORIES.id}").json()
        assert len(ids(data)) == 2

    def test_organization_id(self, client, kaart):
        data = client.get(f"{API}/services?organization_id={kaart.org_b.uuid}").json()
        assert ids(data) == [str(kaart.service_b.uuid)]

    def test_modified_after(self, client, kaart):
        future = (timezone.now() + datetime.timedelta(days=1)).isoformat()
        data = client.get(f"{API}/services", {"modified_after": future}).json()
        assert data["total_items"] == 0 and data["empty"] is True
        past = (timezone.now() - datetime.timedelta(days=1)).date().isoformat()
        data = client.get(f"{API}/services", {"modified_after": past}).json()
        assert data["total_items"] == 2

    def test_search_and_municipality(self, client, kaart):
        data = client.get(f"{API}/services?search=schoolspullen").json()
        assert ids(data) == [str(kaart.service_a.uuid)]
        data = client.get(f"{API}/services?municipality=assen").json()
        assert str(kaart.service_a.uuid) in ids(data)

    def test_minimal_has_id_and_last_modified(self, client, kaart):
        data = client.get(f"{API}/services?minimal=true").json()
        assert set(data["contents"][0]) == {"id", "name", "status", "last_modified"}


class PagingTests:
    def test_pages(self, client, kaart):
        first = client.get(f"{API}/services?per_page=1").json()
        assert (first["total_items"], first["total_pages"]) == (2, 2)
        assert first["first_page"] and not first["last_page"]
        last = client.get(f"{API}/services?per_page=1&page=2").json()
        assert last["last_page"] and not last["first_page"]
        assert ids(first) != ids(last)
        beyond = client.get(f"{API}/services?per_page=1&page=3").json()
        assert beyond["empty"] and beyond["size"] == 0 and beyond["last_page"]

    def test_empty_result(self, client, kaart):
        data = client.get(f"{API}/services?search=bestaatniet").json()
        assert data == {
            "total_items": 0,
            "total_pages": 0,
            "page_number": 1,
            "size": 0,
            "first_page": True,
            "last_page": True,
            "empty": True,
            "contents": [],
        }

    @pytest.mark.parametrize(
        "query,parameter",
        [
            ("page=0", "page"),
            ("page=abc", "page"),
            ("per_page=0", "per_page"),
            ("per_page=501", "per_page"),
            ("full=true&per_page=101", "per_page"),
            ("full=misschien", "full"),
            ("taxonomy_term_id=abc", "taxonomy_term_id"),
            ("modified_after=gisteren", "modified_after"),
            ("format=xml", "format"),
            ("municipality=atlantis", "municipality"),
            ("perpage=10", "perpage"),
            ("minimal=true&full=true", "minimal"),
        ],
    )
    def test_bad_parameters_answer_400(self, client, kaart, query, parameter):
        response = client.get(f"{API}/services?{query}")
        assert response.status_code == 400
        assert response["Content-Type"].startswith("application/problem+json")
        data = response.json()
        assert parameter in [error["parameter"] for error in data["errors"]]
        assert data["detail"]

    def test_postcode_is_refused_clearly(self, client, kaart):
        response = client.get(f"{API}/service_at_locations?postcode=9401")
        assert response.status_code == 400


class HttpTests:
    def test_cache_headers_and_conditional_get(self, client, kaart):
        response = client.get(f"{API}/services")
        assert "public" in response["Cache-Control"]
        assert response["Access-Control-Allow-Origin"] == "*"
        again = client.get(f"{API}/services", HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304

    def test_only_get(self, client, kaart):
        assert client.post(f"{API}/services").status_code == 405

    def test_fixed_number_of_queries_per_page(
        self, client, kaart, django_assert_max_num_queries
    ):
        def count(url):
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            return len(captured)

        before = count(f"{API}/services?full=true")
        for number in range(6):
            from tests.factories import socialekaart as f

            f.service_page(
                kaart.org_b,
                title=f"Extra {number}",
                categories=[kaart.categories["money"]],
                rules=[{"income_limit_percent": 110}],
            )
        assert count(f"{API}/services?full=true") == before
        assert count(f"{API}/organizations?full_service=true") == count(
            f"{API}/organizations?full_service=true&per_page=1"
        )
