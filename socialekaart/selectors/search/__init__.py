"""Search documents: the contract with the search app (``search/``).

One document per live, public, indexable page of the sociale kaart: services that
have not ended, and organisation pages. Ended services are left out (they stay online
to say they ended, but should not be found). Professional notes never appear.

Every document is a dict with exactly ``DOCUMENT_KEYS``; see docs/socialekaart.md for
the meaning of each key. ``search_documents()`` reads services in batches of
``batch_size`` by primary key with a fixed number of queries per batch (8), so a
reindex of 100,000 services stays linear.
"""

from socialekaart.selectors.search.building import KIND_ORGANISATION, KIND_SERVICE
from socialekaart.selectors.search.documents import (
    DOCUMENT_KEYS,
    search_document_for_page,
    search_documents,
)
from socialekaart.selectors.search.reading import SERVICE_FIELDS

__all__ = [
    "DOCUMENT_KEYS",
    "KIND_ORGANISATION",
    "KIND_SERVICE",
    "SERVICE_FIELDS",
    "search_document_for_page",
    "search_documents",
]
