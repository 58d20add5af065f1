"""``manage.py export_hsds``: the whole public kaart as HSDS 3.0.

Two forms:

* one JSON file: an HSDS *organization package* (``compiled/organization_package.json``):
  every live, public organisation page, fully nested, with its services fully nested;
* a folder: that file as ``organizations.json``, plus ``services.json`` (a *service
  package*), ``taxonomies.json``, ``taxonomy_terms.json`` and ``csv/``: the HSDS
  tabular form (one CSV file per HSDS table, the columns of the official example, and a
  ``datapackage.json`` describing them).

The scope is the API's (decision 0050): drafts, ended services and professional-only
fields are never exported. Reads in batches with a fixed number of queries per batch.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from django.utils import translation

from pact.spreadsheets import neutralise
from socialekaart.hsds import mapping
from socialekaart.hsds import selectors as hs
from socialekaart.hsds import vocabulary as v

BATCH = 100

# Columns of the HSDS tabular files (as in the official example package).
_COLUMNS: dict[str, str] = {
    "organizations": "id,name,alternate_name,description,email,website,tax_status,tax_id,year_incorporated,legal_status,logo,uri,parent_organization_id",
    "organization_identifiers": "id,organization_id,identifier_scheme,identifier_type,identifier",
    "services": "id,organization_id,program_id,name,alternate_name,description,url,email,status,interpretation_services,application_process,fees_description,wait_time,fees,accreditations,eligibility_description,minimum_age,maximum_age,assured_date,assurer_email,licenses,alert,last_modified",
    "locations": "id,location_type,url,organization_id,name,alternate_name,description,transportation,latitude,longitude,external_identifier,external_identifier_type",
    "service_at_location": "id,service_id,location_id,description",
    "addresses": "id,location_id,attention,address_1,address_2,city,region,state_province,postal_code,country,address_type",
    "phones": "id,location_id,service_id,organization_id,contact_id,service_at_location_id,number,extension,type,description",
    "schedules": "id,service_id,location_id,service_at_location_id,valid_from,valid_to,dtstart,timezone,until,count,wkst,freq,interval,byday,byweekno,bymonthday,byyearday,description,opens_at,closes_at,schedule_link,attending_type,notes",
    "service_areas": "id,service_id,name,description,extent,extent_type,uri",
    "languages": "id,service_id,location_id,phone_id,name,code,note",
    "cost_options": "id,service_id,valid_from,valid_to,option,currency,amount,amount_description",
    "required_documents": "id,service_id,document,uri",
    "accessibility": "id,location_id,description,details,url",
    "attributes": "id,link_id,taxonomy_term_id,link_type,link_entity,value",
    "taxonomies": "id,name,description,uri,version",
    "taxonomy_terms": "id,code,name,description,parent_id,taxonomy,language,taxonomy_id,term_uri",
}  # fmt: skip
TABLES: dict[str, list[str]] = {
    name: columns.split(",") for name, columns in _COLUMNS.items()
}


def organisations(*, batch: int = BATCH, include_ended: bool = False) -> Iterator[dict]:
    """Every public organisation, fully nested with its services, by title (ended
    services too, as ``defunct``, with ``include_ended``)."""
    site = mapping.Site.current()
    pages = hs.public_organisation_pages().order_by("title", "pk")
    keys = list(pages.values_list("pk", flat=True))
    with translation.override("nl"):
        for start in range(0, len(keys), batch):
            chunk = list(
                hs.with_organisation_relations(
                    hs.public_organisation_pages().filter(
                        pk__in=keys[start : start + batch]
                    )
                ).order_by("title", "pk")
            )
            services = list(
                hs.with_service_relations(
                    hs.ordered(
                        hs.services_of_organisations(chunk, include_ended=include_ended)
                    )
                )
            )
            by_parent: dict[str, list] = {}
            for service in services:
                by_parent.setdefault(service.path[: -hs.STEPLEN], []).append(service)
            for page in chunk:
                nested = [
                    mapping.service_full(service, page, site, organization=False)
                    for service in by_parent.get(page.path, [])
                ]
                yield mapping.organization_full(page, site, services=nested)


def organization_package(*, include_ended: bool = False) -> list[dict]:
    return list(organisations(include_ended=include_ended))


def service_package(package: list[dict]) -> list[dict]:
    """The services of an organization package, each with its organisation's one-to-one
    fields nested (``compiled/service_package.json``)."""
    result = []
    for organization in package:
        basic = {
            key: value
            for key, value in organization.items()
            if key in TABLES["organizations"]
        }
        for service in organization.get("services", []):
            result.append({**service, "organization": basic})
    return result


def taxonomy_rows() -> tuple[list[dict], list[dict]]:
    with translation.override("nl"):
        return [t.as_hsds() for t in v.TAXONOMIES], [
            {key: value for key, value in term.items() if key != "taxonomy_detail"}
            for term in hs.all_terms()
        ]


# --- Tabular form ---------------------------------------------------------------------


def tabular(package: list[dict]) -> dict[str, list[dict]]:
    """The package as HSDS tables: nested objects become rows with their parent's id."""
    tables: dict[str, dict[str, dict]] = {name: {} for name in TABLES}

    def put(table: str, row: dict, **links) -> None:
        flat = {key: value for key, value in row.items() if key in TABLES[table]}
        flat.update({key: value for key, value in links.items() if value})
        tables[table].setdefault(flat["id"], flat)

    def attributes(owner: dict) -> None:
        for attribute in owner.get("attributes", []):
            put("attributes", attribute)

    def location(item: dict, organization_id: str) -> None:
        put("locations", item, organization_id=organization_id)
        for child, table in (
            ("addresses", "addresses"),
            ("schedules", "schedules"),
            ("accessibility", "accessibility"),
            ("languages", "languages"),
            ("phones", "phones"),
        ):
            for row in item.get(child, []):
                put(table, row, location_id=item["id"])
                attributes(row)

    for organization in package:
        put("organizations", organization)
        for row in organization.get("phones", []):
            put("phones", row, organization_id=organization["id"])
        for row in organization.get("organization_identifiers", []):
            put("organization_identifiers", row, organization_id=organization["id"])
        for item in organization.get("locations", []):
            location(item, organization["id"])
        for service in organization.get("services", []):
            put("services", service, organization_id=organization["id"])
            for child, table in (
                ("phones", "phones"),
                ("schedules", "schedules"),
                ("service_areas", "service_areas"),
                ("languages", "languages"),
                ("cost_options", "cost_options"),
                ("required_documents", "required_documents"),
            ):
                for row in service.get(child, []):
                    put(table, row, service_id=service["id"])
            attributes(service)
            for link in service.get("service_at_locations", []):
                put("service_at_location", link, service_id=service["id"])
                location(link["location"], organization["id"])
    taxonomies, terms = taxonomy_rows()
    for row in taxonomies:
        put("taxonomies", row)
    for row in terms:
        put("taxonomy_terms", row)
    return {name: list(rows.values()) for name, rows in tables.items()}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write_tabular(package: list[dict], folder: Path) -> dict[str, int]:
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    resources = []
    for name, rows in tabular(package).items():
        columns = TABLES[name]
        path = folder / f"{name}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            for row in rows:
                writer.writerow(
                    [neutralise(_cell(row.get(column))) for column in columns]
                )
        counts[name] = len(rows)
        resources.append(
            {
                "name": name,
                "path": f"{name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [
                        {"name": column, "type": "string"} for column in columns
                    ],
                    "primaryKey": "id",
                },
            }
        )
    (folder / "datapackage.json").write_text(
        json.dumps(
            {
                "name": "sociale-kaart-hsds",
                "title": "Sociale kaart armoedepact (HSDS 3.0)",
                "profile": "tabular-data-package",
                "resources": resources,
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    return counts


def dump(data, path: Path) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")


def export_to(
    target: Path, *, folder: bool, include_ended: bool = False
) -> dict[str, int]:
    """Write the export to ``target`` (a file, or a folder when ``folder``); returns
    what was written (counts)."""
    package = organization_package(include_ended=include_ended)
    services = service_package(package)
    counts = {"organizations": len(package), "services": len(services)}
    if not folder:
        target.parent.mkdir(parents=True, exist_ok=True)
        dump(package, target)
        return counts
    target.mkdir(parents=True, exist_ok=True)
    dump(package, target / "organizations.json")
    dump(services, target / "services.json")
    taxonomies, terms = taxonomy_rows()
    dump(taxonomies, target / "taxonomies.json")
    dump(terms, target / "taxonomy_terms.json")
    counts.update(
        {
            f"csv/{name}": count
            for name, count in write_tabular(package, target / "csv").items()
        }
    )
    return counts
