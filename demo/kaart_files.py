"""The demo kaart's data files in ``demo/data/kaart/``, and how they are written.

* ``organisaties/<slug>.hsds.json``: per organisation, its page, locations and
  offerings as one HSDS 3.0 organization, read by the product's own importer
  (``import_hsds``, all of them at once: all or nothing). Together they are the kaart's
  export (``export_hsds --include-ended``) made on ``DEMO_BASE_URL``, with what HSDS
  nests twice left out (see ``compact``): nothing the importer reads is lost, and
  ``tests/socialekaart/test_demo.py`` proves the round trip.
* ``taxonomie.json``: categories, target groups and the norm table (the pact admin
  keeps these in the admin; HSDS does not carry the norm table, and the importer
  matches categories and target groups by their code).
* ``aanvulling.json``: what HSDS does not carry: the fields only professionals see,
  how many days ago each page was checked (so that four pages are overdue whatever the
  day), the open mistake reports and the change waiting for approval.

``manage.py demo_kaart_files`` writes all three from the database, so the demo can be
edited in the admin and written back.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "kaart"
ORGANISATIONS = DATA / "organisaties"
SUFFIX = ".hsds.json"
TAXONOMY = DATA / "taxonomie.json"
SUPPLEMENT = DATA / "aanvulling.json"

# The address the demo's export was made on; the importer keeps the slugs of pages
# under it (``source_base_urls``), whatever address this demo runs on.
DEMO_BASE_URL = "https://sociale-kaart.example"

# Parts of a nested taxonomy term the importer does not read.
TERM_EXTRAS = ("taxonomy", "language", "term_uri")


def page_key(organisation_slug: str, service_slug: str | None = None) -> str:
    """How the supplement names a page: ``organisation`` or ``organisation/service``."""
    return f"{organisation_slug}/{service_slug}" if service_slug else organisation_slug


def compact(package: list[dict]) -> list[dict]:
    """The package without what HSDS repeats: ``last_modified`` (the time of the
    export), the copy of each location inside ``service_at_locations`` (the location is
    in the organisation's ``locations``), the parent's id in nested objects, the link of
    an attribute to its own service, and the parts of a term the importer does not
    read; and without ``assured_date`` (the check is in the supplement)."""
    package = copy.deepcopy(package)
    for organization in package:
        for service in organization.get("services", []):
            service.pop("last_modified", None)
            # The check date is kept as "days before today" in the supplement, so
            # the demo's pages are as fresh on any day as on the day it was written.
            service.pop("assured_date", None)
            service.pop("organization_id", None)
            for link in service.get("service_at_locations", []):
                location = link.pop("location", None) or {}
                link.pop("service_id", None)
                link.setdefault("location_id", location.get("id"))
            for name in ("service_areas", "cost_options", "required_documents"):
                for item in service.get(name, []):
                    item.pop("service_id", None)
            for attribute in service.get("attributes", []):
                _compact_attribute(attribute)
        for location in organization.get("locations", []):
            location.pop("organization_id", None)
    return package


def _compact_attribute(attribute: dict[str, Any]) -> None:
    if attribute.get("link_entity") == "service":
        for name in ("link_id", "link_type", "link_entity"):
            attribute.pop(name, None)
    term = attribute.get("taxonomy_term")
    if not isinstance(term, dict):
        return
    for name in TERM_EXTRAS:
        term.pop(name, None)


def organisation_slug(organization: dict) -> str:
    """The slug in the organisation's page address (``.../organisaties/<slug>/``)."""
    return [part for part in organization["uri"].split("/") if part][-1]


def read_package() -> list[dict]:
    """Every organisation of the demo, in file name order."""
    return [read_json(path) for path in sorted(ORGANISATIONS.glob("*" + SUFFIX))]


def write_package(package: list[dict]) -> None:
    """One file per organisation; files of organisations no longer there are removed."""
    ORGANISATIONS.mkdir(parents=True, exist_ok=True)
    wanted = {organisation_slug(item) + SUFFIX: item for item in package}
    for path in ORGANISATIONS.glob("*" + SUFFIX):
        if path.name not in wanted:
            path.unlink()
    for name, organization in wanted.items():
        write_json(ORGANISATIONS / name, organization)


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")


def read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))
