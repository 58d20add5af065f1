"""Our pages as HSDS 3.0 objects: the one place that decides what leaves the kaart.

Only what residents may see is mapped: never the ``professional_*`` fields, never
revisions that are not live (callers pass live pages from ``hsds.selectors``). The
full field-by-field mapping is in docs/hsds.md; the choices behind it are decisions
0050 (scope, ids) and 0051 (NL taxonomy in ``attributes``).

Every function takes objects with their related rows already loaded (see
``hsds.selectors``), so mapping a page of results runs no queries."""

from __future__ import annotations

from socialekaart.hsds.mapping.common import (
    COUNTRY,
    CURRENCY,
    LANGUAGE_NAMES,
    NATIONAL_SCHEME,
    ORGANISATION_SCHEME,
    STATUS_TO_HSDS,
    TOOI_MUNICIPALITY,
    WALK_IN,
    Site,
    block_id,
    checked_on,
    iso_datetime,
    last_modified,
)
from socialekaart.hsds.mapping.eligibility import (
    age_bounds,
    age_words,
    attribute,
    eligibility_description,
    ordered_rules,
    rule_attributes,
    rule_sentence,
    service_attributes,
    term_attribute,
)
from socialekaart.hsds.mapping.objects import (
    accessibility,
    address,
    application_process,
    cost_options,
    fees_description,
    languages,
    location_full,
    minimal_values,
    now_iso,
    organisation_name,
    organization_basic,
    organization_full,
    phones,
    required_documents,
    service_areas,
    service_at_locations,
    service_basic,
    service_full,
    service_minimal,
)
from socialekaart.hsds.mapping.schedules import (
    day_names,
    exception_schedule,
    hours_text,
    location_schedules,
    period_schedule,
    walk_in_schedules,
)

__all__ = [
    "STATUS_TO_HSDS",
    "CURRENCY",
    "COUNTRY",
    "WALK_IN",
    "TOOI_MUNICIPALITY",
    "NATIONAL_SCHEME",
    "ORGANISATION_SCHEME",
    "LANGUAGE_NAMES",
    "Site",
    "iso_datetime",
    "last_modified",
    "checked_on",
    "block_id",
    "day_names",
    "hours_text",
    "period_schedule",
    "exception_schedule",
    "walk_in_schedules",
    "location_schedules",
    "attribute",
    "term_attribute",
    "rule_attributes",
    "service_attributes",
    "ordered_rules",
    "age_words",
    "rule_sentence",
    "eligibility_description",
    "age_bounds",
    "phones",
    "languages",
    "address",
    "accessibility",
    "location_full",
    "service_areas",
    "cost_options",
    "fees_description",
    "required_documents",
    "application_process",
    "service_at_locations",
    "organisation_name",
    "organization_basic",
    "organization_full",
    "service_basic",
    "service_minimal",
    "minimal_values",
    "service_full",
    "now_iso",
]
