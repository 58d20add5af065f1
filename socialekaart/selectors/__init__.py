"""Reads of the sociale kaart (split by topic; import from here).

``search_documents`` and ``search_document_for_page`` are the contract with the search
app; see docs/socialekaart.md.
"""

from socialekaart.selectors.content import (
    page_content,
    page_problems,
    pages_with_problems,
)
from socialekaart.selectors.freshness import (
    freshness_threshold,
    is_stale,
    open_report_counts,
    page_check_of,
    stale_pages,
    unchecked_since,
)
from socialekaart.selectors.matching import (
    Match,
    MatchResult,
    NationalScheme,
    national_schemes,
    services_matching,
)
from socialekaart.selectors.norms import (
    NormStatus,
    last_norm_change,
    norm_amounts_on,
    norm_period_on,
    norm_status,
    norm_table_is_outdated,
)
from socialekaart.selectors.pages import (
    attach_organisation_pages,
    live_services,
    organisation_display_name,
    organisation_for_page,
    organisation_page_list,
    service_list,
    services_of_organisation,
)
from socialekaart.selectors.search import (
    DOCUMENT_KEYS,
    search_document_for_page,
    search_documents,
)

__all__ = [
    "DOCUMENT_KEYS",
    "Match",
    "MatchResult",
    "NationalScheme",
    "NormStatus",
    "attach_organisation_pages",
    "freshness_threshold",
    "is_stale",
    "last_norm_change",
    "live_services",
    "national_schemes",
    "norm_amounts_on",
    "norm_period_on",
    "norm_status",
    "norm_table_is_outdated",
    "open_report_counts",
    "organisation_display_name",
    "organisation_for_page",
    "organisation_page_list",
    "page_check_of",
    "page_content",
    "page_problems",
    "pages_with_problems",
    "search_document_for_page",
    "search_documents",
    "service_list",
    "services_matching",
    "services_of_organisation",
    "stale_pages",
    "unchecked_since",
]
