"""``manage.py import_hsds``: read HSDS 3.0 JSON into organisation and service pages.

All or nothing (decision 0052):

1. **Read** the file(s): an organization package (our export), a service package, an
   API page (``contents``), one organisation or one service; a folder holding our
   export (``organizations.json``).
2. **Check everything** before anything is written: the official JSON schema of every
   record, then our rules (known categories and municipalities, field lengths, rules
   inside the service area, ids used once, ...). Every problem is reported with its
   place (file and index path, e.g. ``organizations.json [3].services[1]``) and reason.
   *Errors* stop the import; *warnings* name data we cannot store and leave out (HSDS
   fields without a place in the kaart, coordinates out of range, ...); ``strict``
   makes warnings errors.
3. **Write** in one transaction, through Wagtail's page API like the app's services:
   new pages via ``organisation_page_create`` / ``service_page_create``, changes as a
   new revision that is published (the system imports; see decision 0052). A failure
   while writing is reported per record and rolls everything back. ``dry_run`` does
   all of this and rolls back at the end.

Matching: an organisation by its HSDS id (our page UUID), then by the pact identifier
in ``organization_identifiers``, then by name (name, short name or other names of a
``pact.Organisation``). An organisation that matches nothing is an error, unless
``links`` name its network organisation (HSDS id or name -> ``pact.Organisation``).
The import never creates network organisations, and an organisation page always
belongs to one (the model requires it). A service by its id; new ids become new
services.

The service functions this module would rather call (update an organisation or service
page from data) do not exist in ``socialekaart.services`` yet; the writes below use
Wagtail's page API the way those services do (see the report to the lead).
"""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext as _

from socialekaart.hsds import schema as hsds_schema
from socialekaart.hsds.importing.checking import Checker
from socialekaart.hsds.importing.checking_base import Lookups
from socialekaart.hsds.importing.reading import (
    ImportReport,
    OrganisationRecord,
    Problem,
    ServiceRecord,
    check_schema,
    read_records,
)
from socialekaart.hsds.importing.writing import apply

__all__ = [
    "ImportReport",
    "OrganisationRecord",
    "Problem",
    "ServiceRecord",
    "import_hsds",
]

# --- Entry point ----------------------------------------------------------------------


def import_hsds(
    path: Path,
    *,
    dry_run: bool = False,
    strict: bool = False,
    links: dict | None = None,
    default_municipality=None,
    default_category=None,
    source_base_urls: tuple[str, ...] = (),
    without_schemas: bool = False,
) -> ImportReport:
    """Check and (when everything is right) write ``path``; see the module docstring.

    Raises ``hsds.schema.SchemaUnavailable`` when the official schemas are missing,
    unless ``without_schemas``: then only our own checks run, and the report says so in
    a warning (for data of our own making, such as the demo's; foreign data should
    always meet the schemas). ``source_base_urls``: page addresses under these bases
    (an export of another installation of this platform) keep their slugs, as our own
    addresses do."""
    schemas_present = True
    try:
        hsds_schema.require_schemas()
    except hsds_schema.SchemaUnavailable:
        if not without_schemas:
            raise
        schemas_present = False
    report = ImportReport(dry_run=dry_run)
    records = read_records(Path(path), report)
    if report.errors:
        return report
    if schemas_present:
        check_schema(records, report)
    else:
        report.problems.append(
            Problem(
                Path(path).name,
                _(
                    "De officiële HSDS-schema's zijn niet gevonden: alleen de eigen "
                    "controles van de sociale kaart zijn gedaan."
                ),
                is_error=False,
            )
        )
    if report.errors:
        return report
    lookups = Lookups.load(
        default_municipality=default_municipality,
        default_category=default_category,
        links=links,
        source_base_urls=source_base_urls,
    )
    checker = Checker(lookups, report)
    for record in records:
        checker.organisation(record)
        for service in record.services:
            checker.service(service)
    if strict:
        for problem in report.problems:
            problem.is_error = True
    if report.errors:
        return report
    apply(records, report)
    return report
