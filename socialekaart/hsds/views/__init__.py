"""The read-only HSDS 3.0 API under ``/api/hsds/`` (thin: selectors read, ``mapping``
shapes). Anonymous, the same answer for everyone (never professional notes), in Dutch,
cacheable (``Cache-Control: public``, ``ETag``), open to other sites (CORS ``*``).

Lists answer the HSDS page shape; ``format=ndjson`` streams every result, one JSON
object per line, without pages. Bad parameters answer 400 with every problem at once
(``application/problem+json``); unknown or non-public ids answer 404."""

from __future__ import annotations

from socialekaart.hsds.views.common import (
    CACHE_SECONDS,
    DEFAULT_PER_PAGE,
    MAX_PAGE,
    MAX_PER_PAGE,
    MAX_PER_PAGE_FULL,
    MAX_PER_PAGE_MINIMAL,
    NDJSON_BATCH,
    PAGING,
    R,
    api,
    bad_parameters,
    batched,
    json_response,
    ndjson,
    not_found,
    page_of,
    problem,
    root,
)
from socialekaart.hsds.views.locations import (
    sal_mapped,
    service_at_location_detail,
    service_at_location_list,
)
from socialekaart.hsds.views.organisations import (
    organisations_mapped,
    organization_detail,
    organization_list,
)
from socialekaart.hsds.views.services import (
    MINIMAL_FIELDS,
    SERVICE_FILTERS,
    service_detail,
    service_list,
    services_mapped,
    services_minimal,
)
from socialekaart.hsds.views.taxonomies import (
    taxonomy_detail,
    taxonomy_list,
    taxonomy_term_detail,
    taxonomy_term_list,
)

__all__ = [
    "DEFAULT_PER_PAGE",
    "MAX_PER_PAGE",
    "MAX_PER_PAGE_FULL",
    "MAX_PER_PAGE_MINIMAL",
    "MAX_PAGE",
    "CACHE_SECONDS",
    "NDJSON_BATCH",
    "PAGING",
    "R",
    "json_response",
    "problem",
    "bad_parameters",
    "not_found",
    "api",
    "page_of",
    "ndjson",
    "batched",
    "root",
    "SERVICE_FILTERS",
    "MINIMAL_FIELDS",
    "services_minimal",
    "services_mapped",
    "service_list",
    "service_detail",
    "organisations_mapped",
    "organization_list",
    "organization_detail",
    "taxonomy_list",
    "taxonomy_detail",
    "taxonomy_term_list",
    "taxonomy_term_detail",
    "sal_mapped",
    "service_at_location_list",
    "service_at_location_detail",
]
