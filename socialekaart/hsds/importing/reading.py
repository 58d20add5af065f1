"""Reading HSDS files into records, the report, and the schema check."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from socialekaart.constants import (
    LANGUAGE_CHOICES,
    WEEKDAY_ICAL,
    ServiceStatus,
)
from socialekaart.hsds import schema as hsds_schema

STATUS_FROM_HSDS = {
    "active": ServiceStatus.ACTIVE,
    "temporarily closed": ServiceStatus.TEMPORARILY_CLOSED,
    "inactive": ServiceStatus.ENDED,
    "defunct": ServiceStatus.ENDED,
}
ICAL_WEEKDAY = {code: day for day, code in WEEKDAY_ICAL.items()}
LANGUAGES = {code for code, _label in LANGUAGE_CHOICES}
TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?")
UNSUPPORTED_SERVICE = (
    "contacts",
    "funding",
    "program",
    "program_id",
    "interpretation_services",
    "accreditations",
    "wait_time",
    "licenses",
    "assurer_email",
)
UNSUPPORTED_ORGANIZATION = ("contacts", "funding", "programs", "logo", "tax_id")


# --- Report ---------------------------------------------------------------------------


@dataclass
class Problem:
    where: str
    message: str
    is_error: bool = True

    def __str__(self) -> str:
        kind = _("fout") if self.is_error else _("waarschuwing")
        return f"{self.where}: {kind}: {self.message}"


@dataclass
class ImportReport:
    problems: list[Problem] = field(default_factory=list)
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    dry_run: bool = False
    applied: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportFailed(Exception):
    """Raised inside the write transaction to roll it back."""


# --- Reading --------------------------------------------------------------------------


@dataclass
class ServiceRecord:
    where: str
    data: dict
    organisation: OrganisationRecord | None = None
    plan: dict = field(default_factory=dict)


@dataclass
class OrganisationRecord:
    where: str
    data: dict
    services: list[ServiceRecord] = field(default_factory=list)
    plan: dict = field(default_factory=dict)


def _is_service(item: Any) -> bool:
    return isinstance(item, dict) and "status" in item


# HSDS objects nest a few levels (organisation > service > location > address); a
# document nested far deeper is not HSDS, and would exhaust the checks' recursion.
MAX_DEPTH = 64


def _shape_problem(document: Any) -> str | None:
    """Walk the document without recursion: too deep, or text with a NUL character
    (no database stores one), is refused with a clear message."""
    stack: list[tuple[Any, int, str]] = [(document, 1, "")]
    while stack:
        value, depth, where = stack.pop()
        if depth > MAX_DEPTH:
            return _("De JSON is dieper genest dan %(depth)d niveaus.") % {
                "depth": MAX_DEPTH
            }
        if isinstance(value, str):
            if "\x00" in value:
                return _("Tekst bij %(where)s bevat een ongeldig teken (NUL).") % {
                    "where": where or "/"
                }
        elif isinstance(value, dict):
            for key, item in value.items():
                if "\x00" in key:
                    return _("Een veldnaam bevat een ongeldig teken (NUL).")
                stack.append((item, depth + 1, f"{where}/{key}"))
        elif isinstance(value, list):
            stack.extend(
                (item, depth + 1, f"{where}/{index}")
                for index, item in enumerate(value)
            )
    return None


def read_records(path: Path, report: ImportReport) -> list[OrganisationRecord]:
    """Every organisation in ``path`` with its services (services without a nested or
    listed organisation are grouped under a record holding only the organisation id)."""
    if path.is_dir():
        candidates = [path / "organizations.json", path / "services.json"]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            report.problems.append(
                Problem(
                    str(path),
                    _("Deze map bevat geen organizations.json of services.json."),
                )
            )
            return []
        path = found
    label = path.name
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except RecursionError:
        report.problems.append(
            Problem(
                label,
                _("De JSON is dieper genest dan %(depth)d niveaus.")
                % {"depth": MAX_DEPTH},
            )
        )
        return []
    except (OSError, UnicodeDecodeError) as error:
        report.problems.append(
            Problem(
                label, _("Kan het bestand niet lezen: %(error)s") % {"error": error}
            )
        )
        return []
    except json.JSONDecodeError as error:
        report.problems.append(
            Problem(
                f"{label}:{error.lineno}:{error.colno}",
                _("Geen geldige JSON: %(error)s") % {"error": error.msg},
            )
        )
        return []
    problem = _shape_problem(document)
    if problem is not None:
        report.problems.append(Problem(label, problem))
        return []
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        items, prefix = document["contents"], "contents"
    elif isinstance(document, list):
        items, prefix = document, ""
    elif isinstance(document, dict):
        items, prefix = [document], None
    else:
        report.problems.append(
            Problem(label, _("Verwacht een HSDS-object of een lijst daarvan."))
        )
        return []
    organisations: dict[str, OrganisationRecord] = {}
    result: list[OrganisationRecord] = []

    def place(index: int) -> str:
        if prefix is None:
            return label
        return f"{label} {prefix}[{index}]"

    for index, item in enumerate(items):
        where = place(index)
        if not isinstance(item, dict):
            report.problems.append(Problem(where, _("Verwacht een JSON-object.")))
            continue
        if _is_service(item):
            record = ServiceRecord(where, item)
            nested = item.get("organization")
            key = str(
                item.get("organization_id")
                or (nested.get("id") if isinstance(nested, dict) else "")
                or ""
            )
            owner = organisations.get(key)
            if owner is None:
                owner = OrganisationRecord(
                    f"{where}.organization",
                    nested if isinstance(nested, dict) else {"id": key},
                )
                owner.plan["from_service"] = True
                organisations[key] = owner
                result.append(owner)
            record.organisation = owner
            owner.services.append(record)
        else:
            owner = OrganisationRecord(where, item)
            for number, service in enumerate(item.get("services") or []):
                if isinstance(service, dict):
                    owner.services.append(
                        ServiceRecord(f"{where}.services[{number}]", service, owner)
                    )
            organisations[str(item.get("id", ""))] = owner
            result.append(owner)
    return result


# --- Checking: schema -----------------------------------------------------------------


def check_schema(records: list[OrganisationRecord], report: ImportReport) -> None:
    organisation_validator = hsds_schema.object_validator("compiled/organization.json")
    service_validator = hsds_schema.object_validator("compiled/service.json")
    for record in records:
        if not record.plan.get("from_service"):
            data = {k: val for k, val in record.data.items() if k != "services"}
            for message in hsds_schema.errors_of(organisation_validator, data):
                report.problems.append(Problem(record.where, message))
        elif isinstance(record.data, dict) and len(record.data) > 1:
            for message in hsds_schema.errors_of(organisation_validator, record.data):
                report.problems.append(Problem(record.where, message))
        for service in record.services:
            data = dict(service.data)
            for message in hsds_schema.errors_of(service_validator, data):
                report.problems.append(Problem(service.where, message))
