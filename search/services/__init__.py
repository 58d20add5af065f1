"""Search: the only entry point for searching and for changing the index.

* ``search_site(query, user=..., filters=...)`` answers the public search page, the JSON
  API and anything else that searches the sociale kaart.
* ``index_object(page)`` / ``remove_object(page)`` keep the index in step with Wagtail
  publishing (called on commit by ``search/signals.py``); ``index_documents`` and
  ``remove_documents`` do the same for ready-made documents.
* ``reindex_all()`` rebuilds every index from the database (the source of truth).
* ``missed_search_record``, ``synonym_group_create``, ``synonyms_changed`` and
  ``postcode_areas_load`` are the other state changes of this app.

Two backends (``search/backends``): the database backend is always written, because it
is the fallback; Meilisearch is written and asked first when ``MEILISEARCH_URL`` is set.
When Meilisearch cannot be reached, searching answers from the database and the fault is
logged (the backend's name and the kind of error, never the query); writing goes on in
the database and ``search_reindex`` catches Meilisearch up later.

Only public content is indexed (``search/documents.py``), so results need no narrowing
per user; ``user`` is taken so that protected kinds of documents can be narrowed here
when they are added (see STYLE.md section 6: the backend is never trusted for access).

The entry point by sub-domain (issue 12, step 7): ``values`` (filters and results),
``registry`` (the configured backends and their failures), ``searching``
(``search_site``), ``indexing`` (writing the index, synonyms), ``missed`` (missed
searches) and ``postcodes``. Every public name is re-exported here; other code imports
``search.services``, not its sub-modules.
"""

from search import synonyms as synonym_cache
from search.services.indexing import (
    index_documents,
    index_object,
    reindex_all,
    remove_documents,
    remove_object,
    synonym_group_create,
    synonyms_changed,
)
from search.services.missed import (
    MISSED_MAX_LENGTH,
    MISSED_MAX_WORDS,
    NAME_WORD_MAX_ZIPF,
    missed_query_text,
    missed_search_delete,
    missed_search_record,
)
from search.services.postcodes import postcode_areas_load
from search.services.registry import (
    RETRY_AFTER_SECONDS,
    backends_forget,
    database_backend,
    primary_backend,
    write_backends,
)
from search.services.searching import search_site
from search.services.values import (
    MAX_PAGE,
    MAX_PER_PAGE,
    FacetOption,
    Result,
    SearchFilters,
    SearchResults,
)

__all__ = [
    "FacetOption",
    "MAX_PAGE",
    "MAX_PER_PAGE",
    "MISSED_MAX_LENGTH",
    "MISSED_MAX_WORDS",
    "NAME_WORD_MAX_ZIPF",
    "RETRY_AFTER_SECONDS",
    "Result",
    "SearchFilters",
    "SearchResults",
    "backends_forget",
    "database_backend",
    "index_documents",
    "index_object",
    "missed_query_text",
    "missed_search_delete",
    "missed_search_record",
    "postcode_areas_load",
    "primary_backend",
    "reindex_all",
    "remove_documents",
    "remove_object",
    "search_site",
    "synonym_cache",
    "synonym_group_create",
    "synonyms_changed",
    "write_backends",
]
