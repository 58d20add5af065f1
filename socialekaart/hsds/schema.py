"""The official HSDS 3.0 JSON schemas, read from ``settings.PACT_HSDS_SCHEMA_DIR``.

The schemas are not part of this repository (their licence and their upstream home
say so; see /work/shared/hsds/README.md). Their ``$ref`` values are relative file names
(``phone.json``) or absolute URLs of the upstream repository, so every local file is
registered under its upstream URL in a ``referencing.Registry``; validation never
touches the network.

``SchemaUnavailable`` says clearly where the schemas were looked for.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from django.conf import settings

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError as SchemaError
from referencing import Registry
from referencing.jsonschema import DRAFT202012

UPSTREAM = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
OPENAPI_URL = UPSTREAM + "openapi.json"
HSDS_VERSION = "3.0"

# The OpenAPI file's response schema for GET <path>; one upstream defect corrected:
# ``/service_at_locations/{id}`` points at the service schema (see the README).
RESPONSE_OVERRIDES = {
    "/service_at_locations/{id}": UPSTREAM + "compiled/service_at_location.json",
}


class SchemaUnavailable(RuntimeError):
    """The HSDS schema folder is missing or incomplete."""


def schema_dir() -> Path:
    return Path(settings.PACT_HSDS_SCHEMA_DIR) / "schema"


def require_schemas() -> Path:
    folder = schema_dir()
    if not (folder / "openapi.json").is_file():
        raise SchemaUnavailable(
            f"The official HSDS 3.0 schemas were not found in {folder} "
            "(settings.PACT_HSDS_SCHEMA_DIR points at "
            f"{settings.PACT_HSDS_SCHEMA_DIR}). Put the schema folder of the Open "
            "Referral specification (branch 3.0) there, or set PACT_HSDS_SCHEMA_DIR."
        )
    return folder


@functools.cache
def _registry_for(folder: str) -> Registry:
    root = Path(folder)
    resources = []
    for path in sorted(root.glob("*.json")) + sorted(root.glob("compiled/*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        url = UPSTREAM + path.relative_to(root).as_posix()
        resources.append((url, DRAFT202012.create_resource(contents)))
    return Registry().with_resources(resources)


def registry() -> Registry:
    return _registry_for(str(require_schemas()))


def _validator(schema: dict) -> Draft202012Validator:
    return Draft202012Validator(
        schema,
        registry=registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


@functools.cache
def _object_validator(folder: str, name: str) -> Draft202012Validator:
    return _validator({"$ref": UPSTREAM + name})


def object_validator(name: str) -> Draft202012Validator:
    """Validator for one schema file, e.g. ``compiled/service.json``."""
    return _object_validator(str(require_schemas()), name)


def _pointer(text: str) -> str:
    return text.replace("~", "~0").replace("/", "~1")


@functools.cache
def _response_validator(folder: str, path: str) -> Draft202012Validator:
    if path in RESPONSE_OVERRIDES:
        return _validator({"$ref": RESPONSE_OVERRIDES[path]})
    pointer = (
        f"#/paths/{_pointer(path)}/get/responses/200/content/"
        f"{_pointer('application/json')}/schema"
    )
    return _validator({"$ref": OPENAPI_URL + pointer})


def response_validator(path: str) -> Draft202012Validator:
    """Validator of the 200 response of ``GET <path>`` as the OpenAPI file defines it
    (``path`` as written there: ``/services``, ``/services/{id}``, ...)."""
    return _response_validator(str(require_schemas()), path)


def openapi_paths() -> list[str]:
    document = json.loads((require_schemas() / "openapi.json").read_text("utf-8"))
    return sorted(document["paths"])


def errors_of(validator: Draft202012Validator, instance: Any) -> list[str]:
    """Every schema violation, as ``<json path>: <message>``, in document order."""
    found = sorted(validator.iter_errors(instance), key=lambda e: list(e.path))
    return [describe(error) for error in found]


def describe(error: SchemaError) -> str:
    where = error.json_path if error.path else "$"
    return f"{where}: {error.message}"
